#!/usr/bin/env python3
"""The fit of docs/validation/10-workload.md §10.24, as Markdown, from a finished batch of
scenarios/sweeps/england_wales_2022_set_aside_fit.yaml and, optionally, the refining run at p-hat:

    probsim batch scenarios/sweeps/england_wales_2022_set_aside_fit.yaml --out BATCH --jobs 2
    python3 scripts/set_aside_fit.py BATCH                 # the grid, L(p) and the interpolated p-hat
    probsim run scenarios/england_wales_2022.yaml --reps 4 --seed 1 --set simulation.report_end=2023-02-13 \\
        --set simulation.workload_snapshot_on=2023-02-07 \\
        --set sentence_management.judgement_under_revised_measures.set_aside_probability=P --out RUN
    python3 scripts/set_aside_fit.py BATCH --at RUN        # adds the held-out checks at P

The loss, stated before the sweep (§10.24): L(p) = (CT-13 model mean - 67)^2 in points^2, CT-13 being
`sara_snapshot_completed_share`; nothing else is in it. p-hat is the grid point with the lowest L, refined
by linear interpolation between the two neighbouring grid points whose CT-13 brackets 67%. AR-6 and TS-1
are held out: AR-6 is met when the model's 95% CI overlaps the Wilson interval of 38 of 51, TS-1 within
40% +- 5 points. Every other figure is reported beside them, paired with p = 0 replication by replication
(common random numbers: the batch's points and the run share the seeds of base seed 1).
"""

import argparse
import csv
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from assumption_sensitivity import national_kpis, paired  # noqa: E402
from replication_ci import mean_ci  # noqa: E402

KEY = "sentence_management.judgement_under_revised_measures.set_aside_probability"
CT13 = 0.67
AR6_WILSON = (0.611, 0.845)  # 38 of 51 (§10.16, addendum 2)
TS1, SHARE_TOLERANCE = 0.40, 0.05

# (label, kpi, scale): scale 100 shows a share in %, 1 a count or a WMT %.
REPORTED = [
    ("CT-13 SARA done, DA cases begun in the run", "sara_snapshot_completed_share", 100),
    ("AR-6 SARA done, main sample (held out)", "sara_snapshot_sample_completed_share", 100),
    ("TS-1 home visit done, main sample (held out)", "home_visit_snapshot_sample_completed_share", 100),
    ("home visit done, DA cases begun in the run", "home_visit_snapshot_completed_share", 100),
    ("SARAs set aside", "saras_set_aside", 1),
    ("home visits set aside", "home_visits_set_aside", 1),
    ("CT-17 week (WMT %)", "workload_snapshot_pct_mean", 1),
    ("contacts delivered", "contacts_delivered_share", 100),
    ("reviews on time", "reviews_on_time_share", 100),
    ("assessments on time", "assessments_on_time_share", 100),
    ("home visits on time", "home_visits_on_time_share", 100),
    ("task hours used", "task_hours_used_share", 100),
    ("hours demanded", "hours_demanded", 1),
    ("task hours available", "task_hours_available", 1),
    ("CT-4 completed starters", "bbr_cohort_starters_completed", 1),
    ("CT-4 starters exited", "bbr_cohort_starters_exited_share", 100),
]


def grid(batch):
    """[(p, point directory)] in the order of points.csv."""
    with open(batch / "points.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or KEY not in rows[0]:
        raise SystemExit(f"{batch}/points.csv: no column {KEY}; is this the §10.24 batch?")
    return [(float(row[KEY]), batch / "points" / row["point"]) for row in rows]


def mean_of(reps, kpi):
    values = [r[kpi] for r in reps.values() if kpi in r]
    return mean_ci(values) if values else None


def interpolate(points):
    """p at which CT-13 crosses 67% between neighbouring grid points, or None if it never does. CT-13
    falls with p (a task set aside at p is set aside at every larger p), so there is one crossing, and it
    lies beside the grid point of lowest L."""
    for (p0, y0), (p1, y1) in zip(points, points[1:]):
        if (y0 - CT13) * (y1 - CT13) <= 0 and y0 != y1:
            return p0 + (CT13 - y0) * (p1 - p0) / (y1 - y0)
    return None


def fmt(ci, scale):
    if ci is None:
        return "—"
    mean, low, high = ci
    return f"{mean * scale:.1f} [{low * scale:.1f}, {high * scale:.1f}]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("--at", type=Path, help="the refining run at p-hat (a probsim run directory)")
    args = parser.parse_args()

    points = [(p, national_kpis(d)) for p, d in grid(args.batch)]
    if points[0][0] != 0.0:
        raise SystemExit(f"{args.batch}/points.csv: the first point must be p = 0, the pairs' base")
    print("| p | CT-13 | L(p) | AR-6 | TS-1 |\n|---|---|---|---|---|")
    curve = []
    for p, reps in points:
        ct13 = mean_of(reps, "sara_snapshot_completed_share")
        if ct13 is None:
            raise SystemExit(f"{args.batch}: p = {p:g} has no sara_snapshot_completed_share; "
                             "was simulation.workload_snapshot_on set?")
        curve.append((p, ct13[0]))
        loss = ((ct13[0] - CT13) * 100) ** 2
        print(f"| {p:g} | {fmt(ct13, 100)} | {loss:.1f} | "
              f"{fmt(mean_of(reps, 'sara_snapshot_sample_completed_share'), 100)} | "
              f"{fmt(mean_of(reps, 'home_visit_snapshot_sample_completed_share'), 100)} |")
    best = min(curve, key=lambda pc: (pc[1] - CT13) ** 2)
    p_hat = interpolate(curve)
    print(f"\nLowest L on the grid: p = {best[0]:g}. Interpolated p-hat: "
          f"{'none (CT-13 never reaches 67%)' if p_hat is None else f'{p_hat:.3f}'}.")
    if args.at is None:
        return
    base = points[0][1]
    at = national_kpis(args.at)
    print(f"\nAt the refining run ({args.at}), beside p = 0, paired replication by replication:\n")
    print("| figure | p = 0 | at p-hat | paired change |\n|---|---|---|---|")
    for label, kpi, scale in REPORTED:
        diff = paired(base, at, kpi)
        print(f"| {label} | {fmt(mean_of(base, kpi), scale)} | {fmt(mean_of(at, kpi), scale)} | "
              f"{fmt(diff, scale)} |")
    ar6 = mean_of(at, "sara_snapshot_sample_completed_share")
    ts1 = mean_of(at, "home_visit_snapshot_sample_completed_share")
    ct13 = mean_of(at, "sara_snapshot_completed_share")
    if ct13 is None:
        raise SystemExit(f"{args.at}: no sara_snapshot_completed_share")
    print(f"\n- CT-13 at p-hat: {fmt(ct13, 100)}, L = {((ct13[0] - CT13) * 100) ** 2:.1f}.")
    if ar6:
        met = ar6[2] >= AR6_WILSON[0] and ar6[1] <= AR6_WILSON[1]
        print(f"- AR-6: {fmt(ar6, 100)} against Wilson [61.1, 84.5]: {'met' if met else 'not met'}.")
    if ts1:
        met = abs(ts1[0] - TS1) <= SHARE_TOLERANCE
        print(f"- TS-1: {fmt(ts1, 100)} against 40 +- 5: {'met' if met else 'not met'}, "
              f"gap {(ts1[0] - TS1) * 100:+.1f} points.")


if __name__ == "__main__":
    main()
