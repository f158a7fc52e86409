#!/usr/bin/env python3
"""Ranks the points of an aggregated sweep by the calibration loss of docs/validation.md: the sum of the
squared difference, in percentage points, between the point's simulated mean and each target marked
`in_loss` in tests/validation/england_wales_2022_targets.csv. Two losses are printed:

- `loss_9.1`, the ranking: §9.1's six terms (CT-2's three shares, CT-3, CT-4's exited and completed shares
  of starters under the literal reading), the loss of §9.3, §10.11, §10.22 and §9.19;
- `loss_9.8`: the same plus the exited's revoked and activated shares, which §9.8 added for the G-15 hazard
  grid (§9.9). Until session 23 this script ranked by it alone, which §9.19 found disagreeing with §9.1.

(The order-ended calibration of §4, before the literal reading, used the targets then marked.)

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
    # §9.8's two terms: the split of the exited, added for the G-15 grid only.
    split_terms = {k for k in in_loss if k.startswith("bbr_cohort_exited_")}
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
        terms = {k: (100 * (m[k] - t)) ** 2 for k, t in in_loss.items()}
        loss_9_1 = sum(v for k, v in terms.items() if k not in split_terms)
        ranked.append((loss_9_1, sum(terms.values()), point))
    ranked.sort()
    print("point  loss_9.1  loss_9.8  facilitators  " + "  ".join(settings[ranked[0][2]][1]) + "  " +
          "  ".join(shown))
    for loss_9_1, loss_9_8, point in ranked:
        facilitators, others = settings[point]
        print(f"{point}  {loss_9_1:8.1f}  {loss_9_8:8.1f}  {facilitators:12d}  " + "  ".join(others.values()) + "  " +
              "  ".join(f"{means[point].get(k, float('nan')):.3f}" for k in shown))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
