#pragma once
// Summary statistics across replications (docs/architecture.md): n, mean, sample sd, a 95% Student-t
// confidence interval for the mean, and the 5th, 50th and 95th percentiles.

#include <cstddef>
#include <span>
#include <vector>

namespace probsim {

// Linear interpolation between order statistics (Hyndman & Fan type 7, the default of R and NumPy).
// `sorted` must be sorted ascending and non-empty; q in [0, 1].
[[nodiscard]] double quantile_sorted(std::span<const double> sorted, double q);
// The same value from values in any order, in linear time: only the two order statistics it
// interpolates between are put in place (reorders `values`). 0 when `values` is empty.
[[nodiscard]] double quantile_unsorted(std::span<double> values, double q);

struct SummaryStatistics {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n − 1); 0 when n < 2
  double ci95_low = 0.0;
  double ci95_high = 0.0;  // equal to the mean when n < 2 (no interval can be formed)
  double p5 = 0.0;
  double p50 = 0.0;
  double p95 = 0.0;

  [[nodiscard]] double ci95_half_width() const { return (ci95_high - ci95_low) / 2.0; }
};

// NaN values (NA in the files) are left out; n counts the rest. Only NaNs: n = 0 and every figure NaN.
[[nodiscard]] SummaryStatistics summarise(std::vector<double> values);

// t(0.975, df): the two-sided 95% Student-t critical value (Boost.Math).
[[nodiscard]] double student_t_975(double degrees_of_freedom);

}  // namespace probsim
