#!/usr/bin/env python3
"""Every published figure the shipped scenarios are compared with, beside the model's mean and 95% CI,
as one Markdown page (docs/validation-summary.md). The numbers are read from runs, never typed in:

    scripts/validation_summary.sh RUNS_DIR > docs/validation-summary.md   # runs them, then this script
    python3 scripts/validation_summary.py RUNS_DIR                        # the runs already made

RUNS_DIR holds the runs the validation tests make (tests/e2e/validation_test.cpp,
tests/e2e/national_standards_2004_test.cpp), each a `probsim run --out` directory:
  ew2022/            england_wales_2022.yaml, seed 1, 6 replications and on until CT-4's completed count's
                     95% CI is within 5% of its mean (M-2, §9.20)
  ew2022_feb2023/    the same, on to 13 Feb 2023 with the 7 Feb snapshot and CT-6's SI cohort, by M-2 on si_period_completions
  ew2023/            england_wales_2023.yaml, 4 replications, seed 1
  ew2023_rag_off/    the same with prioritisation.enabled=false (PUB-16's need, §10.18)
  ns2004/, ns2004_gwent/, ns2004_county_durham/   the 2004 files, seed 2004, by M-2 on their compared KPIs
  ew_to_2025/        england_wales_2022.yaml run on to 31 Mar 2025, 4 replications, seed 1 (CT-14;
                     PUB-15's 2024 figure and PUB-13's regions, §10.15, §10.22)
  ew_to_2024/        the same to 30 Apr 2024 with --events, reduced by scripts/bbr_start_waits.py to
                     waits_2022.csv and waits_2024.csv (CT-5 by region; events.csv is not kept)
  ew_published_staff/ england_wales_2025_published_staff.yaml, 4 replications, seed 1 (PUB-15 with
                     PUB-2/3's 2023-25 staff, §10.19; the baseline's staff since §10.22)
  ew_held_staff/     the same with --set 'staffing_plan.intakes=[]': 2022's staff held (§10.19's counterfactual)
  ew_published_staff/snapshot-2023-02-07-r1..4/, ew_held_staff/snapshot-2023-02-07-r1..4/
                     `probsim snapshot` of each replication on 7 Feb 2023 (WF-11's holders, §10.19)
  ns2004/snapshot-2004-03-30-r1..10/   the same on 30 Mar 2004 (2a.17/2a.18's holders, §10.20)
  ns2004_gwent_cohort/, ns2004_county_durham_cohort/   the area files to 31 Mar 2005 with --events, reduced
                     by scripts/bbr_starter_cohort.py to cohort.csv (CT-15, §11.14; events.csv is not kept)

The targets and tolerances are the files tests/validation/*_targets.csv; where each figure is discussed
is docs/validation.md or the file its map names for the section (the section column).
"""

import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from replication_ci import mean_ci, wilson_interval  # noqa: E402  (the same t-based 95% CI as summary.csv)
from wmt_loss import PUB15_DATES, month_ends  # noqa: E402  (the same CT-17/PUB-15 reading)
import published_staff_2025  # noqa: E402  (validation/10-workload.md §10.19's reading of its runs)
import dv_sample_holders_2004  # noqa: E402  (validation/10-workload.md §10.20's addendum)
import case_managers_so_far  # noqa: E402  (validation/11-national-standards.md §11.18)
import reassessments_so_far  # noqa: E402  (validation/11-national-standards.md §11.19)

ROOT = Path(__file__).resolve().parent.parent
WEEKS_PER_MONTH = 365.25 / 12 / 7
PUB6_WEEKS = (1 * WEEKS_PER_MONTH, 5 * WEEKS_PER_MONTH)  # PUB-6: "1 to 5 months"
TARGETS_2022 = ROOT / "tests/validation/england_wales_2022_targets.csv"
TARGETS_2004 = ROOT / "tests/validation/national_standards_2004_targets.csv"
AREAS = [("gwent", "ns2004_gwent"), ("county_durham", "ns2004_county_durham"), ("average", "ns2004")]
SECTION = {"CT-1": "§9.4", "CT-2": "§9.4", "CT-3": "§9.4", "CT-4": "§9.4-9.8, 9.13", "CT-6": "§9.7, 9.16, 9.21",
           "CT-8": "§5", "CT-10": "§5", "CT-13": "§10.16, §10.24", "TS-1": "§10.16, §10.24, §10.25", "AR-6": "§10.16, §10.24", "MS-1": "§9.17", "VIC-3": "§9.17", "IS-2": "§9.18", "CT-17": "§10.8-10.13, §10.22"}


def read_rows(path):
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def national_summary(run_dir):
    """kpi -> (mean, ci_low, ci_high) for the nation, from summary.csv."""
    out = {}
    with open(run_dir / "summary.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "national":
                out[row["kpi"]] = (float(row["mean"]), float(row["ci95_low"]), float(row["ci95_high"]))
    return out


def plural(n, noun):
    """`1 replication`, `28 replications`."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def replications(run_dir):
    """The replications a run's summary.csv was made from (its national rows' n)."""
    with open(run_dir / "summary.csv", newline="") as f:
        return next(int(row["n"]) for row in csv.DictReader(f) if row["level"] == "national")


def precision_outcome(run_dir):
    """Whether a run's precision rule was met, from its precision.csv: "met", or what it reached."""
    path = run_dir / "precision.csv"
    if not path.exists():
        return "**no precision rule was applied**"
    rows = read_rows(path)
    missed = [r for r in rows if r["met"] != "true"]
    if not missed:
        return "met"
    return "**not met**: " + ", ".join(f"{r['kpi']} {100 * float(r['relative_half_width']):.1f}% at n = {r['n']}"
                                       for r in missed)


def pub15_mean(run_dir):
    """PUB-15 read as §10.8 reads it: the mean of 12 month-end national WMT % snapshots, per replication."""
    by_rep = defaultdict(dict)
    with open(run_dir / "timeseries.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "national" and row["metric"] == "workload_pct_mean" and row["date"] in PUB15_DATES:
                by_rep[row["replication"]][row["date"]] = float(row["value"])
    per_rep = [statistics.fmean(days.values()) for days in by_rep.values() if len(days) == len(PUB15_DATES)]
    if not per_rep:
        raise SystemExit(f"{run_dir}/timeseries.csv: no complete 2023 month-end series")
    return mean_ci(per_rep)


def regions_on_snapshot(run_dir):
    pct = {}
    with open(run_dir / "summary.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "region" and row["kpi"] == "workload_snapshot_pct_mean":
                pct[row["unit"]] = float(row["mean"])
    return pct


def fmt(value, is_share):
    return f"{100 * value:.1f}%" if is_share else (f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.1f}")


def within(target, tolerance_kind, tolerance, mean):
    band = tolerance if tolerance_kind == "absolute" else tolerance * target
    return abs(mean - target) <= band + 1e-12


def england_wales(runs):
    sources = [national_summary(runs / "ew2022"), national_summary(runs / "ew2022_feb2023")]
    pub15 = pub15_mean(runs / "ew2023")
    print("## England and Wales 2021-23 (`england_wales_2022.yaml`, `england_wales_2023.yaml`)\n")
    print("A share matches within ±5 points, a count within ±15% (validation.md §1); **asserted** rows are")
    print("checked by the validation test, the others are reported with their gap. Replications (seed 1):")
    print(f"{replications(runs / 'ew2022')} of `england_wales_2022.yaml` to 9 Nov 2022, run until CT-4's completed "
          f"count's 95% CI is within 5% of its mean (M-2; §9.20; {precision_outcome(runs / 'ew2022')}); "
          f"{replications(runs / 'ew2022_feb2023')} of the "
          f"same to 13 Feb 2023 (CT-6, CT-17 and the 7 Feb samples), run until CT-6's SI completions' 95% CI is "
          f"within 5% of their mean (M-2; §9.21; {precision_outcome(runs / 'ew2022_feb2023')}); "
          f"{replications(runs / 'ew2023')} of `england_wales_2023.yaml` "
          "(PUB-15). The validation test asserts on its own 6 (the BBR cohort) and 4 (CT-6, CT-17's week).\n")
    print("| ID | KPI | published | tolerance | model mean [95% CI] | gap | matches | asserted | section |")
    print("|---|---|---|---|---|---|---|---|---|")
    for t in read_rows(TARGETS_2022):
        kpi, target = t["kpi"], float(t["target"])
        tol, kind = float(t["tolerance"]), t["tolerance_kind"]
        if kpi == "workload_2023_monthly_snapshots_pct_mean":
            measured = pub15
        else:
            measured = next((s[kpi] for s in sources if kpi in s), None)
        is_share = kind == "absolute" and target <= 1.0
        tol_text = f"±{100 * tol:.0f} pts" if is_share else (f"±{tol:g} pts" if kind == "absolute" else f"±{100 * tol:.0f}%")
        if measured is None:
            print(f"| {t['id']} | `{kpi}` | {fmt(target, is_share)} | {tol_text} | not produced | | | {t['asserted']} | |")
            continue
        mean, low, high = measured
        gap = (mean - target) * (100 if is_share else 1)
        gap_text = f"{gap:+.1f} pts" if is_share or kind == "absolute" else f"{100 * (mean / target - 1):+.1f}%"
        ok = "yes" if within(target, kind, tol, mean) else "**no**"
        print(f"| {t['id']} | `{kpi}` | {fmt(target, is_share)} | {tol_text} | {fmt(mean, is_share)} "
              f"[{fmt(low, is_share)}, {fmt(high, is_share)}] | {gap_text} | {ok} | {t['asserted']} | "
              f"{SECTION.get(t['id'], '')} |")
    regions = regions_on_snapshot(runs / "ew2022_feb2023")
    above = sum(1 for v in regions.values() if v > 110.0)
    ranked = sorted(regions, key=regions.get, reverse=True)
    london = ranked.index("London") + 1 if "London" in regions else None
    snapshot = national_summary(runs / "ew2023")
    over_200 = snapshot.get("workload_snapshot_over_200_share")
    print("\nCT-17's regions and PUB-13's tail on 7 Feb 2023 (reported, not asserted; §10.8, §10.13):\n")
    print(f"- regions above 110%: **{above} of {len(regions)}** (published 8 of 12); London ranks "
          f"**{london}** at {regions.get('London', float('nan')):.1f}% (published 1st, 126.8%); highest "
          f"{ranked[0]} at {regions[ranked[0]]:.1f}%.")
    if over_200:
        print(f"- practitioners above 200% (PUB-13: \"some officers at about twice their capacity\"): "
              f"{100 * over_200[0]:.2f}% [{100 * over_200[1]:.2f}, {100 * over_200[2]:.2f}]; maximum "
              f"{snapshot['workload_snapshot_pct_max'][0]:.0f}% (`england_wales_2023.yaml`).")
    print()


def yearly_shares(run_dir, periods):
    """CT-14 per period of endings: started / ended successfully, per replication, from the monthly series."""
    counts = defaultdict(lambda: [0.0, 0.0])  # (period, replication) -> [ended, started]
    with open(run_dir / "timeseries.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] != "national" or not row["metric"].startswith("bbr_orders_ended_successfully"):
                continue
            for name, first, last in periods:
                if first <= row["date"][:7] <= last:
                    counts[(name, row["replication"])][row["metric"].endswith("_started")] += float(row["value"])
    out = {}
    for name, _, _ in periods:
        shares = [v[1] / v[0] for (p, _), v in counts.items() if p == name and v[0] > 0]
        out[name] = mean_ci(shares) if shares else None
    return out


def read_waits(path):
    with open(path, newline="") as f:
        return {row["unit"]: tuple(float(row[k]) for k in ("starts_per_replication", "mean_weeks", "ci95_low",
                                                              "ci95_high")) for row in csv.DictReader(f)}


def bbr_after_2022(runs):
    """CT-14 and CT-5 by region (validation/09-bbr-delivery.md §9.12): reported, not asserted."""
    print("BBR after 2022, CT-14 and CT-5 by region (reported, not asserted; §9.12). The scenario holds 2022's")
    print("inputs after 2022 but the published PO growth (§10.22), and the BBR list grows, so neither figure")
    print("validates the model past 2022:\n")
    national = national_summary(runs / "ew_to_2025")
    share = national.get("bbr_orders_ended_successfully_started_share")
    if share:
        by_year = yearly_shares(runs / "ew_to_2025", [("Apr 2023-Mar 2024", "2023-04", "2024-03"),
                                                      ("Apr 2024-Mar 2025", "2024-04", "2025-03")])
        years = "; ".join(f"{name}: {100 * v[0]:.1f}% [{100 * v[1]:.1f}, {100 * v[2]:.1f}]"
                          for name, v in by_year.items() if v)
        print(f"- CT-14 (PUB-7: 59.8% of all accredited programmes on orders ended successfully, Apr 2021-Mar "
              f"2025, started): BBR {100 * share[0]:.1f}% [{100 * share[1]:.1f}, {100 * share[2]:.1f}] over "
              f"the endings to Mar 2025 ({years}).")
    for label, name in (("2022", "waits_2022.csv"), ("Jan-Apr 2024", "waits_2024.csv")):
        waits = read_waits(runs / "ew_to_2024" / name)
        regions = {u: v for u, v in waits.items() if u != "national"}
        inside = sum(1 for v in regions.values() if PUB6_WEEKS[0] <= v[1] <= PUB6_WEEKS[1])
        low, high = min(v[1] for v in regions.values()), max(v[1] for v in regions.values())
        n = waits["national"]
        print(f"- CT-5 (PUB-6, April 2024: regional average waits of 1-5 months, 4.3-21.7 weeks), starts in "
              f"{label}: regions {low:.1f}-{high:.1f} weeks, **{inside} of {len(regions)}** inside; national "
              f"{n[1]:.1f} [{n[2]:.1f}, {n[3]:.1f}] weeks.")
    print()


# validation/10-workload.md §10.15: a first-of-month snapshot is the month-end value of the day before.
PUB15_2024_DATES = month_ends("2023-12", "2024-05")  # the first days of Jan-Jun 2024
PUB15_SINCE_2023_DATES = month_ends("2022-12", "2024-07")  # the first days of Jan 2023-Aug 2024
PUB13_DATES = ["2022-12-31", "2023-01-31"]  # the month ends that bracket "a week of January 2023"


def workload_past_2023(runs):
    """PUB-15's 2024 figure and PUB-13's regions (validation/10-workload.md §10.15): reported, not asserted."""
    national = defaultdict(dict)  # replication -> date -> national mean WMT %
    regional = defaultdict(list)  # (date, region) -> the replications' means
    with open(runs / "ew_to_2025" / "timeseries.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["metric"] != "workload_pct_mean":
                continue
            if row["level"] == "national":
                national[row["replication"]][row["date"]] = float(row["value"])
            elif row["level"] == "region" and row["date"] in PUB13_DATES:
                regional[(row["date"], row["unit"])].append(float(row["value"]))
    per_rep = [statistics.fmean(days[d] for d in PUB15_2024_DATES) for days in national.values()
               if all(d in days for d in PUB15_2024_DATES)]
    if not per_rep:
        raise SystemExit(f"{runs}/ew_to_2025/timeseries.csv: no complete Jan-Jun 2024 month-end series")
    mean, low, high = mean_ci(per_rep)
    above = [sum(1 for d in PUB15_SINCE_2023_DATES if days.get(d, 0.0) > 100.0) for days in national.values()]
    print("Workload past the calibration (reported, not asserted; §10.15). The inputs after 2022 are 2022's but")
    print("the published PO growth (§10.22), so the 2024 rows test a projection (`england_wales_2022.yaml` to")
    print("Mar 2025; the same model and seeds as the published-staff section below, so PUB-15's 2024 figure is")
    print("the same there):\n")
    print(f"- PUB-15, the first days of Jan-Jun 2024 (117%): {mean:.1f} [{low:.1f}, {high:.1f}], gap "
          f"{mean - 117.0:+.1f} pts, {'within' if within(117.0, 'absolute', 5.0, mean) else '**outside**'} ±5 pts.")
    months = f"{min(above)}" if min(above) == max(above) else f"{min(above)} to {max(above)}"
    print(f"- PUB-15, \"over 100% in every month since Jan 2023\" (the first days of Jan 2023-Aug 2024): "
          f"**{months} of {len(PUB15_SINCE_2023_DATES)}** months above 100% in each of the {len(above)} "
          f"replications.")
    counts = []
    for date in PUB13_DATES:
        means = {unit: statistics.fmean(v) for (d, unit), v in regional.items() if d == date}
        counts.append(f"**{sum(1 for v in means.values() if v > 100.0)} of {len(means)}** on {date}")
    print(f"- PUB-13, regions above 100% in a week of January 2023 (10 of 12): {' and '.join(counts)}.")
    print()


def published_staff(runs):
    """PUB-15 with PUB-2/3's 2023-25 staff taken in (validation/10-workload.md §10.19): reported, not asserted."""
    run = published_staff_2025.load(runs / "ew_published_staff")
    po = {d: mean_ci(published_staff_2025.per_replication(run, ["in_post_fte_po"], [d]))[0]
          for d in ("2024-06-30", "2025-06-30")}
    print("Workload with the published 2023-25 staff (reported, not asserted; §10.19, the baseline's since §10.22).")
    print("PUB-2/3's growth of the PO stock taken in as PQiP trainees (`england_wales_2025_published_staff.yaml`,")
    print("the baseline run to Jun 2025), against the same with 2022's staff held (`--set 'staffing_plan.intakes=[]'`):\n")
    print(f"- PO FTE, the input (PUB-3; §10.19's check is ±5%): {po['2024-06-30']:,.0f} on 30 Jun 2024 (5,160: "
          f"{po['2024-06-30'] / 5160 - 1:+.1%}) and {po['2025-06-30']:,.0f} on 30 Jun 2025 (5,519: "
          f"{po['2025-06-30'] / 5519 - 1:+.1%}).")
    held = (published_staff_2025.load(runs / "ew_held_staff")
            if (runs / "ew_held_staff" / "timeseries.csv").exists() else None)
    if held is None:
        print("- **The held-staff run (`ew_held_staff`) is missing**: the lines below have no held column.")
    # Band 3 (PSO + PQiP), not fed: the standing [Assume] that band 3 counts trainees (§10.2, §10.19).
    for date, published in (("2022-12-31", 6209), ("2023-06-30", 6801), ("2025-06-30", 5213)):
        cells = []
        for name, staff_run in (("published staff", run), ("held staff", held)):
            if staff_run is None:
                continue
            m = mean_ci(published_staff_2025.per_replication(staff_run, ["in_post_fte_pso", "in_post_fte_pqip"],
                                                             [date]))[0]
            verdict = "within" if within(published, "relative", 0.15, m) else "**outside**"
            cells.append(f"{name} {m:,.0f} ({m / published - 1:+.1%}, {verdict} ±15%)")
        print(f"- band 3 (PSO + PQiP) FTE on {date}, not fed ({published:,} published): {'; '.join(cells)}.")
    for label, published, dates in (("2023 (about 120%)", 120.0, PUB15_DATES),
                                    ("the first days of Jan-Jun 2024 (117%)", 117.0, PUB15_2024_DATES)):
        mean, low, high = mean_ci(published_staff_2025.per_replication(run, ["workload_pct_mean"], dates))
        verdict = "within" if within(published, "absolute", 5.0, mean) else "**outside**"
        line = (f"- PUB-15, {label}: published staff (the baseline) {mean:.1f} [{low:.1f}, {high:.1f}], gap "
                f"{mean - published:+.1f} pts, {verdict} ±5 pts")
        if held is not None:
            h_mean, h_low, h_high = mean_ci(published_staff_2025.per_replication(held, ["workload_pct_mean"], dates))
            h_verdict = "within" if within(published, "absolute", 5.0, h_mean) else "**outside**"
            line += (f"; held staff {h_mean:.1f} [{h_low:.1f}, {h_high:.1f}], gap {h_mean - published:+.1f} pts, "
                     f"{h_verdict} ±5 pts")
        print(line + ".")
    # WF-11's holders of the main sample on 7 Feb 2023, from snapshots of both runs (§10.19's addendum;
    # §10.20 fitted the DA allocation share to the PSO share of the held run, before §10.22).
    wf11 = {"po": (0.67, 0.541, 0.773), "pqip": (0.12, 0.058, 0.222), "pso": (0.22, 0.131, 0.336)}
    for name, directory in (("published staff", "ew_published_staff"), ("held staff", "ew_held_staff")):
        snapshots = sorted((runs / directory).glob("snapshot-2023-02-07-r*"))
        if not snapshots:
            continue
        shares = [published_staff_2025.main_sample_holders(d, "2023-02-07") for d in snapshots]
        cells = []
        for grade, label in (("pqip", "trainee"), ("po", "PO"), ("pso", "PSO")):
            mean, low, high = mean_ci([s[grade] for s in shares])
            published, wilson_low, wilson_high = wf11[grade]
            met = "met" if wilson_low <= mean <= wilson_high else "**not met**"
            # §10.20 fitted the DA allocation share to the PSO share of the held run: not a check there.
            if grade == "pso" and directory == "ew_held_staff":
                met += ", fitted (§10.20)"
            cells.append(f"{label} {mean:.1%} [{low:.1%}, {high:.1%}] ({published:.0%}: {met})")
        print(f"- WF-11, the main sample's DA cases by holder, 7 Feb 2023, {name}: {'; '.join(cells)}.")
    print()


PUB16_DATE = "2023-09-30"  # validation/10-workload.md §10.18: September 2023's row
CASE_HOLDER_FTE = ("in_post_fte_po", "in_post_fte_pso", "in_post_fte_pqip")


def september_2023(run_dir):
    """(hours demanded ÷ task hours available, case-holding FTE) per replication, September 2023."""
    by_rep = defaultdict(dict)
    with open(run_dir / "timeseries.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "national" and row["date"] == PUB16_DATE:
                by_rep[row["replication"]][row["metric"]] = float(row["value"])
    reps = [v for v in by_rep.values() if v.get("task_hours_available", 0.0) > 0.0]
    if not reps:
        raise SystemExit(f"{run_dir}/timeseries.csv: no national row for {PUB16_DATE}")
    return ([v["hours_demanded"] / v["task_hours_available"] for v in reps],
            [sum(v[k] for k in CASE_HOLDER_FTE) for v in reps])


def need_against_staff(runs):
    """PUB-16 (validation/10-workload.md §10.18): reported, not asserted."""
    ratio_off, _ = september_2023(runs / "ew2023_rag_off")
    ratio_on, staff = september_2023(runs / "ew2023")  # the baseline's staff
    off, on, fte = mean_ci(ratio_off), mean_ci(ratio_on), mean_ci(staff)
    print("Sentence management's need against its staff, September 2023 (PUB-16, an HMPPS activity review;")
    print("reported, not asserted; §10.18; `england_wales_2023.yaml` with RAG off and on):\n")
    print(f"- need ÷ staff (published 17,170 FTE needed ÷ 7,236 in the role = 2.37); the model's task hours "
          f"demanded ÷ available: **{off[0]:.3f}** [{off[1]:.3f}, {off[2]:.3f}] with RAG off, {on[0]:.3f} "
          f"[{on[1]:.3f}, {on[2]:.3f}] with RAG on.")
    print(f"- staff in sentence management (published 7,236): the model's PO, PSO and PQiP FTE on 30 Sep "
          f"2023, {fte[0]:,.0f} [{fte[1]:,.0f}, {fte[2]:,.0f}].")
    print()


def national_standards_2004(runs):
    summaries = {area: national_summary(runs / directory) for area, directory in AREAS}
    print("## The 2004 National Standards areas (`national_standards_2004*.yaml`)\n")
    print("No tolerance is asserted: the areas' scale is assumed and the audits judge content as well as")
    print("timing, so each figure is reported with its gap (validation/11-national-standards.md §11; §11.2 says which cannot be")
    print("compared and why). The test is directional: Gwent's higher sickness gives lower review and breach")
    print("timeliness, Gwent's file run against itself with Durham's sickness (§11.10). The DV audits counted")
    print("DV cases only and are read on the DA cases' KPIs (§11.12); where the source gives the audited")
    print("cases, the gap adds the published share's Wilson 95% interval and whether the model's mean is inside it.")
    counts = ", ".join(f"{replications(runs / directory)} of {area.replace('_', ' ')}" for area, directory in AREAS)
    outcomes = "; ".join(f"{area.replace('_', ' ')} {precision_outcome(runs / directory)}" for area, directory in AREAS)
    print(f"Replications (seed 2004): {counts}, each run until the 95% CI of every KPI compared for its area is within")
    print(f"5% of its mean (M-2; §11.16; {outcomes}). The DV sample's holders and CT-15's cohort (below) are read")
    print("from the same replications (§11.17).\n")
    print("| ID | KPI | area | published | model mean [95% CI] | gap |")
    print("|---|---|---|---|---|---|")
    for t in read_rows(TARGETS_2004):
        measured = summaries[t["area"]].get(t["kpi"])
        is_share = t["kpi"].endswith("_share")
        if measured is None:
            model, gap = "not produced", ""
        else:
            mean, low, high = measured
            model = f"{fmt(mean, is_share)} [{fmt(low, is_share)}, {fmt(high, is_share)}]"
            gap = ""
            if t["published"]:
                published = float(t["published"])
                # round first, then + 0.0: a gap under 0.05 prints as +0.0, not -0.0
                points = round(100 * (mean - published), 1) + 0.0
                gap = f"{points:+.1f} pts" if is_share else f"{mean - published:+.1f}"
            if t.get("sample_size"):
                wilson_low, wilson_high = wilson_interval(int(t["sample_count"]), int(t["sample_size"]))
                inside = "inside" if wilson_low <= mean <= wilson_high else "**outside**"
                gap += f"; Wilson [{wilson_low:.1%}, {wilson_high:.1%}]: {inside}"
        print(f"| {t['id']} | `{t['kpi']}` | {t['area'].replace('_', ' ')} | {t['published_text']} | {model} | {gap} |")
    print()
    snapshots = sorted((runs / "ns2004").glob("snapshot-*-r*"))
    if snapshots:  # 2a.17/2a.18's grades, weighted to the sample's RoH mix (§10.20's addendum)
        shares = [dv_sample_holders_2004.weighted_holders(d, dv_sample_holders_2004.snapshot_day_of(d))[0]
                  for d in snapshots]
        (pso, pso_low, pso_high), po = mean_ci([s.get("pso", 0.0) for s in shares]), mean_ci([s.get("po", 0.0)
                                                                                              for s in shares])
        published, wilson_low, wilson_high = dv_sample_holders_2004.PSO_SHARE
        met = "met" if wilson_low <= pso <= wilson_high else "**not met**"
        print(f"- 2a.17/2a.18, the DV sample's holders ({plural(len(snapshots), 'replication')} of the average area, DA cases "
              f"4-12 months in, weighted to the "
              f"sample's RoH mix; §10.20): PSO {pso:.1%} [{pso_low:.1%}, {pso_high:.1%}] ({published:.0%}, "
              f"Wilson [{wilson_low:.1%}, {wilson_high:.1%}]: {met}); PO {po[0]:.1%} [{po[1]:.1%}, {po[2]:.1%}] "
              f"(70%, and trainees 7%: the area has none).\n")
    case_managers = case_managers_so_far.page_line(runs)
    if case_managers:
        print(case_managers + "\n")
    reassessments = reassessments_so_far.page_line(runs)
    if reassessments:
        print(reassessments + "\n")


def kpis_by_replication(run_dir, kpis):
    """{replication: {kpi: value}} from the national rows of kpis.csv, for the KPIs named."""
    out = defaultdict(dict)
    with open(run_dir / "kpis.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == "national" and row["kpi"] in kpis:
                out[row["replication"]][row["kpi"]] = float(row["value"])
    return out


def programme_completion_2004(runs):
    """CT-15 (PUB-8), §11.14: each area's 2003/04 starters of its DV programme followed to 31 Mar 2005
    (scripts/bbr_starter_cohort.py's cohort.csv), and the year's completions ÷ starts beside PUB-8's ratios
    of 2002-03. The average area runs no programme, so it has no part. The cohort's starters must be the
    shipped run's `bbr_starts`, replication by replication: the run on to 2005 changes nothing before."""
    parts = []
    for area, directory in AREAS:
        cohort = runs / f"{directory}_cohort" / "cohort.csv"
        if not cohort.exists():
            continue
        rows = read_rows(cohort)
        kpis = kpis_by_replication(runs / directory, {"bbr_starts", "bbr_completions"})
        for r in rows:
            shipped = kpis.get(r["replication"], {}).get("bbr_starts")
            if shipped is None or int(r["starters"]) != shipped:
                raise SystemExit(f"{cohort}: replication {r['replication']} has {r['starters']} starters, but "
                                 f"{runs / directory}/kpis.csv has bbr_starts {shipped:g}: not the same runs")
        share, low, high = mean_ci([int(r["completed"]) / int(r["starters"]) for r in rows])
        dropped = [r for r in rows if int(r["ended"]) + int(r["removed"]) > 0]
        breached = (mean_ci([int(r["breached_or_revoked"]) / (int(r["ended"]) + int(r["removed"])) for r in dropped])
                    if dropped else None)
        ratio = mean_ci([k["bbr_completions"] / k["bbr_starts"] for k in kpis.values() if k.get("bbr_starts")])
        parts.append(f"{area.replace('_', ' ').title()} ({plural(len(rows), 'replication')}) {share:.1%} [{low:.1%}, {high:.1%}], gap "
                     f"{round(100 * (share - 0.71), 1) + 0.0:+.1f} pts (the year's completions ÷ starts "
                     f"{ratio[0]:.1%} [{ratio[1]:.1%}, {ratio[2]:.1%}]; of its drop-outs, breached or revoked "
                     + (f"{breached[0]:.1%} [{breached[1]:.1%}, {breached[2]:.1%}])" if breached else "none: no drop-out)"))
    if parts:
        print("- CT-15 (PUB-8: \"71% of 2003/04 starters completed\"; a national figure against one area's DV "
              "programme, reported, not asserted; §11.14), 2003/04 starters followed to 31 Mar 2005 [Assume]: "
              + "; ".join(parts) + ". PUB-8's ratios of a year's completions ÷ starts are of 2002-03: DV "
              "programmes 55%, all programmes 48%; of its drop-outs \"about half\" were breached or revoked "
              "(§11.15).\n")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    runs = Path(sys.argv[1])
    for _, directory in AREAS:
        if not (runs / directory / "summary.csv").exists():
            raise SystemExit(f"{runs / directory}/summary.csv: missing (run scripts/validation_summary.sh first)")
    for directory in ("ew2022", "ew2022_feb2023", "ew2023"):
        if not (runs / directory / "summary.csv").exists():
            raise SystemExit(f"{runs / directory}/summary.csv: missing (run scripts/validation_summary.sh first)")
    england_wales(runs)
    if (runs / "ew_to_2025" / "summary.csv").exists() and (runs / "ew_to_2024" / "waits_2024.csv").exists():
        bbr_after_2022(runs)
    if (runs / "ew_to_2025" / "timeseries.csv").exists():
        workload_past_2023(runs)
    if (runs / "ew_published_staff" / "timeseries.csv").exists():
        published_staff(runs)
    if (runs / "ew2023_rag_off" / "timeseries.csv").exists():
        need_against_staff(runs)
    national_standards_2004(runs)
    programme_completion_2004(runs)


if __name__ == "__main__":
    main()
