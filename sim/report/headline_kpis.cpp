#include "report/headline_kpis.hpp"

#include <algorithm>
#include <utility>

#include "output/metric_names.hpp"

namespace probsim {

const std::vector<std::string>& headline_kpis() {
  static const std::vector<std::string> kpis = {metric_name::caseload_mean,
                                                metric_name::staff_in_post_fte,
                                                metric_name::vacancy_pct,
                                                metric_name::workload_pct_mean,
                                                metric_name::reviews_on_time_share,
                                                metric_name::contacts_delivered_share,
                                                metric_name::pdu_days_red,
                                                metric_name::bbr_requirements,
                                                metric_name::bbr_starts,
                                                metric_name::bbr_completions,
                                                metric_name::bbr_waiting_list_end,
                                                metric_name::bbr_waiting_over_52_weeks_end,
                                                metric_name::bbr_wait_weeks_p50};
  return kpis;
}

bool is_headline_kpi(const std::string& kpi) {
  const auto& kpis = headline_kpis();
  return std::find(kpis.begin(), kpis.end(), kpi) != kpis.end();
}

SweepHeadline default_sweep_headline(const std::string& subject) {
  auto mentions = [&](std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](const char* word) { return subject.find(word) != std::string::npos; });
  };
  // Scenario keys, not metric names: the BBR programme is delivered by facilitators of the
  // interventions teams (docs/bbr_facilitators.md), so varying any of them is a question about BBR.
  if (mentions({"facilitat", "bbr", "interventions"}))
    return {{metric_name::bbr_completions, metric_name::bbr_waiting_list_end,
             metric_name::bbr_waiting_over_52_weeks_end, metric_name::bbr_wait_weeks_p50,
             metric_name::bbr_starts},
            "chosen because the sweep varies BBR delivery (facilitators, BBR or interventions keys)"};
  if (mentions({"rag"}))
    return {{metric_name::pdu_days_red, metric_name::reviews_on_time_share, metric_name::workload_pct_mean},
            "chosen because the sweep varies the RAG framework"};
  if (mentions({"enforcement", "breach", "recall"}))
    return {{metric_name::reviews_on_time_share, metric_name::contacts_delivered_share,
             metric_name::caseload_mean, metric_name::workload_pct_mean},
            "chosen because the sweep varies enforcement"};
  return {{metric_name::workload_pct_mean, metric_name::reviews_on_time_share, metric_name::caseload_mean,
           metric_name::vacancy_pct, metric_name::staff_in_post_fte},
          "chosen by default (the sweep varies neither BBR delivery, RAG nor enforcement)"};
}

}  // namespace probsim
