"""The 95% confidence interval over replications that the report scripts print: the mean, and the mean
± t(0.975, n − 1) · s / √n, with the Student t quantile computed exactly, as probsim's own summary.csv
does (boost::math, sim/output/summary_statistics.cpp). One place for it, so that a report read beside
summary.csv gives the same interval for the same replications: the scripts' earlier tables stopped at
9 or 19 degrees of freedom and fell back to 1.96 or 2.0 beyond them (one of them skipped 8).
"""

import math
import statistics


def _incomplete_beta_fraction(a, b, x):
    """The continued fraction of the regularized incomplete beta function (modified Lentz)."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        for numerator in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                          -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _regularized_incomplete_beta(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _incomplete_beta_fraction(a, b, x) / a
    return 1.0 - front * _incomplete_beta_fraction(b, a, 1.0 - x) / b


def student_t_cdf(t, df):
    """P(T ≤ t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * _regularized_incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t975(df):
    """The 0.975 quantile of Student's t with `df` ≥ 1 degrees of freedom (12.706 at 1, 2.045 at 29)."""
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, found {df}")
    low, high = 0.0, 100.0  # t(0.975, 1) = 12.71, the largest
    for _ in range(200):
        middle = (low + high) / 2.0
        if student_t_cdf(middle, df) < 0.975:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2.0


def mean_ci(values):
    """(mean, low, high) of the t-based 95% CI over the values; with fewer than two, the CI is NaN."""
    values = list(values)
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, float("nan"), float("nan")
    half = t975(len(values) - 1) * statistics.stdev(values) / len(values) ** 0.5
    return mean, mean - half, mean + half


def wilson_interval(count, size, z=1.959964):
    """The Wilson 95% interval of a published share of `count` in `size`: an audit's small sample
    (validation/11-national-standards.md §11.12), not replications."""
    p = count / size
    centre = (p + z * z / (2 * size)) / (1 + z * z / size)
    half = z * math.sqrt(p * (1 - p) / size + z * z / (4 * size * size)) / (1 + z * z / size)
    return centre - half, centre + half
