#include "output/workload_distribution.hpp"

#include "output/summary_statistics.hpp"

namespace probsim {

WorkloadDistribution WorkloadDistribution::of(std::vector<double>& values) {
  WorkloadDistribution d;
  if (values.empty()) return d;
  std::size_t over = 0;
  for (double v : values) over += v > kExcessiveWorkloadPct ? 1 : 0;
  d.over_110pct_share = static_cast<double>(over) / static_cast<double>(values.size());
  for (std::size_t i = 0; i < kQuantiles.size(); ++i)
    d.percentiles[i] = quantile_unsorted(values, kQuantiles[i]);
  return d;
}

void WorkloadDistribution::emit(const std::function<void(const std::string&, double)>& emit) const {
  for (std::size_t i = 0; i < kNames.size(); ++i) emit(std::string(kNames[i]), percentiles[i]);
  emit(metric_name::workload_pct_over_110_share, over_110pct_share);
}

}  // namespace probsim
