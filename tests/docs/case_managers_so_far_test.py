#!/usr/bin/env python3
"""Checks scripts/case_managers_so_far.py (2a.17 and 2d.7, docs/validation/11-national-standards.md §11.18)
on a planted events.csv, against shares worked out by hand: a case's case managers are the distinct
practitioners of its allocated rows on or before the day (a re-allocation to the same person is not a
change; a row after the day does not count); the sample is the DA cases whose referral was 122 to 365 days
before the day (both ends in) and that have not ended by it (a warm-start case has no referral and is out);
each RoSH level's classes are weighted by 2a.12/2a.13's mix over the levels present, the case's RoSH being
its last row's; the all-cases share counts the non-DA cases too. A missing events.csv and a replication
with no DA case in the sample are refused, and the page's line says outside for a share outside 2a.17's
Wilson interval and inside for one within it; --paired-with prints the paired differences."""

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "case_managers_so_far.py"
COLUMNS = ["replication", "date", "day", "case_id", "pdu", "event", "rosh", "domestic_abuse_flag", "practitioner"]
DAY = "2004-03-30"


def run(directory, csv_out=None):
    args = [sys.executable, "-B", str(SCRIPT), str(directory), DAY]
    if csv_out:
        args += ["--csv", str(csv_out)]
    return subprocess.run(args, capture_output=True, text=True)


def plant(directory, rows):
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for rep, date, case, event, rosh, da, practitioner in rows:
            w.writerow([rep, date, 0, case, "Area", event, rosh, da, practitioner])


def case(rep, case_id, start, rosh, da, *allocations, ended=None, referral=True):
    rows = [(rep, start, case_id, "referral" if referral else "initial", rosh, da, "")]
    rows += [(rep, d, case_id, "allocated", r or rosh, da, p) for d, p, r in allocations]
    if ended:
        rows.append((rep, ended, case_id, "terminated", rosh, da, ""))
    return rows


def main():
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        rows = []
        rows += case(1, "A", "2003-06-01", "medium", 1, ("2003-06-01", "P1", None))                      # one
        rows += case(1, "B", "2003-06-01", "medium", 1, ("2003-06-01", "P1", None), ("2003-09-01", "P2", None))
        rows += case(1, "C", "2003-07-01", "high", 1, *[("2003-07-01", p, None) for p in ("P1", "P2", "P3", "P4")])
        rows += case(1, "D", "2003-07-01", "high", 1, ("2003-07-01", "P1", None), ("2003-08-01", "P1", None))
        rows += case(1, "E", "2003-06-01", "medium", 1, ("2003-06-01", "P1", None), ("2004-03-31", "P2", None))
        rows += case(1, "F", "2003-06-01", "medium", 1, ("2003-06-01", "P1", None), ("2003-07-01", "P2", None),
                     ended="2004-03-30")                                                                   # ended
        rows += case(1, "G", "2003-12-01", "medium", 1, ("2003-12-01", "P1", None), ("2004-01-01", "P2", None))
        rows += case(1, "H", "2003-03-31", "low", 1, ("2003-03-31", "P1", None))                         # 365 days
        rows += case(1, "I", "2003-03-30", "low", 1, ("2003-03-30", "P1", None), ("2003-05-01", "P2", None))
        rows += case(1, "J", "2003-06-01", "medium", 0, ("2003-06-01", "P1", None), ("2003-07-01", "P2", None))
        rows += case(1, "K", "2002-10-01", "high", 1, ("2003-06-01", "P1", None), ("2003-07-01", "P2", None),
                     referral=False)                                                                     # warm start
        rows += case(1, "L", "2003-06-01", "low", 1, ("2003-06-01", "P1", "medium"))                     # RoSH rose
        rows += case(2, "A", "2003-06-01", "very_high", 1, ("2003-06-01", "P1", None))
        plant(good, rows)
        out = Path(tmp) / "out.csv"
        result = run(good, out)
        expect(result.returncode == 0, f"the planted run is refused: {result.stderr}")
        got = {r["replication"]: r for r in csv.DictReader(open(out))} if out.exists() else {}
        one = got.get("1", {})
        # By hand. Replication 1's sample: medium A, B, E, L (classes 1, 2, 1, 1); high C, D (4+, 1); low H (1).
        # Weights over the levels present: medium 0.48, high 0.33, low 0.14, of 0.95.
        want = {"da_cases": 7, "all_cases": 8, "da_share_1": 0.665 / 0.95, "da_share_2": 0.12 / 0.95,
                "da_share_3": 0.0, "da_share_4+": 0.165 / 0.95, "da_more_than_one": 0.285 / 0.95,
                "da_mean_changes": (0.48 * 0.25 + 0.33 * 1.5) / 0.95, "all_more_than_one": 3 / 8}
        for key, value in want.items():
            expect(key in one and abs(float(one[key]) - value) < 1e-9, f"replication 1 {key}: {one.get(key)}, want {value}")
        two = got.get("2", {})
        expect(two.get("da_cases") == "1" and abs(float(two.get("da_share_1", "nan")) - 1.0) < 1e-12,
               f"replication 2: {two}")
        expect(list(got) == ["1", "2"], f"replications in order: {list(got)}")

        # The page's line: the mean of replications 1 and 2, (30% + 0%) / 2 = 15%, lies outside 2a.17's
        # Wilson interval [37.1%, 52.7%].
        page = Path(tmp) / "runs"
        for directory in ("ns2004_case_managers", "ns2004_gwent_cohort", "ns2004_county_durham_cohort"):
            (page / directory).mkdir(parents=True)
            (page / directory / "case_managers.csv").write_text(out.read_text())
        sys.path.insert(0, str(ROOT / "scripts"))
        sys.dont_write_bytecode = True
        import case_managers_so_far
        line = case_managers_so_far.page_line(page)
        expect(line is not None and "Wilson [37.1%, 52.7%]: **outside**" in line, f"the page's line: {line}")
        expect(line is not None and "more than one 15.0% [" in line, f"the page's mean: {line}")
        # A mean of 45% is inside.
        fields = list(csv.DictReader(open(out)))[0].keys()
        with open(page / "ns2004_case_managers" / "case_managers.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=fields)
            w.writeheader()
            for rep, share in ((1, 0.40), (2, 0.50)):
                w.writerow({k: (rep if k == "replication" else share if k == "da_more_than_one" else 0.0) for k in fields})
        inside = case_managers_so_far.page_line(page)
        expect(inside is not None and "Wilson [37.1%, 52.7%]: inside" in inside, f"the page's line: {inside}")
        (page / "ns2004_gwent_cohort" / "case_managers.csv").unlink()
        expect(case_managers_so_far.page_line(page) is None, "the page's line without Gwent's file")

        # --paired-with: replication 1 with B's second case manager taken away (B one, not two): DA more
        # than one 0.285/0.95 -> 0.165/0.95 (only C, 4+, in high); replication 2 is unchanged, so the mean
        # paired difference is half of replication 1's.
        paired = Path(tmp) / "paired"
        plant(paired, [r for r in rows if not (r[2] == "B" and r[6] == "P2")])
        result = subprocess.run([sys.executable, "-B", str(SCRIPT), str(good), DAY, "--paired-with", str(paired)],
                                capture_output=True, text=True)
        want_line = f"paired da_more_than_one: {(0.165 - 0.285) / 0.95 / 2:+.4f}"
        expect(result.returncode == 0 and want_line in result.stdout, f"paired: want {want_line} in {result.stdout}")

        missing = run(Path(tmp) / "nothing")
        expect(missing.returncode != 0 and "events.csv: missing" in missing.stderr, f"missing: {missing.stderr}")
        empty = Path(tmp) / "empty"
        plant(empty, case(3, "Z", "2003-06-01", "medium", 0, ("2003-06-01", "P1", None)))
        refused = run(empty)
        expect(refused.returncode != 0 and "replication 3 has no DA case" in refused.stderr, f"no DA: {refused.stderr}")

    for f in failures:
        print("FAIL:", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
