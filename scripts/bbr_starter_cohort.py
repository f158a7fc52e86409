#!/usr/bin/env python3
"""CT-15 read as written (docs/validation/11-national-standards.md §11.14): of the men whose first session of
the BBR-keyed programme fell between two dates, how many had completed it by a later date, per replication,
from a run's events.csv. PUB-8 gives "71% of 2003/04 starters completed": a group of starters followed
through, which neither a year's completions ÷ starts nor a share of the requirements ended is.

    probsim run scenarios/national_standards_2004_county_durham.yaml --reps 10 --seed 2004 \\
        --set simulation.report_end=2005-03-31 --events --out results/durham_cohort
    python3 scripts/bbr_starter_cohort.py results/durham_cohort 2003-04-01 2004-03-31 2005-03-31
    python3 scripts/bbr_starter_cohort.py results/durham_cohort 2003-04-01 2004-03-31 2005-03-31 --csv c.csv

A starter is a case whose first `bbr_start` row is dated within the first two dates (a rejoin is not a
start). He completed if a `bbr_completion` row follows by the third date. He is still open if he has
neither completed nor ended (`bbr_ended_after_start`, or `terminated`) by then: removed and back on the
list, or in a group. Prints, per replication and as a mean with a t-based 95% CI, the completed share of
starters; --csv writes one row per replication (replication, starters, completed, still_open).
"""

import csv
import datetime
import statistics
import sys
from collections import defaultdict
from pathlib import Path

T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
        10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110,
        18: 2.101, 19: 2.093}
ENDINGS = {"bbr_ended_after_start", "terminated"}
NEEDED = ("replication", "date", "case_id", "event")


def fail(message):
    print(f"bbr_starter_cohort: {message}", file=sys.stderr)
    sys.exit(2)


def parse_date(text, what):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        fail(f"{what}: expected a date YYYY-MM-DD, found '{text}'")


def cohort(events, first, last, until):
    """{replication: (starters, completed, still_open)}, replications as ints in order."""
    if not events.is_file():
        fail(f"{events}: no such file (run with --events)")
    rows = defaultdict(lambda: defaultdict(list))
    with open(events, newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in NEEDED if c not in (reader.fieldnames or [])]
        if missing:
            fail(f"{events}: no column {', '.join(missing)}")
        for line, r in enumerate(reader, start=2):
            event = r["event"]
            if event not in ENDINGS and not event.startswith("bbr_"):
                continue
            date = parse_date(r["date"], f"{events}:{line}: date")
            rows[int(r["replication"])][r["case_id"]].append((date, event))
    result = {}
    for rep in sorted(rows):
        starters = completed = still_open = 0
        for case_rows in rows[rep].values():
            starts = sorted(d for d, e in case_rows if e == "bbr_start")
            if not starts or not first <= starts[0] <= last:
                continue
            starters += 1
            after = [(d, e) for d, e in case_rows if starts[0] <= d <= until]
            if any(e == "bbr_completion" for _, e in after):
                completed += 1
            elif not any(e in ENDINGS for _, e in after):
                still_open += 1
        result[rep] = (starters, completed, still_open)
    if not result:
        fail(f"{events}: no replication has a row")
    return result


def mean_ci(values):
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, float("nan"), float("nan")
    half = T975.get(len(values) - 1, 1.96) * statistics.stdev(values) / len(values) ** 0.5
    return mean, mean - half, mean + half


def main(argv):
    args = [a for a in argv if a != "--csv"]
    out = None
    if "--csv" in argv:
        at = argv.index("--csv")
        if at + 1 >= len(argv):
            fail("--csv needs a file name")
        out = argv[at + 1]
        args.remove(out)
    if len(args) != 4:
        fail("usage: bbr_starter_cohort.py RUN_DIR FROM TO UNTIL [--csv FILE]")
    run_dir, first, last, until = Path(args[0]), *(parse_date(a, w) for a, w in
                                                    zip(args[1:], ("FROM", "TO", "UNTIL")))
    if not first <= last <= until:
        fail(f"the dates must be in order: FROM {first} <= TO {last} <= UNTIL {until}")
    counts = cohort(run_dir / "events.csv", first, last, until)
    if any(starters == 0 for starters, _, _ in counts.values()):
        fail(f"a replication has no starter between {first} and {last}")
    shares = [completed / starters for starters, completed, _ in counts.values()]
    for rep, (starters, completed, still_open) in counts.items():
        print(f"replication {rep}: {completed} of {starters} starters completed, {still_open} still open")
    mean, low, high = mean_ci(shares)
    print(f"completed share of starters: {100 * mean:.1f}% [{100 * low:.1f}, {100 * high:.1f}] "
          f"over {len(shares)} replications")
    if out:
        with open(out, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["replication", "starters", "completed", "still_open"])
            for rep, row in counts.items():
                w.writerow([rep, *row])


if __name__ == "__main__":
    main(sys.argv[1:])
