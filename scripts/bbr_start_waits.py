#!/usr/bin/env python3
"""CT-5 by region (docs/validation/09-bbr-delivery.md §9.12): the mean wait from requirement to recorded start of the BBR
starts made between two dates, per region and nationally, from a run's events.csv.

    probsim run scenarios/england_wales_2022.yaml --reps 4 --jobs 2 --seed 1 \\
        --set simulation.report_end=2024-04-30 --events --out results/ew_to_2024
    python3 scripts/bbr_start_waits.py results/ew_to_2024 2024-01-01 2024-04-30
    python3 scripts/bbr_start_waits.py results/ew_to_2024 2024-01-01 2024-04-30 --csv waits.csv

A start is a `bbr_start` row; its wait is its date minus its `requirement_date`, in weeks. The region is
the PDU's name up to " PDU" (the national scenario's naming). For each region: the starts per replication,
and the mean over replications of each replication's mean wait, with a t-based 95% CI.
"""

import csv
import datetime
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from replication_ci import mean_ci  # noqa: E402  (the same t-based 95% CI as summary.csv)

DAYS_PER_MONTH = 365.25 / 12


def fail(message):
    print(f"bbr_start_waits: {message}", file=sys.stderr)
    sys.exit(2)


def parse_date(text, what):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        fail(f"{what}: expected a date YYYY-MM-DD, found '{text}'")


def start_waits(events, first, last):
    """{unit: (starts per replication, mean, ci_low, ci_high)} for the regions (sorted) and "national"."""
    if not events.is_file():
        fail(f"{events}: no such file (run probsim with --events)")
    waits = defaultdict(list)  # (region, replication) -> weeks
    replications = set()
    with events.open(newline="") as f:
        reader = csv.DictReader(f)
        for column in ("replication", "date", "pdu", "event", "requirement_date"):
            if column not in (reader.fieldnames or []):
                fail(f"{events}: no column '{column}'")
        for line, row in enumerate(reader, start=2):
            replications.add(row["replication"])
            if row["event"] != "bbr_start":
                continue
            day = datetime.date.fromisoformat(row["date"])
            if not first <= day <= last:
                continue
            if not row["requirement_date"]:
                fail(f"{events}:{line}: a bbr_start row without its requirement_date")
            weeks = (day - datetime.date.fromisoformat(row["requirement_date"])).days / 7
            region = row["pdu"].rsplit(" PDU", 1)[0]
            for unit in (region, "national"):
                waits[(unit, row["replication"])].append(weeks)
    out = {}
    for unit in sorted({u for u, _ in waits if u != "national"}) + ["national"]:
        means = [statistics.mean(waits[(unit, r)]) for r in sorted(replications) if waits[(unit, r)]]
        starts = sum(len(waits[(unit, r)]) for r in replications) / len(replications)
        out[unit] = (starts, *mean_ci(means))
    return out, len(replications)


def main(argv):
    args = argv[1:]
    csv_out = None
    if len(args) == 5 and args[3] == "--csv":
        csv_out = Path(args[4])
        args = args[:3]
    if len(args) != 3:
        fail("usage: bbr_start_waits.py RUN_DIR FROM TO [--csv OUT] (dates YYYY-MM-DD, inclusive)")
    first, last = parse_date(args[1], "FROM"), parse_date(args[2], "TO")
    waits, replications = start_waits(Path(args[0]) / "events.csv", first, last)
    if csv_out is not None:
        with csv_out.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["unit", "starts_per_replication", "mean_weeks", "ci95_low", "ci95_high"])
            for unit, values in waits.items():
                w.writerow([unit] + [f"{v:.4f}" for v in values])
        return
    print(f"BBR starts {first} to {last}: mean wait from requirement to start, "
          f"{replications} replications (mean [95% CI])")
    for unit, (starts, mean, low, high) in waits.items():
        print(f"  {unit:26s} starts {starts:7.1f}  {mean:5.1f} weeks [{low:5.1f}, {high:5.1f}]"
              f"  = {mean * 7 / DAYS_PER_MONTH:4.1f} months")


if __name__ == "__main__":
    main(sys.argv)
