#!/usr/bin/env python3
"""Checks scripts/assumption_sensitivity.py (docs/validation/12-assumptions.md §12) on a planted batch.

The planted replications give known paired differences: an end that moves CT-2's commenced share by 4
points in every pair matters (bold), one that moves it by 1 point does not, a count moved by more than
7.5% of its published value matters, a point whose waiting share leaves the ±5-point tolerance is
marked ✗, and a key that matters for nothing is listed as inert. A point that changes two keys is
refused. A batch of the two 2004 area files is reported per area, each point judged against its own
area's published figure (tests/validation/national_standards_2004_targets.csv), ✓ where it comes within
±5 points.
"""

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "assumption_sensitivity.py"

BASE = {"bbr_cohort_requirements": 6700.0, "bbr_cohort_commenced_share": 0.50,
        "bbr_cohort_waiting_share": 0.43, "caseload_mean": 240000.0}


def write_batch(root, points, scenario_of=lambda name: "s.yaml"):
    """points: [(name, {key: value}, [per-replication {kpi: value}])]"""
    keys = ["team_size", "hours"]
    with open(root / "points.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["point", "scenario", "base_seed"] + keys)
        for name, values, _ in points:
            w.writerow([name, scenario_of(name), 1] +
                       [values.get(k, {"team_size": 8, "hours": 3.0}[k]) for k in keys])
    for name, _, reps in points:
        directory = root / "points" / name / "replications"
        directory.mkdir(parents=True)
        for r, kpis in enumerate(reps, start=1):
            with open(directory / f"rep-{r:05d}.kpis.csv", "w", newline="") as f:
                w = csv.writer(f)
                for kpi, value in kpis.items():
                    w.writerow([r, "national", "national", kpi, value])
                w.writerow([r, "region", "North", "caseload_mean", 1.0])  # not the nation: ignored


def shifted(rep, **deltas):
    out = {k: v + rep * 0.001 * (1 if "share" in k else 100) for k, v in BASE.items()}
    for kpi, delta in deltas.items():
        out[kpi] += delta
    return out


def run(batch):
    return subprocess.run([sys.executable, str(SCRIPT), str(batch)], capture_output=True, text=True)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "good"
        batch.mkdir()
        write_batch(batch, [
            ("p0001", {}, [shifted(r) for r in range(3)]),
            ("p0002", {"team_size": 6}, [shifted(r, bbr_cohort_commenced_share=0.04 + r * 0.001,
                                                  bbr_cohort_waiting_share=0.04,
                                                  bbr_cohort_requirements=600 + r) for r in range(3)]),
            ("p0003", {"hours": 4.5}, [shifted(r, bbr_cohort_commenced_share=0.01 + r * 0.001)
                                       for r in range(3)]),
        ])
        result = run(batch)
        if result.returncode != 0:
            failures.append(f"exit {result.returncode}: {result.stderr}")
        out = result.stdout
        row2 = next((line for line in out.splitlines() if line.startswith("| `team_size` = 6 (8)")), "")
        row3 = next((line for line in out.splitlines() if line.startswith("| `hours` = 4.5 (3.0)")), "")
        checks = [
            ("commenced +4.1 points is bold", "**+4.1**" in row2),
            ("waiting 0.47 leaves 41.0 ± 5: ✗", "**+4.0** ✗" in row2),
            ("requirements +601 (> 7.5% of 6,723) is bold", "**+601.0**" in row2),
            ("commenced +1.1 points is not bold", "| +1.1 |" in row3 and "**" not in row3),
            ("a KPI absent from the runs is a dash", "| — |" in row3),
            ("hours is inert", "(1 of 2 keys): `hours`." in out),
            ("team_size's effects are listed", "- `team_size`: CT-1 requirements +601.0 at 6" in out),
            ("the shipped means are printed", "| CT-2 commenced | 48.9% | 50.1 [" in out),
        ]
        failures += [name for name, ok in checks if not ok]

        bad = Path(tmp) / "two_keys"
        bad.mkdir()
        write_batch(bad, [("p0001", {}, [shifted(0)]), ("p0002", {"team_size": 6, "hours": 4.5}, [shifted(0)])])
        result = run(bad)
        if result.returncode == 0 or "changes 2 keys" not in result.stderr:
            failures.append(f"a point changing two keys was not refused: {result.returncode} {result.stderr}")

        # Two 2004 areas: Gwent's reviews 38% and Durham's 82% published (AUD-2). Each area's first point
        # is its shipped file; the second moves reviews on time to 40% in Gwent (within ±5: ✓) and 70% in
        # Durham (not within).
        areas = Path(tmp) / "areas"
        areas.mkdir()
        gwent = {"periodic_reviews_on_time_share": 0.90, "workload_pct_mean": 90.0}
        durham = {"periodic_reviews_on_time_share": 0.95, "workload_pct_mean": 85.0}
        write_batch(areas, [
            ("p0001", {}, [dict(gwent, periodic_reviews_on_time_share=0.90 + r * 0.01) for r in range(3)]),
            ("p0002", {"team_size": 6}, [dict(gwent, periodic_reviews_on_time_share=0.40 + r * 0.01) for r in range(3)]),
            ("p0003", {}, [dict(durham) for _ in range(3)]),
            ("p0004", {"team_size": 6}, [dict(durham, periodic_reviews_on_time_share=0.70 + r * 0.001) for r in range(3)]),
        ], scenario_of=lambda name: ("../national_standards_2004_gwent.yaml" if name in ("p0001", "p0002")
                                     else "../national_standards_2004_county_durham.yaml"))
        result = run(areas)
        out2004 = result.stdout
        sections = out2004.split("## ")
        gwent_text = next((t for t in sections if t.startswith("../national_standards_2004_gwent")), "")
        durham_text = next((t for t in sections if t.startswith("../national_standards_2004_county")), "")
        checks = [
            ("two area sections", result.returncode == 0 and gwent_text and durham_text),
            ("Gwent's AUD-2 published 38%", "| AUD-2 periodic_reviews_on_time | 38% | 91.0 [" in gwent_text),
            ("Durham's AUD-2 published 82%", "| AUD-2 periodic_reviews_on_time | 82% | 95.0 [" in durham_text),
            ("Gwent's end reaches 38% ± 5", "**-50.0** ✓" in gwent_text),
            ("Durham's end does not reach 82%", "**-24.9** |" in durham_text),
            ("a figure with words only has no published value", "| AUD-9 home_visits_high_rosh_on_time | — |" in gwent_text),
            # §11.12: the DV inspections' figures on the DA cases' KPIs (not planted here, so not produced).
            ("Gwent's DV reviews column", "| AUD-2 DV periodic_reviews_domestic_abuse_on_time | — | not produced |"
             in gwent_text),
            ("the DV breach column", "AUD-8 DV breach_domestic_abuse_on_time" in gwent_text),
        ]
        failures += [name for name, ok in checks if not ok]
        out += "\n" + out2004

    if failures:
        print("assumption_sensitivity_test: FAILED\n  " + "\n  ".join(failures) + "\n\n" + out)
        return 1
    print("assumption_sensitivity_test: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
