#pragma once
// The spread of practitioners' WMT workload % (issue 19): the 10th, 25th, 50th, 75th and 90th
// percentiles and the share above 110% (PUB-10's excessive-workload line), for one unit at a month end
// (timeseries.csv) or pooled over the window's weekly samples (kpis.csv). The published figures are
// means and a tail ("some officers at about twice capacity", PUB-13; CT-17), so the distribution, not
// only the mean, is what can be compared.

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "output/metric_names.hpp"

namespace probsim {

inline constexpr double kExcessiveWorkloadPct = 110.0;  // PUB-10
inline constexpr double kTwiceCapacityPct = 200.0;      // PUB-13: "about twice their capacity"

struct WorkloadDistribution {
  static constexpr std::array<double, 5> kQuantiles = {0.10, 0.25, 0.50, 0.75, 0.90};
  static constexpr std::array<std::string_view, 5> kNames = metric_name::workload_pct_by_quantile;
  std::array<double, 5> percentiles{};  // 0 with no practitioners
  double over_110pct_share = 0.0;

  // From one WMT % per practitioner (or practitioner-week); reorders `values`.
  [[nodiscard]] static WorkloadDistribution of(std::vector<double>& values);

  // Calls emit(name, value) for each percentile and then "workload_pct_over_110_share".
  void emit(const std::function<void(const std::string&, double)>& emit) const;
};

}  // namespace probsim
