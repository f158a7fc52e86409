#!/usr/bin/env python3
"""The grades holding the 2004 DV thematic's sampled cases (2a.17/2a.18: PO 70%, PSO 14%, trainee 7% of
152), read from `probsim snapshot` files of a 2004 area run, as validation/10-workload.md §10.20's addendum states:

    python3 scripts/dv_sample_holders_2004.py SNAPSHOT_DIR...   # each from `probsim snapshot RUN --date D`

The sample: DA cases under supervision on the snapshot's day whose supervision began 4 to 12 months
before (2a.17's [D]: about 8 months in). High RoH was over-sampled (2a.12/2a.13: very high 6%, high 33%,
medium 48%, low 14%), so each grade's share is taken within each RoSH level and weighted by that mix.
"""

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot_holders import da_cases_by_rosh_and_holder, snapshot_day_of  # noqa: E402,F401  (the shared reader)

SAMPLE_DAYS = (122, 365)
ROH_MIX = {"very_high": 0.06, "high": 0.33, "medium": 0.48, "low": 0.14}  # 2a.12/2a.13 (sums to 1.01)
PSO_SHARE = (0.14, 0.092, 0.202)  # 21 of 152, Wilson 95% interval


def weighted_holders(snapshot_dir, snapshot_day):
    """({grade: share weighted to ROH_MIX}, cases in the sample) for one snapshot directory."""
    counts = da_cases_by_rosh_and_holder(snapshot_dir, snapshot_day, SAMPLE_DAYS)  # rosh -> grade -> cases
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


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for d in sys.argv[1:]:
        shares, cases = weighted_holders(d, snapshot_day_of(d))
        print(d, cases, {g: round(s, 4) for g, s in sorted(shares.items())})
