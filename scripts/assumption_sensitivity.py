#!/usr/bin/env python3
"""The one-at-a-time sensitivities of docs/validation/12-assumptions.md §12, as Markdown, from a finished batch of
scenarios/sweeps/england_wales_2022_assumptions.yaml (§12.1) or
scenarios/sweeps/national_standards_2004_assumptions.yaml (§12.2):

    probsim batch scenarios/sweeps/england_wales_2022_assumptions.yaml --out BATCH --jobs 2
    python3 scripts/assumption_sensitivity.py BATCH > table.md

For each scenario of the batch, its first point is the scenario as shipped and every other point
changes one key (found from points.csv as the column that differs from that first point). Each figure's
difference from the shipped point is paired replication by replication (common random numbers) and given
as its mean and 95% CI. The rule of §12, stated before the runs:
  - an end *matters* for a figure when the CI excludes 0 and |difference| >= half the figure's tolerance
    (2.5 points for shares and WMT %, 7.5% of the published value for counts); shown in bold;
  - national figures: an end *breaks* an asserted target when the point's own mean leaves the
    tolerance; marked ✗;
  - 2004 figures (none asserted): an end *reaches* a published figure when the point's mean is within
    its ±5 points; marked ✓.
"""

import csv
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from replication_ci import mean_ci  # noqa: E402  (the same t-based 95% CI as summary.csv)

ROOT = Path(__file__).resolve().parent.parent
TARGETS_2004 = ROOT / "tests/validation/national_standards_2004_targets.csv"

# (label, kpi, published, kind, asserted): kind "share" (shown in points), "pct" (a WMT %, in points),
# "count" (relative tolerance). published None: no target, a diagnostic judged at 2.5 points.
FIGURES_2022 = [
    ("CT-1 requirements", "bbr_cohort_requirements", 6723, "count", True),
    ("CT-2 commenced", "bbr_cohort_commenced_share", 0.489, "share", True),
    ("CT-2 waiting", "bbr_cohort_waiting_share", 0.410, "share", True),
    ("CT-2 ended before start", "bbr_cohort_ended_before_start_share", 0.101, "share", True),
    ("CT-3 waiting > 52 wk", "bbr_cohort_waiting_over_52_weeks_share", 0.177, "share", True),
    ("CT-4 starters exited", "bbr_cohort_starters_exited_share", 0.181, "share", True),
    ("CT-4 completed", "bbr_cohort_starters_completed", 187, "count", False),
    ("CT-8 caseload", "caseload_mean", 240674, "count", False),
    ("CT-17 WMT % 7 Feb 2023", "workload_snapshot_pct_mean", 111.7, "pct", False),
    ("CT-13 SARA done", "sara_snapshot_completed_share", 0.67, "share", False),
    ("TS-1 home visit done", "home_visit_snapshot_sample_completed_share", 0.40, "share", False),
    ("MS-1 DA intervention begun", "intervention_sample_started_share", 0.283, "share", False),
    ("reviews on time", "reviews_on_time_share", None, "share", False),
    ("home visits on time", "home_visits_on_time_share", None, "share", False),
    ("assessments on time", "assessments_on_time_share", None, "share", False),
    ("contacts delivered", "contacts_delivered_share", None, "share", False),
]
# The 2004 areas: (label, kpi). The label only names the column; the published value is the area's first
# row for the KPI in TARGETS_2004. Since §11.12 the average area's DV thematic figures are on the DA cases'
# KPIs (the "DV" columns), so its all-case columns for AUD-1, -2, -4 and -7 show no published value.
FIGURES_2004 = [("SDA-5", "breach_on_time_share"), ("AUD-2", "periodic_reviews_on_time_share"),
                ("AUD-7", "contacts_delivered_share"), ("AUD-1", "assessments_on_time_share"),
                ("AUD-9", "home_visits_high_rosh_on_time_share"), ("SDA-10", "first_weeks_appointments_met_share"),
                ("SDA-1", "court_reports_on_time_share"), ("AUD-4", "risk_management_plans_on_time_share"),
                ("AUD-2 DV", "periodic_reviews_domestic_abuse_on_time_share"),
                ("AUD-1 DV", "assessments_domestic_abuse_on_time_share"),
                ("AUD-7 DV", "contacts_domestic_abuse_delivered_share"),
                ("AUD-4 DV", "risk_management_plans_domestic_abuse_on_time_share"),
                ("AUD-8 DV", "breach_domestic_abuse_on_time_share")]
AREA_OF_2004_FILE = {"national_standards_2004_gwent.yaml": "gwent",
                     "national_standards_2004_county_durham.yaml": "county_durham",
                     "national_standards_2004.yaml": "average"}
SHARE_TOLERANCE = 0.05   # validation.md §1: ±5 points
COUNT_TOLERANCE = 0.15   # ±15%
PCT_TOLERANCE = 5.0      # CT-17: ±5 points of WMT %


def figures_for(scenario):
    """(figures, marking) for a scenario path: the 2004 areas' with their published values, else 2022's."""
    area = AREA_OF_2004_FILE.get(Path(scenario).name)
    if area is None:
        return FIGURES_2022, "breaks"
    published = {}
    with open(TARGETS_2004, newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            if row["area"] == area and row["kpi"] not in published:
                published[row["kpi"]] = float(row["published"]) if row["published"] else None
    figures = [(f"{fid} {kpi.replace('_share', '')}", kpi, published.get(kpi), "share", False)
               for fid, kpi in FIGURES_2004]
    figures.append(("WMT %", "workload_pct_mean", None, "pct", False))
    return figures, "reaches"


def scale(kind):
    """Shares are printed in points (x100); WMT % and counts as they are."""
    return 100.0 if kind == "share" else 1.0


def matter_threshold(published, kind):
    if kind == "count" and published is not None:
        return COUNT_TOLERANCE * published / 2
    return (PCT_TOLERANCE if kind == "pct" else SHARE_TOLERANCE) / 2


def within_tolerance(mean, published, kind):
    if kind == "count":
        return abs(mean - published) <= COUNT_TOLERANCE * published
    return abs(mean - published) <= (PCT_TOLERANCE if kind == "pct" else SHARE_TOLERANCE)


def read_points(batch):
    """{scenario: (shipped row, [(point, key, value)])}, the first point of each scenario being shipped."""
    with open(batch / "points.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise SystemExit(f"{batch}/points.csv: no points")
    keys = [k for k in rows[0] if k not in ("point", "scenario", "base_seed")]
    by_scenario = {}
    for row in rows:
        if row["scenario"] not in by_scenario:
            by_scenario[row["scenario"]] = (row, [(row["point"], None, None)])
            continue
        base, points = by_scenario[row["scenario"]]
        changed = [k for k in keys if row[k] != base[k]]
        if len(changed) != 1:
            raise SystemExit(f"{batch}/points.csv: point {row['point']} changes {len(changed)} keys "
                             f"from {base['point']}, not one")
        points.append((row["point"], changed[0], row[changed[0]]))
    return by_scenario


def national_kpis(point_dir):
    """replication -> {kpi: value}, the nation's rows of every replications/rep-*.kpis.csv."""
    reps = {}
    for path in sorted((point_dir / "replications").glob("rep-*.kpis.csv")):
        values = {}
        with open(path, newline="") as f:
            for row in csv.reader(f):
                if len(row) == 5 and row[1] == "national":
                    values[row[3]] = float(row[4])
        reps[int(path.name[4:9])] = values
    if not reps:
        raise SystemExit(f"{point_dir}: no finished replication (replications/rep-*.kpis.csv)")
    return reps


def paired(base_reps, other_reps, kpi):
    """(mean, low, high) of other - base over the replications both have, or None if the KPI is absent."""
    diffs = [other_reps[r][kpi] - base_reps[r][kpi]
             for r in sorted(set(base_reps) & set(other_reps))
             if kpi in base_reps[r] and kpi in other_reps[r]]
    return mean_ci(diffs) if diffs else None


def cell(diff, point_mean, figure, marking):
    _, _, published, kind, asserted = figure
    if diff is None:
        return "—"
    mean, low, high = diff
    text = f"{mean * scale(kind):+.1f}"
    if (low > 0 or high < 0) and abs(mean) >= matter_threshold(published, kind):
        text = f"**{text}**"
    if marking == "breaks" and asserted and not within_tolerance(point_mean, published, kind):
        text += " ✗"
    if marking == "reaches" and published is not None and within_tolerance(point_mean, published, kind):
        text += " ✓"
    return text


def print_shipped(point, base, figures):
    print(f"Shipped scenario (point {point}, {len(base)} replications): mean [95% CI]\n")
    print("| figure | published | model |\n|---|---|---|")
    for label, kpi, published, kind, _ in figures:
        values = [base[r][kpi] for r in base if kpi in base[r]]
        if not values:
            print(f"| {label} | — | not produced |")
            continue
        m, lo, hi = mean_ci(values)
        s = scale(kind)
        pub = "—" if published is None else (f"{published * s:g}" + ("%" if kind == "share" else ""))
        print(f"| {label} | {pub} | {m * s:,.1f} [{lo * s:,.1f}, {hi * s:,.1f}] |")


def report_scenario(batch, scenario, base_row, points):
    figures, marking = figures_for(scenario)
    reps = {p: national_kpis(batch / "points" / p) for p, _, _ in points}
    base = reps[points[0][0]]
    print(f"## {scenario}\n")
    print_shipped(points[0][0], base, figures)
    mark = ("✗: the point leaves an asserted target's tolerance." if marking == "breaks"
            else "✓: the point's mean is within ±5 points of the published figure.")
    print("\nPaired difference from the shipped scenario at each end (points for shares and WMT %; counts "
          f"as counts). **Bold**: matters (CI excludes 0 and at least half the tolerance). {mark}\n")
    print("| key = value (shipped) | " + " | ".join(f[0] for f in figures) + " |")
    print("|" + "---|" * (len(figures) + 1))
    matters = {}
    for point, key, value in points[1:]:
        other = reps[point]
        cells = []
        for figure in figures:
            kpi = figure[1]
            point_values = [other[r][kpi] for r in other if kpi in other[r]]
            point_mean = sum(point_values) / len(point_values) if point_values else float("nan")
            text = cell(paired(base, other, kpi), point_mean, figure, marking)
            cells.append(text)
            if "**" in text or "✗" in text:
                matters.setdefault(key, []).append(f"{figure[0]} {text.replace('**', '')} at {value}")
        print(f"| `{key}` = {value} ({base_row[key] or 'not set'}) | " + " | ".join(cells) + " |")

    print("\nWhat each key moves (by the rule above):\n")
    keys = list(dict.fromkeys(key for _, key, _ in points[1:]))
    for key in keys:
        if key in matters:
            print(f"- `{key}`: " + "; ".join(matters[key]))
    inert = [key for key in keys if key not in matters]
    print(f"\nInert at both ends of their range ({len(inert)} of {len(keys)} keys): "
          + (", ".join(f"`{key}`" for key in inert) if inert else "none") + ".\n")


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: assumption_sensitivity.py BATCH_DIR")
    batch = Path(sys.argv[1])
    for scenario, (base_row, points) in read_points(batch).items():
        report_scenario(batch, scenario, base_row, points)


if __name__ == "__main__":
    main()
