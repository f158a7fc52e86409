#include "report/headline_kpis.hpp"

#include <algorithm>
#include <utility>

namespace probsim {

const std::vector<std::string>& headline_kpis() {
  static const std::vector<std::string> kpis = {
      "caseload_mean",     "staff_in_post_fte",     "vacancy_pct",
      "workload_pct_mean", "reviews_on_time_share", "contacts_delivered_share",
      "pdu_days_red",      "bbr_requirements",      "bbr_starts",
      "bbr_completions",   "bbr_waiting_list_end",  "bbr_waiting_over_52_weeks_end",
      "bbr_wait_weeks_p50"};
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
    return {{"bbr_completions", "bbr_waiting_list_end", "bbr_waiting_over_52_weeks_end", "bbr_wait_weeks_p50",
             "bbr_starts"},
            "chosen because the sweep varies BBR delivery (facilitators, BBR or interventions keys)"};
  if (mentions({"rag"}))
    return {{"pdu_days_red", "reviews_on_time_share", "workload_pct_mean"},
            "chosen because the sweep varies the RAG framework"};
  if (mentions({"enforcement", "breach", "recall"}))
    return {{"reviews_on_time_share", "contacts_delivered_share", "caseload_mean", "workload_pct_mean"},
            "chosen because the sweep varies enforcement"};
  return {{"workload_pct_mean", "reviews_on_time_share", "caseload_mean", "vacancy_pct", "staff_in_post_fte"},
          "chosen by default (the sweep varies neither BBR delivery, RAG nor enforcement)"};
}

}  // namespace probsim
