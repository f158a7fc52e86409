#include "output/summary_statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace probsim {

double quantile_sorted(std::span<const double> sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

double quantile_unsorted(std::span<double> values, double q) {
  if (values.empty()) return 0.0;
  const auto below = static_cast<std::size_t>(std::floor(q * static_cast<double>(values.size() - 1)));
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(below);
  std::nth_element(values.begin(), nth, values.end());
  if (nth + 1 != values.end()) std::iter_swap(nth + 1, std::min_element(nth + 1, values.end()));
  return quantile_sorted(values, q);
}

double student_t_975(double degrees_of_freedom) {
  return boost::math::quantile(boost::math::students_t_distribution<double>(degrees_of_freedom), 0.975);
}

SummaryStatistics summarise(std::vector<double> values) {
  SummaryStatistics s;
  // NA (NaN: a figure a replication could not form) is a missing value, left out the same way by every
  // reader of results (aggregate, compare, report): n counts the values summarised. Only NAs: all NA.
  const bool any = !values.empty();
  std::erase_if(values, [](double v) { return std::isnan(v); });
  s.n = values.size();
  if (values.empty()) {
    if (any) s.mean = s.sd = s.ci95_low = s.ci95_high = s.p5 = s.p50 = s.p95 = std::nan("");
    return s;
  }
  // Welford's update: stable for large values with small spread.
  double mean = 0.0, sum_sq = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double delta = values[i] - mean;
    mean += delta / static_cast<double>(i + 1);
    sum_sq += delta * (values[i] - mean);
  }
  s.mean = mean;
  s.ci95_low = s.ci95_high = mean;
  if (s.n >= 2) {
    s.sd = std::sqrt(sum_sq / static_cast<double>(s.n - 1));
    const double half_width =
        student_t_975(static_cast<double>(s.n - 1)) * s.sd / std::sqrt(static_cast<double>(s.n));
    s.ci95_low = mean - half_width;
    s.ci95_high = mean + half_width;
  }
  std::sort(values.begin(), values.end());
  s.p5 = quantile_sorted(values, 0.05);
  s.p50 = quantile_sorted(values, 0.50);
  s.p95 = quantile_sorted(values, 0.95);
  return s;
}

}  // namespace probsim
