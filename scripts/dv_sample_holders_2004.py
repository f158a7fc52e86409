#!/usr/bin/env python3
"""The grades holding the 2004 DV thematic's sampled cases (2a.17/2a.18: PO 70%, PSO 14%, trainee 7% of
152), read from `probsim snapshot` files of a 2004 area run, as validation.md §10.20's addendum states:

    python3 scripts/dv_sample_holders_2004.py SNAPSHOT_DIR...   # each from `probsim snapshot RUN --date D`

The sample: DA cases under supervision on the snapshot's day whose supervision began 4 to 12 months
before (2a.17's [D]: about 8 months in). High RoH was over-sampled (2a.12/2a.13: very high 6%, high 33%,
medium 48%, low 14%), so each grade's share is taken within each RoSH level and weighted by that mix.
"""

import csv
import sys
from datetime import date
from pathlib import Path

SAMPLE_DAYS = (122, 365)
ROH_MIX = {"very_high": 0.06, "high": 0.33, "medium": 0.48, "low": 0.14}  # 2a.12/2a.13 (sums to 1.01)
PSO_SHARE = (0.14, 0.092, 0.202)  # 21 of 152, Wilson 95% interval


def weighted_holders(snapshot_dir, snapshot_day):
    """({grade: share weighted to ROH_MIX}, cases in the sample) for one snapshot directory."""
    snapshot_dir = Path(snapshot_dir)
    with open(snapshot_dir / "staff.csv", newline="") as f:
        grade_of = {row["staff_id"]: row["grade"] for row in csv.DictReader(f)}
    counts = {}  # rosh -> grade -> cases
    with open(snapshot_dir / "caseload.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["domestic_abuse"] != "true":
                continue
            age = (date.fromisoformat(snapshot_day) - date.fromisoformat(row["sentence_start_date"])).days
            if SAMPLE_DAYS[0] <= age <= SAMPLE_DAYS[1]:
                grade = grade_of.get(row["practitioner"], "none") if row["practitioner"] else "none"
                by_grade = counts.setdefault(row["rosh"], {})
                by_grade[grade] = by_grade.get(grade, 0) + 1
    weight_total = sum(w for rosh, w in ROH_MIX.items() if counts.get(rosh))
    if weight_total == 0:
        raise SystemExit(f"dv_sample_holders_2004.py: {snapshot_dir}: no DA case in the sample")
    shares = {}
    for rosh, weight in ROH_MIX.items():
        by_grade = counts.get(rosh, {})
        total = sum(by_grade.values())
        for grade, n in by_grade.items():
            shares[grade] = shares.get(grade, 0.0) + weight / weight_total * n / total
    return shares, sum(sum(g.values()) for g in counts.values())


def snapshot_day_of(snapshot_dir):
    """The day in a `snapshot-YYYY-MM-DD-rN` directory's name."""
    name = Path(snapshot_dir).name
    return name[len("snapshot-"):len("snapshot-") + 10]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for d in sys.argv[1:]:
        shares, cases = weighted_holders(d, snapshot_day_of(d))
        print(d, cases, {g: round(s, 4) for g, s in sorted(shares.items())})
