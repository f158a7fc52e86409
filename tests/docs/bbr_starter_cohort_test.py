#!/usr/bin/env python3
"""Checks scripts/bbr_starter_cohort.py (CT-15 read as written, docs/validation/11-national-standards.md
§11.14) on a planted events.csv: a starter is a case whose first start falls within the dates (a rejoin is
not a start); a completion counts on the last date and not a day after, and before any later ending; an
ending after the last date does not count; a removal without a later start is "removed" and one followed
by a start is not; other cases' and programmes' rows are ignored. Of the drop-outs (the ended and the
removed), those breached (a breached removal by the last date) or revoked, and apart those recalled. A missing file, a short row, a bad
replication number, dates out of order and a replication with no starter are refused."""

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
        for rep, date, case, event, *reason in rows:
            w.writerow([rep, date, 0, case, "Area", event, reason[0] if reason else ""])


def main():
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        plant(good, [
            # Replication 1: nine starters: 3 completed (A, B, J), 1 ended (C), 1 removed (L), 4 in the
            # programme (D, G, K, M).
            (1, "2003-05-01", "A", "bbr_start"), (1, "2003-11-01", "A", "bbr_completion"),
            (1, "2004-06-01", "A", "terminated"),                                            # ended after
            (1, "2003-06-01", "B", "bbr_start"), (1, "2003-07-01", "B", "bbr_removed_non_attendance"),
            (1, "2004-05-01", "B", "bbr_start"), (1, "2004-12-01", "B", "bbr_completion"),   # a rejoin
            (1, "2003-07-01", "C", "bbr_start"), (1, "2003-09-01", "C", "bbr_ended_after_start", "recall"),
            (1, "2004-02-01", "D", "bbr_start"),                                             # in a group
            (1, "2003-08-01", "G", "bbr_start"), (1, "2005-04-01", "G", "bbr_completion"),   # a day late
            (1, "2003-09-01", "J", "bbr_start"), (1, "2005-03-31", "J", "bbr_completion"),   # on the day
            (1, "2003-10-01", "K", "bbr_start"), (1, "2005-06-01", "K", "terminated"),       # ends after
            (1, "2003-11-01", "L", "bbr_start"), (1, "2004-01-01", "L", "bbr_removed_non_attendance"),
            (1, "2004-01-01", "L", "bbr_removal_breached"),                                  # breached
            (1, "2003-05-01", "M", "bbr_start"), (1, "2003-06-01", "M", "bbr_removed_non_attendance"),
            (1, "2003-08-01", "M", "bbr_start"),                                             # back in
            (1, "2002-12-01", "E", "bbr_start"), (1, "2003-06-01", "E", "bbr_completion"),   # began before
            (1, "2004-04-02", "F", "bbr_start"),                                             # began after
            (1, "2002-11-01", "I", "bbr_start"), (1, "2003-05-01", "I", "bbr_start"),        # a rejoin only
            (1, "2003-05-01", "H", "referral"), (1, "2003-05-02", "H", "terminated"),         # never started
            (1, "2003-05-01", "N", "stepwise_start"),                                        # another programme
            # Replication 2: three starters, one completed, one revoked, one removed (his breach too late).
            (2, "2003-04-01", "A", "bbr_start"), (2, "2003-10-01", "A", "bbr_completion"),
            (2, "2004-03-31", "B", "bbr_start"), (2, "2004-06-01", "B", "terminated", "revocation"),
            (2, "2003-05-01", "M", "bbr_start"), (2, "2003-06-01", "M", "bbr_removed_non_attendance"),
            (2, "2005-04-01", "M", "bbr_removal_breached"),                                  # too late
            # Replication 3: a breached removal then a recall counts as breached; an order ended on breach
            # does; an activation does; a recall alone is recalled.
            (3, "2003-05-01", "P", "bbr_start"), (3, "2003-06-01", "P", "bbr_removed_non_attendance"),
            (3, "2003-06-01", "P", "bbr_removal_breached"), (3, "2003-06-15", "P", "terminated", "recall"),
            (3, "2003-05-01", "Q", "bbr_start"), (3, "2003-08-01", "Q", "bbr_ended_after_start", "breach"),
            (3, "2003-05-01", "R", "bbr_start"), (3, "2003-08-01", "R", "terminated", "activation"),
            (3, "2003-05-01", "S", "bbr_start"), (3, "2003-08-01", "S", "terminated", "recall"),
        ])
        out_csv = Path(tmp) / "cohort.csv"
        out = run(good, csv_out=out_csv)
        expect(out.returncode == 0, f"runs on a planted file ({out.stderr.strip()})")
        expect("replication 1: 3 of 9 starters completed; 1 ended, 1 removed, 4 in the programme; of the "
               "drop-outs 1 breached or revoked, 1 recalled" in out.stdout, f"replication 1: {out.stdout}")
        expect("replication 2: 1 of 3 starters completed; 1 ended, 1 removed, 0 in the programme; of the "
               "drop-outs 1 breached or revoked, 0 recalled" in out.stdout, f"replication 2: {out.stdout}")
        expect("replication 3: 0 of 4 starters completed; 4 ended, 0 removed, 0 in the programme; of the "
               "drop-outs 3 breached or revoked, 1 recalled" in out.stdout, f"replication 3: {out.stdout}")
        expect("completed share of starters: 22.2% [" in out.stdout, f"the mean of 1/3, 1/3 and 0: {out.stdout}")
        # Drop-outs: 1 of 2 breached or revoked in both (the removal breached; the revoked order); the
        # recall counts only in the second share; a breach after the last date does not count.
        expect("drop-outs breached or revoked: 58.3% [" in out.stdout, f"PUB-8's share, 1/2, 1/2, 3/4: {out.stdout}")
        expect("drop-outs breached, revoked or recalled: 83.3% [" in out.stdout, f"with recalls, 1, 1/2, 1: {out.stdout}")
        rows = list(csv.DictReader(open(out_csv))) if out_csv.exists() else []
        expect([tuple(r.values()) for r in rows] == [("1", "9", "3", "1", "1", "4", "1", "1"),
                                                     ("2", "3", "1", "1", "1", "0", "1", "0"),
                                                     ("3", "4", "0", "4", "0", "0", "3", "1")], f"--csv: {rows}")

        short = Path(tmp) / "short"
        short.mkdir()
        (short / "events.csv").write_text(",".join(COLUMNS) + "\n1,2003-05-01,0,A,Area\n")
        cut = run(short)
        expect(cut.returncode == 2 and "events.csv:2: the row is short" in cut.stderr, f"a short row: {cut.stderr}")
        word = Path(tmp) / "word"
        plant(word, [("one", "2003-05-01", "A", "bbr_start")])
        bad = run(word)
        expect(bad.returncode == 2 and "events.csv:2: replication" in bad.stderr, f"a bad replication: {bad.stderr}")
        missing = run(Path(tmp) / "nothing")
        expect(missing.returncode == 2 and "no such file" in missing.stderr, f"a missing file: {missing.stderr}")
        disorder = run(good, "2004-03-31", "2003-04-01", "2005-03-31")
        expect(disorder.returncode == 2 and "in order" in disorder.stderr, f"dates out of order: {disorder.stderr}")
        empty = run(good, "2001-01-01", "2001-12-31", "2005-03-31")
        expect(empty.returncode == 2 and "replication 1 has no starter" in empty.stderr, f"no starter: {empty.stderr}")

    for failure in failures:
        print("FAIL:", failure)
    print("bbr_starter_cohort_test:", "ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
