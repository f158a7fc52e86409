#include "output/started_intervention_snapshot.hpp"

#include "output/metric_names.hpp"

namespace probsim {

void emit_started_intervention_kpis(const StartedInterventionSampleCounts& n,
                                    const std::function<void(const std::string&, double)>& kpi) {
  auto share = [&n](std::int64_t part) {
    return n.starts > 0 ? static_cast<double>(part) / static_cast<double>(n.starts) : 0.0;
  };
  kpi(metric_name::intervention_started_sample_starts, static_cast<double>(n.starts));
  kpi(metric_name::intervention_started_sample_bbr_share, share(n.bbr_starts));
  kpi(metric_name::intervention_started_sample_second_start_share, share(n.second_starts));
  kpi(metric_name::intervention_started_sample_completed_share, share(n.completed));
  kpi(metric_name::intervention_started_sample_in_programme_share, share(n.in_programme));
  kpi(metric_name::intervention_started_sample_ended_share, share(n.ended));
}

}  // namespace probsim
