#!/usr/bin/env python3
"""The table of docs/validation/10-workload.md §10.19, as Markdown: the national scenario run to June 2025 with the
published PO stocks (PUB-2, PUB-3) taken in as PQiP trainees, beside the same scenario with 2022's staff
held, and PUB-15's workload and PUB-1's caseload beside both.

    probsim run scenarios/england_wales_2025_published_staff.yaml --reps 4 --jobs 2 --seed 1 --out PUB
    probsim run scenarios/england_wales_2025_published_staff.yaml --set 'staffing_plan.intakes=[]' \\
        --reps 4 --jobs 2 --seed 1 --out HELD
    python3 scripts/published_staff_2025.py PUB HELD > table.md

Every figure is read from the national rows of each run's timeseries.csv at month ends. A figure over
several month ends (PUB-15's first-of-month snapshots are the month ends before them) is averaged within
each replication first. Each cell is the mean and 95% CI over replications; the difference is taken pair
by pair (replication r of one run against replication r of the other: common random numbers), so the
two runs must have the same seed and replication count.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot_holders import da_cases_by_rosh_and_holder  # noqa: E402  (the reader §10.20's 2004 check shares)
from replication_ci import mean_ci  # noqa: E402  (the same t-based 95% CI as summary.csv)
from wmt_loss import month_ends  # noqa: E402  (the same month ends as the other reports)


def load(run_dir):
    """{(metric, date): {replication: value}} of the national rows."""
    values = defaultdict(dict)
    with open(Path(run_dir) / "timeseries.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "national":
                values[(row["metric"], row["date"])][int(row["replication"])] = float(row["value"])
    return values


def per_replication(run, metrics, dates):
    """Per replication, the sum of `metrics` averaged over `dates`. Fails on a missing row."""
    first = run.get((metrics[0], dates[0]))
    if not first:
        raise SystemExit(f"published_staff_2025.py: no national {metrics[0]} on {dates[0]}")
    out = []
    for r in sorted(first):
        try:
            out.append(sum(run[(m, d)][r] for m in metrics for d in dates) / len(dates))
        except KeyError:
            raise SystemExit(f"published_staff_2025.py: replication {r} lacks a national {'/'.join(metrics)} "
                             f"on one of {dates[0]} .. {dates[-1]}") from None
    return out


# WF-11's main sample (validation/09-bbr-delivery.md §9.17, validation/10-workload.md §10.19): DA cases under supervision at the end of
# the snapshot day whose supervision began 182 to 210 days before; the holder's grade from the snapshot's
# staff.csv.
MAIN_SAMPLE_DAYS = (182, 210)
HOLDER_GRADES = ("po", "pqip", "pso")


def main_sample_holders(snapshot_dir, snapshot_day):
    """{grade: share} of the main sample's DA cases by their holder's grade (and "none": no holder), from
    the caseload.csv and staff.csv that `probsim snapshot RUN --date snapshot_day` writes."""
    counts = dict.fromkeys(HOLDER_GRADES + ("none",), 0)
    for by_grade in da_cases_by_rosh_and_holder(snapshot_dir, snapshot_day, MAIN_SAMPLE_DAYS).values():
        for grade, n in by_grade.items():
            counts[grade] += n
    total = sum(counts.values())
    if total == 0:
        raise SystemExit(f"published_staff_2025.py: {snapshot_dir}: no DA case in the main sample")
    return {grade: n / total for grade, n in counts.items()}


# (label, metrics summed, month ends, published, format)
FIGURES = [
    ("PO FTE, 31 Dec 2022", ["in_post_fte_po"], ["2022-12-31"], "4,464 (CT-10)", "{:,.0f}"),
    ("PO FTE, 30 Jun 2023", ["in_post_fte_po"], ["2023-06-30"], "4,418 (PUB-2)", "{:,.0f}"),
    ("PO FTE, 30 Jun 2024", ["in_post_fte_po"], ["2024-06-30"], "5,160 (PUB-3)", "{:,.0f}"),
    ("PO FTE, 30 Jun 2025", ["in_post_fte_po"], ["2025-06-30"], "5,519 (PUB-3)", "{:,.0f}"),
    ("band 3 (PSO + PQiP) FTE, 31 Dec 2022, not fed", ["in_post_fte_pso", "in_post_fte_pqip"], ["2022-12-31"],
     "6,209 (CT-10)", "{:,.0f}"),
    ("band 3, 30 Jun 2023, not fed", ["in_post_fte_pso", "in_post_fte_pqip"], ["2023-06-30"], "6,801 (PUB-2)",
     "{:,.0f}"),
    ("band 3, 30 Jun 2025, not fed", ["in_post_fte_pso", "in_post_fte_pqip"], ["2025-06-30"], "5,213 (PUB-3)",
     "{:,.0f}"),
    ("PQiP FTE, 31 Dec 2022", ["in_post_fte_pqip"], ["2022-12-31"], "—", "{:,.0f}"),
    ("WMT %, 2023 (month ends 31 Dec 2022 – 30 Nov 2023)", ["workload_pct_mean"], month_ends("2022-12", "2023-11"),
     "about 120 (PUB-15)", "{:.1f}"),
    ("WMT %, Jan–Jun 2024 (31 Dec 2023 – 31 May 2024)", ["workload_pct_mean"], month_ends("2023-12", "2024-05"),
     "117 (PUB-15)", "{:.1f}"),
    ("WMT %, Jul 2024 – Jun 2025", ["workload_pct_mean"], month_ends("2024-06", "2025-05"), "—", "{:.1f}"),
    ("caseload, 31 Mar 2024", ["caseload"], ["2024-03-31"], "239,015 (PUB-1)", "{:,.0f}"),
    ("caseload, 31 Dec 2024", ["caseload"], ["2024-12-31"], "240,362 (PUB-1)", "{:,.0f}"),
    ("reviews on time, 2024 (mean of the months)", ["reviews_on_time_share"], month_ends("2024-01", "2024-12"), "—",
     "{:.3f}"),
    ("home visits on time, 2024", ["home_visits_on_time_share"], month_ends("2024-01", "2024-12"), "—", "{:.3f}"),
    ("practitioners above 110%, 2024", ["practitioners_over_110pct_share"], month_ends("2024-01", "2024-12"), "—",
     "{:.3f}"),
]


def cell(fmt, values):
    m, lo, hi = mean_ci(values)
    return f"{fmt.format(m)} [{fmt.format(lo)}, {fmt.format(hi)}]"


def report(published_dir, held_dir):
    published, held = load(published_dir), load(held_dir)
    lines = ["| figure | published | published staff | held | difference |", "|---|---|---|---|---|"]
    for label, metrics, dates, target, fmt in FIGURES:
        a, b = per_replication(published, metrics, dates), per_replication(held, metrics, dates)
        if len(a) != len(b):
            raise SystemExit("published_staff_2025.py: the two runs have different replication counts")
        diff = [x - y for x, y in zip(a, b)]
        signed = fmt.replace("{:", "{:+")
        lines.append(f"| {label} | {target} | {cell(fmt, a)} | {cell(fmt, b)} | {cell(signed, diff)} |")
    window = month_ends("2022-12", "2024-07")  # the first days of Jan 2023 - Aug 2024
    lines.append("")
    for name, run in (("published staff", published), ("held", held)):
        above = [sum(run[("workload_pct_mean", d)][r] > 100 for d in window)
                 for r in sorted(run[("workload_pct_mean", window[0])])]
        lines.append(f"months above 100% (PUB-15: all {len(window)}), {name}, per replication: {above}")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: published_staff_2025.py PUBLISHED_RUN HELD_RUN")
    print(report(sys.argv[1], sys.argv[2]))
