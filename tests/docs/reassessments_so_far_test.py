#!/usr/bin/env python3
"""Checks scripts/reassessments_so_far.py (2d.6, docs/validation/11-national-standards.md §11.19) on a
planted events.csv, against shares worked out by hand: a case is re-assessed by a periodic_review_done or
event_review_done row on or before the day (another task's row, or one after the day, does not count); the
sample is the cases whose referral was 122 to 365 days before the day (both ends in) and that have not ended
by it (a warm-start case has no referral and is out); the first re-assessment's age is classed in completed
months and in months to the nearest; the age bands take every case begun up to 365 days before. A missing
events.csv, a log without task rows and a replication with no case in the sample are refused, and the
page's line says outside for a share outside 2d.6's Wilson interval and inside for one within it."""

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "reassessments_so_far.py"
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
        for rep, date, case, event, da in rows:
            w.writerow([rep, date, 0, case, "Area", event, "medium", da, "Area/po-001" if event.endswith("_done") else ""])


def case(rep, case_id, start, da, *done, ended=None, referral=True):
    rows = [(rep, start, case_id, "referral" if referral else "initial", da)]
    rows += [(rep, d, case_id, event, da) for d, event in done]
    if ended:
        rows.append((rep, ended, case_id, "terminated", da))
    return rows


def main():
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        rows = []
        # Ages on 30 Mar 2004 (days, completed months): 1 Jun 2003 303 (9), 1 Jul 273 (8), 1 May 334 (10),
        # 31 Mar 2003 365 (11), 30 Mar 2003 366 (out), 1 Oct 181 (5), 15 Dec 106 (3), 20 Dec 101 (3).
        rows += case(1, "A", "2003-06-01", 1, ("2003-09-25", "periodic_review_done"))   # first at 116 d: 3.81 mo
        rows += case(1, "B", "2003-06-01", 0, ("2003-11-01", "event_review_done"))      # 153 d: 5.03 mo
        rows += case(1, "C", "2003-07-01", 0, ("2003-08-01", "sara_done"))              # not a review
        rows += case(1, "D", "2003-05-01", 1, ("2004-01-15", "periodic_review_done"))   # 259 d: 8.51 mo
        rows += case(1, "E", "2003-06-01", 1, ("2003-09-25", "periodic_review_done"), ended="2004-03-30")
        rows += case(1, "F", "2003-12-15", 0, ("2004-02-01", "event_review_done"))      # too young: a band only
        rows += case(1, "G", "2003-12-20", 0)
        rows += case(1, "H", "2003-06-01", 1, ("2004-03-31", "periodic_review_done"))   # after the day
        rows += case(1, "I", "2002-10-01", 0, ("2003-06-01", "periodic_review_done"), referral=False)
        rows += case(1, "J", "2003-03-31", 0, ("2003-07-25", "periodic_review_done"))   # 116 d
        rows += case(1, "K", "2003-03-30", 0, ("2003-07-24", "periodic_review_done"))   # 366 days: out
        rows += case(1, "M", "2003-10-01", 0, ("2003-11-15", "event_review_done"),      # 45 d: 1.48 mo
                     ("2004-01-21", "periodic_review_done"))
        rows += case(2, "A", "2003-06-01", 0, ("2003-09-25", "periodic_review_done"))
        plant(good, rows)
        out = Path(tmp) / "out.csv"
        result = run(good, out)
        expect(result.returncode == 0, f"the planted run is refused: {result.stderr}")
        got = {r["replication"]: r for r in csv.DictReader(open(out))} if out.exists() else {}
        one = got.get("1", {})
        # By hand. Replication 1's sample: A, B, C, D, H, J, M (7); re-assessed A, B, D, J, M; periodic A, D,
        # J, M; DA A, D, H, of which A and D; the first an event review in B and M. First re-assessments in completed months: A 3, B 5, D 8, J 3,
        # M 1; to the nearest: A 4, B 5, D 9, J 4, M 1. Bands: 0-3 F (yes), G (no); 4-6 M (yes); 7-9 A, B
        # (yes), C, H (no); 10-12 D, J (yes).
        want = {"cases": 7, "reassessed": 5 / 7, "periodic_reviewed": 4 / 7, "da_cases": 3, "da_reassessed": 2 / 3,
                "first_completed_4_6": 1 / 5, "first_completed_7_9": 1 / 5, "first_completed_other": 3 / 5,
                "first_nearest_4_6": 3 / 5, "first_nearest_7_9": 1 / 5, "first_nearest_other": 1 / 5,
                "age_0_3_cases": 2, "age_0_3_reassessed": 0.5, "age_4_6_cases": 1, "age_4_6_reassessed": 1.0,
                "age_7_9_cases": 4, "age_7_9_reassessed": 0.5, "age_10_12_cases": 2, "age_10_12_reassessed": 1.0}
        for key, value in want.items():
            expect(key in one and abs(float(one[key]) - value) < 1e-9, f"replication 1 {key}: {one.get(key)}, want {value}")
        two = got.get("2", {})
        expect(two.get("cases") == "1" and two.get("reassessed") == "1.0" and two.get("da_reassessed") == "nan",
               f"replication 2: {two}")
        expect(list(got) == ["1", "2"], f"replications in order: {list(got)}")

        # The page's line: the mean of replications 1 and 2, (5/7 + 1) / 2 = 85.7%, lies outside 2d.6's
        # Wilson interval [41.3%, 60.6%]; the DA share is replication 1's alone (replication 2 has no DA case).
        page = Path(tmp) / "runs"
        (page / "ns2004_county_durham_reassessments").mkdir(parents=True)
        target = page / "ns2004_county_durham_reassessments" / "reassessments.csv"
        target.write_text(out.read_text())
        sys.path.insert(0, str(ROOT / "scripts"))
        sys.dont_write_bytecode = True
        import reassessments_so_far
        line = reassessments_so_far.page_line(page)
        expect(line is not None and "85.7% [" in line and "Wilson [41.3%, 60.6%]: **outside**" in line,
               f"the page's line: {line}")
        expect(line is not None and "DA cases 66.7% (1 replication)" in line, f"the page's DA share: {line}")
        # Under 4 months: F re-assessed, G not (0.5; replication 2 has no such case, so 0.5 is the mean):
        # (0.857 - 0.51) / (0.857 - 0.5) = 97%.
        expect(line is not None and "a sample with 97% or more of its cases under 4 months" in line,
               f"the page's age threshold: {line}")
        expect(line is not None and "an event review in 20.0% [" in line, f"the page's event-first share: {line}")
        fields = list(csv.DictReader(open(out)))[0].keys()
        with open(target, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=fields)
            w.writeheader()
            for rep, share in ((1, 0.50), (2, 0.52)):
                w.writerow({k: (rep if k == "replication" else share if k == "reassessed" else 0.0) for k in fields})
        inside = reassessments_so_far.page_line(page)
        expect(inside is not None and "Wilson [41.3%, 60.6%]: inside" in inside, f"the page's line: {inside}")
        target.unlink()
        expect(reassessments_so_far.page_line(page) is None, "the page's line without its file")

        missing = run(Path(tmp) / "nothing")
        expect(missing.returncode != 0 and "events.csv: missing" in missing.stderr, f"missing: {missing.stderr}")
        plain = Path(tmp) / "plain"
        plant(plain, case(3, "Z", "2003-06-01", 0))
        refused = run(plain)
        expect(refused.returncode != 0 and "no task rows (run with --events-tasks)" in refused.stderr,
               f"no task rows: {refused.stderr}")
        young = Path(tmp) / "young"
        plant(young, case(4, "Y", "2004-01-01", 0, ("2004-02-01", "event_review_done")))
        refused = run(young)
        expect(refused.returncode != 0 and "replication 4 has no case in the sample" in refused.stderr,
               f"no case: {refused.stderr}")

    for f in failures:
        print("FAIL:", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
