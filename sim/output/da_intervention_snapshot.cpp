#include "output/da_intervention_snapshot.hpp"

#include "output/metric_names.hpp"

namespace probsim {

void emit_da_intervention_kpis(const DaInterventionSampleCounts& n,
                               const std::function<void(const std::string&, double)>& kpi) {
  auto share = [](std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
  };
  kpi(metric_name::intervention_sample_da_cases, static_cast<double>(n.da_cases));
  kpi(metric_name::intervention_sample_referred_share, share(n.referred, n.da_cases));
  kpi(metric_name::intervention_sample_started_share, share(n.started, n.da_cases));
  kpi(metric_name::intervention_sample_waiting_share, share(n.referred - n.started, n.da_cases));
  kpi(metric_name::intervention_sample_completed_share, share(n.completed, n.da_cases));
  kpi(metric_name::intervention_sample_bbr_required_share, share(n.bbr_required, n.da_cases));
  kpi(metric_name::intervention_sample_bbr_started_share, share(n.bbr_started, n.bbr_required));
  kpi(metric_name::intervention_sample_bbr_removed_share, share(n.bbr_removed, n.bbr_required));
}

}  // namespace probsim
