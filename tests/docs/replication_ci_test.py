#!/usr/bin/env python3
"""Checks scripts/replication_ci.py, the 95% CI every report script prints: the Student t quantile against
published values (the same as boost::math's, which probsim's summary.csv uses), at degrees of freedom the
scripts' old tables skipped (8) or replaced with 1.96 or 2.0 (19 and beyond), and the interval of a known
sample; and the Wilson interval of a published audit's share against textbook values."""

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from replication_ci import mean_ci, student_t_cdf, t975, wilson_interval  # noqa: E402

# t(0.975, df), to 6 decimals (standard tables; boost::math::quantile gives the same).
KNOWN = {1: 12.706205, 2: 4.302653, 3: 3.182446, 5: 2.570582, 8: 2.306004, 9: 2.262157, 19: 2.093024,
         29: 2.045230, 89: 1.986979, 1000: 1.962339}


def main():
    failures = []
    for df, expected in KNOWN.items():
        if abs(t975(df) - expected) > 5e-6:
            failures.append(f"t975({df}) = {t975(df):.6f}, expected {expected}")
    if abs(student_t_cdf(0.0, 7) - 0.5) > 1e-12 or abs(student_t_cdf(-2.306004, 8) - 0.025) > 1e-6:
        failures.append("student_t_cdf is not symmetric about 0 with its tails where t975 puts them")
    mean, low, high = mean_ci([1.0, 2.0, 3.0, 4.0])  # s = 1.2909944, half = 3.182446 * s / 2
    if abs(mean - 2.5) > 1e-12 or abs((high - low) / 2 - 2.054260) > 1e-5:
        failures.append(f"mean_ci([1, 2, 3, 4]) = {mean}, [{low}, {high}]; expected 2.5 ± 2.054260")
    mean, low, high = mean_ci([5.0])
    if mean != 5.0 or not (math.isnan(low) and math.isnan(high)):
        failures.append(f"one value must give its mean and no interval, got {mean}, [{low}, {high}]")
    # Wilson 95% intervals: 5 of 10 is [0.2366, 0.7634] and 0 of 10 is [0, 0.2775] (Newcombe 1998, Table I).
    for (count, size), (want_low, want_high) in {(5, 10): (0.2366, 0.7634), (0, 10): (0.0, 0.2775)}.items():
        low, high = wilson_interval(count, size)
        if abs(low - want_low) > 5e-5 or abs(high - want_high) > 5e-5:
            failures.append(f"wilson_interval({count}, {size}) = [{low:.4f}, {high:.4f}], expected [{want_low}, {want_high}]")
    try:
        t975(0)
        failures.append("t975(0) must be refused")
    except ValueError:
        pass
    for failure in failures:
        print("FAIL:", failure)
    print("replication_ci:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
