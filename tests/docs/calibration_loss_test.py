#!/usr/bin/env python3
"""Checks scripts/calibration_loss.py (docs/validation/09-bbr-delivery.md §9.1, §9.19) on a planted sweep_summary.csv.

Two points with known gaps: point A misses CT-2's commenced share by 3 points and the exited's revoked
share by 20 (loss_9.1 = 9, loss_9.8 = 409); point B misses commenced by 4 and nothing else (16 and 16). So
§9.1's six terms rank A first and §9.8's eight would rank B first: the script must print both losses
exactly and rank by §9.1's, which it did not before session 23.
"""

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "calibration_loss.py"
TARGETS = ROOT / "tests" / "validation" / "england_wales_2022_targets.csv"


def targets():
    lines = [line for line in TARGETS.read_text().splitlines() if line and not line.startswith("#")]
    return {row["kpi"]: float(row["target"]) for row in csv.DictReader(lines)}


def main():
    target = targets()
    misses = {"p0001": {"bbr_cohort_commenced_share": 0.03, "bbr_cohort_exited_revoked_share": 0.20},
              "p0002": {"bbr_cohort_commenced_share": 0.04}}
    with tempfile.TemporaryDirectory() as tmp:
        header = "point,scenario,interventions.delivery.pre_group_lead_weeks,kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95"
        rows = [header]
        for point, lead in (("p0001", 44), ("p0002", 48)):
            for kpi, value in target.items():
                mean = value + misses[point].get(kpi, 0.0)
                rows.append(f"{point},../england_wales_2022.yaml,{lead},{kpi},2,{mean},0,{mean},{mean},{mean},{mean},{mean}")
        (Path(tmp) / "sweep_summary.csv").write_text("\n".join(rows) + "\n")
        out = subprocess.run([sys.executable, str(SCRIPT), tmp], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    failures = []
    if not lines or "loss_9.1" not in lines[0] or "loss_9.8" not in lines[0]:
        failures.append(f"header lacks the two losses: {lines[:1]}")
    body = [line.split() for line in lines[1:]]
    if [row[0] for row in body] != ["p0001", "p0002"]:
        failures.append(f"not ranked by §9.1's loss: {[row[0] for row in body]}")
    expected = {"p0001": (9.0, 409.0), "p0002": (16.0, 16.0)}
    for row in body:
        got = (float(row[1]), float(row[2]))
        if any(abs(g - e) > 0.05 for g, e in zip(got, expected[row[0]])):
            failures.append(f"{row[0]}: losses {got}, expected {expected[row[0]]}")
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
