#!/usr/bin/env python3
"""The CT-17 loss of docs/validation/10-workload.md §10.8, for runs of scenarios/england_wales_2023.yaml.

    probsim run scenarios/england_wales_2023.yaml --reps 2 --jobs 2 --out results/ew2023
    python3 scripts/wmt_loss.py results/ew2023 [more run directories ...]
    python3 scripts/wmt_loss.py results/ew2023_wmt      # a batch directory: each of its points/*

For each run directory (its summary.csv and timeseries.csv) prints:
- CT-17/PUB-14: the national `workload_snapshot_pct_mean` (the end of 7 Feb 2023) with its 95% CI;
- the regions' snapshot means, highest first, and how many are above 110%;
- CT-17/PUB-15: the mean of the 12 national month-end `workload_pct_mean` snapshots 31 Dec 2022 - 30 Nov
  2023 (the first days of Jan-Dec 2023), per replication, then their mean and a t-based 95% CI;
- the loss (snapshot - 111.7)^2 + (PUB-15 mean - 120)^2 in points^2.
"""

import calendar
import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from replication_ci import mean_ci  # noqa: E402  (the same t-based 95% CI as summary.csv)

CT17_NATIONAL = 111.7   # PUB-14
CT17_2023 = 120.0       # PUB-15, "about 120%"
PUB15_DATES = ["2022-12-31"] + [f"2023-{m:02d}-{d}" for m, d in
                                [(1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31),
                                 (9, 30), (10, 31), (11, 30)]]


def month_ends(first, last):
    """The month ends from month `first` to month `last` ("YYYY-MM"), as ISO dates."""
    (year, month), (last_year, last_month) = (map(int, first.split("-")), map(int, last.split("-")))
    out = []
    while (year, month) <= (last_year, last_month):
        out.append(f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def report(run_dir):
    run_dir = Path(run_dir)
    summary = {}
    with open(run_dir / "summary.csv", newline="") as f:
        for row in csv.DictReader(f):
            summary[(row["level"], row["unit"], row["kpi"])] = row
    national = summary[("national", "national", "workload_snapshot_pct_mean")]
    snap = float(national["mean"])
    regions = sorted(((float(r["mean"]), unit) for (level, unit, kpi), r in summary.items()
                      if level == "region" and kpi == "workload_snapshot_pct_mean"), reverse=True)
    monthly = defaultdict(dict)
    with open(run_dir / "timeseries.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "national" and row["metric"] == "workload_pct_mean" and row["date"] in PUB15_DATES:
                monthly[row["replication"]][row["date"]] = float(row["value"])
    per_rep = [statistics.fmean(v.values()) for v in monthly.values() if len(v) == len(PUB15_DATES)]
    pub15, pub15_low, pub15_high = mean_ci(per_rep)
    loss = (snap - CT17_NATIONAL) ** 2 + (pub15 - CT17_2023) ** 2
    print(f"== {run_dir}")
    print(f"CT-17 national snapshot 7 Feb 2023: {snap:.1f} ({float(national['ci95_low']):.1f}-"
          f"{float(national['ci95_high']):.1f}) against {CT17_NATIONAL} +- 5 (gap {snap - CT17_NATIONAL:+.1f})")
    print(f"regions above 110%: {sum(1 for m, _ in regions if m > 110)} of {len(regions)} (CT-17: 8); "
          f"highest: {regions[0][1]}; London rank {[u for _, u in regions].index('London') + 1}")
    print("  " + "; ".join(f"{unit} {m:.1f}" for m, unit in regions))
    print(f"PUB-15 2023 monthly mean: {pub15:.1f} ({pub15_low:.1f}-{pub15_high:.1f}) over {len(per_rep)} "
          f"replications against {CT17_2023} +- 5 (gap {pub15 - CT17_2023:+.1f})")
    print(f"loss: {loss:.1f} points^2")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for d in sys.argv[1:]:
        points = sorted((Path(d) / "points").glob("p*"))
        for run in points or [Path(d)]:
            report(run)
