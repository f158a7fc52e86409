#include "output/workload_snapshot.hpp"

#include <algorithm>
#include <numeric>

#include "output/summary_statistics.hpp"
#include "output/workload_distribution.hpp"

namespace probsim {

void WorkloadSnapshot::emit(const std::vector<std::size_t>& units,
                            const std::function<void(const std::string&, double)>& kpi) const {
  if (!taken_) return;
  std::vector<double> pcts;
  for (const std::size_t i : units)
    pcts.insert(pcts.end(), pct_by_office_.at(i).begin(), pct_by_office_.at(i).end());
  const auto n = static_cast<double>(pcts.size());
  const double sum = std::accumulate(pcts.begin(), pcts.end(), 0.0);
  auto share_above = [&](double pct) {
    const auto over = std::count_if(pcts.begin(), pcts.end(), [&](double p) { return p > pct; });
    return n > 0 ? static_cast<double>(over) / n : 0.0;
  };
  kpi(metric_name::workload_snapshot_pct_mean, n > 0 ? sum / n : 0.0);
  kpi(metric_name::workload_snapshot_over_110_share, share_above(kExcessiveWorkloadPct));
  kpi(metric_name::workload_snapshot_over_200_share, share_above(kTwiceCapacityPct));
  kpi(metric_name::workload_snapshot_pct_max,
      pcts.empty() ? 0.0 : *std::max_element(pcts.begin(), pcts.end()));
  kpi(metric_name::workload_snapshot_pct_p90, quantile_unsorted(pcts, 0.9));
}

}  // namespace probsim
