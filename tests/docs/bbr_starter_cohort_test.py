#!/usr/bin/env python3
"""Checks scripts/bbr_starter_cohort.py (CT-15 read as written, docs/validation/11-national-standards.md
§11.14) on a planted events.csv: a starter is a case whose first start falls within the dates (a rejoin is
not a start), a completion after the last date does not count, an ended starter is not open, one with
neither is, other cases' rows are ignored; and a missing file, dates out of order and a replication with
no starter are refused."""

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "bbr_starter_cohort.py"
COLUMNS = ["replication", "date", "day", "case_id", "pdu", "event", "termination_reason"]


def run(directory, *dates, csv_out=None):
    args = [sys.executable, "-B", str(SCRIPT), str(directory), *(dates or ("2003-04-01", "2004-03-31", "2005-03-31"))]
    if csv_out:
        args += ["--csv", str(csv_out)]
    return subprocess.run(args, capture_output=True, text=True)


def plant(directory, rows):
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for rep, date, case, event in rows:
            w.writerow([rep, date, 0, case, "Area", event, ""])


def main():
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        plant(good, [
            # Replication 1: five starters, two completed, two still open.
            (1, "2003-05-01", "A", "bbr_start"), (1, "2003-11-01", "A", "bbr_completion"),
            (1, "2003-06-01", "B", "bbr_start"), (1, "2003-07-01", "B", "bbr_removed_non_attendance"),
            (1, "2004-05-01", "B", "bbr_start"), (1, "2004-12-01", "B", "bbr_completion"),   # a rejoin
            (1, "2003-07-01", "C", "bbr_start"), (1, "2003-09-01", "C", "bbr_ended_after_start"),
            (1, "2004-02-01", "D", "bbr_start"),                                             # still open
            (1, "2003-08-01", "G", "bbr_start"), (1, "2005-04-02", "G", "bbr_completion"),   # too late: open
            (1, "2002-12-01", "E", "bbr_start"), (1, "2003-06-01", "E", "bbr_completion"),   # began before
            (1, "2004-04-02", "F", "bbr_start"),                                             # began after
            (1, "2002-11-01", "I", "bbr_start"), (1, "2003-05-01", "I", "bbr_start"),        # a rejoin only
            (1, "2003-05-01", "H", "referral"), (1, "2003-05-02", "H", "allocated"),
            # Replication 2: two starters, one completed, one ended by the order's termination.
            (2, "2003-04-01", "A", "bbr_start"), (2, "2003-10-01", "A", "bbr_completion"),
            (2, "2004-03-31", "B", "bbr_start"), (2, "2004-06-01", "B", "terminated"),
        ])
        out_csv = Path(tmp) / "cohort.csv"
        out = run(good, csv_out=out_csv)
        expect(out.returncode == 0, f"runs on a planted file ({out.stderr.strip()})")
        expect("replication 1: 2 of 5 starters completed, 2 still open" in out.stdout, f"replication 1: {out.stdout}")
        expect("replication 2: 1 of 2 starters completed, 0 still open" in out.stdout, f"replication 2: {out.stdout}")
        expect("completed share of starters: 45.0% [" in out.stdout, f"the mean of 40% and 50%: {out.stdout}")
        rows = list(csv.DictReader(open(out_csv))) if out_csv.exists() else []
        expect([(r["replication"], r["starters"], r["completed"], r["still_open"]) for r in rows]
               == [("1", "5", "2", "2"), ("2", "2", "1", "0")], f"--csv: {rows}")

        missing = run(Path(tmp) / "nothing")
        expect(missing.returncode == 2 and "no such file" in missing.stderr, f"a missing file: {missing.stderr}")
        disorder = run(good, "2004-03-31", "2003-04-01", "2005-03-31")
        expect(disorder.returncode == 2 and "in order" in disorder.stderr, f"dates out of order: {disorder.stderr}")
        empty = run(good, "2001-01-01", "2001-12-31", "2005-03-31")
        expect(empty.returncode == 2 and "no starter" in empty.stderr, f"no starter: {empty.stderr}")

    for failure in failures:
        print("FAIL:", failure)
    print("bbr_starter_cohort_test:", "ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
