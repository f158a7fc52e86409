#include "output/da_task_snapshot.hpp"

#include "output/metric_names.hpp"

namespace probsim {

void emit_da_task_kpis(const DaCaseTaskCounts& n,
                       const std::function<void(const std::string&, double)>& kpi) {
  auto share = [](std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
  };
  const std::int64_t all_cases = n.da_cases + n.warm_start_da_cases;
  const std::int64_t all_completed = n.sara_completed + (n.warm_start_da_cases - n.warm_start_sara_open);
  kpi(metric_name::sara_snapshot_da_cases, static_cast<double>(n.da_cases));
  kpi(metric_name::sara_snapshot_completed_share, share(n.sara_completed, n.da_cases));
  kpi(metric_name::sara_snapshot_overdue_share, share(n.sara_overdue, n.da_cases));
  kpi(metric_name::sara_snapshot_review_overdue_share, share(n.review_overdue, n.da_cases));
  kpi(metric_name::sara_snapshot_completed_share_with_warm_start, share(all_completed, all_cases));
  kpi(metric_name::home_visit_snapshot_completed_share, share(n.home_visit_completed, n.da_cases));
  kpi(metric_name::home_visit_snapshot_sample_da_cases, static_cast<double>(n.sample_da_cases));
  kpi(metric_name::home_visit_snapshot_sample_completed_share,
      share(n.sample_home_visit_completed, n.sample_da_cases));
  kpi(metric_name::sara_snapshot_sample_completed_share, share(n.sample_sara_completed, n.sample_da_cases));
}

}  // namespace probsim
