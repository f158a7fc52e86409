#pragma once
// The ratios and means the run recorder reports, defined once so that a month's row and the window's
// KPI of the same metric are computed alike: a share of nothing is 0, not NaN, so that a unit with no
// tasks due (or no practitioners) still writes a number the summaries can average.

#include <cstdint>
#include <numeric>
#include <vector>

#include "output/summary_statistics.hpp"

namespace probsim {

inline double share(double part, double whole) {
  return whole > 0.0 ? part / whole : 0.0;
}

inline double share(std::int64_t part, std::int64_t whole) {
  return share(static_cast<double>(part), static_cast<double>(whole));
}

inline double mean_of(const std::vector<double>& values) {
  return values.empty()
             ? 0.0
             : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// A copy: the values' order matters to their sum (mean_of).
inline double p90_of(std::vector<double> values) {
  return quantile_unsorted(values, 0.9);
}

}  // namespace probsim
