#!/usr/bin/env python3
"""Ranks the points of an aggregated sweep by the calibration loss of docs/validation.md: the sum, over
the targets marked `in_loss` in tests/validation/england_wales_2022_targets.csv (CT-2's three shares and
CT-4's five under the order-ended reading), of the squared difference in percentage points between the
point's simulated mean and the target. Both calibration sweeps (england_wales_2022_calibration.yaml and
england_wales_2022_enforcement.yaml) are ranked by this one loss.

    probsim batch scenarios/sweeps/england_wales_2022_calibration.yaml --out results/ew2022_calibration --jobs 2
    probsim aggregate results/ew2022_calibration
    python3 scripts/calibration_loss.py results/ew2022_calibration

Prints one line per point, best first: its loss, national facilitators (the sum of the regions'
`staff.2.headcount` keys; 0 if not varied), the other varied keys (the last part of each name), and the
simulated means of CT-1..CT-4's targets in the loss or asserted.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ROOT / "tests/validation/england_wales_2022_targets.csv"


def read_targets():
    lines = [line for line in TARGETS.read_text().splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def main(batch_dir):
    targets = read_targets()
    in_loss = {t["kpi"]: float(t["target"]) for t in targets if t["in_loss"] == "true"}
    shown = [t["kpi"] for t in targets
             if t["id"] in ("CT-1", "CT-2", "CT-3", "CT-4") and "true" in (t["in_loss"], t["asserted"])]
    means = defaultdict(dict)
    settings = {}
    with open(Path(batch_dir) / "sweep_summary.csv", newline="") as f:
        for row in csv.DictReader(f):
            point = row["point"]
            means[point][row["kpi"]] = float(row["mean"])
            if point not in settings:
                varied = {k: v for k, v in row.items()
                          if k not in ("point", "scenario", "kpi", "n", "mean", "sd", "ci95_low", "ci95_high",
                                       "p5", "p50", "p95")}
                facilitators = sum(int(v) for k, v in varied.items() if k.endswith("staff.2.headcount"))
                others = {k.split(".")[-1]: v for k, v in varied.items()
                          if not k.endswith("staff.2.headcount") and not k.endswith("establishment_fte.facilitator")}
                settings[point] = (facilitators, others)
    ranked = []
    for point, m in means.items():
        loss = sum((100 * (m[k] - t)) ** 2 for k, t in in_loss.items())
        ranked.append((loss, point))
    ranked.sort()
    print("point  loss(pp^2)  facilitators  " + "  ".join(settings[ranked[0][1]][1]) + "  " + "  ".join(shown))
    for loss, point in ranked:
        facilitators, others = settings[point]
        print(f"{point}  {loss:9.1f}  {facilitators:12d}  " + "  ".join(others.values()) + "  " +
              "  ".join(f"{means[point].get(k, float('nan')):.3f}" for k in shown))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
