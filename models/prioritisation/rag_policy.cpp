#include "prioritisation/rag_policy.hpp"

#include <algorithm>

namespace probsim {

RuleProblems RagThresholds::check() const {
  RuleProblems problems;
  if (workload_pct_red_above < workload_pct_amber_above)
    problems.push_back({"workload_pct_red_above", "must be at least workload_pct_amber_above (" +
                                                      describe_number(workload_pct_amber_above) +
                                                      "): red is the worse status"});
  if (staffing_fill_pct_red_below > staffing_fill_pct_amber_below)
    problems.push_back({"staffing_fill_pct_red_below", "must be at most staffing_fill_pct_amber_below (" +
                                                           describe_number(staffing_fill_pct_amber_below) +
                                                           "): red is the worse status"});
  return problems;
}

RagStatus rate(const RagThresholds& t, const RagRatingInputs& in) {
  RagStatus workload = RagStatus::green;
  if (in.workload_pct > t.workload_pct_red_above &&
      in.weeks_workload_above_red >= t.workload_red_consecutive_weeks)
    workload = RagStatus::red;
  else if (in.workload_pct > t.workload_pct_amber_above)
    workload = RagStatus::amber;
  RagStatus staffing = RagStatus::green;
  if (in.staffing_fill_pct < t.staffing_fill_pct_red_below)
    staffing = RagStatus::red;
  else if (in.staffing_fill_pct < t.staffing_fill_pct_amber_below)
    staffing = RagStatus::amber;
  return std::max(workload, staffing);
}

RagStatus RagHysteresis::review(RagStatus called_for) {
  if (called_for >= status_ || hysteresis_reviews_ == 0) {
    status_ = called_for;
    reviews_calling_for_lower_ = 0;
    return status_;
  }
  if (++reviews_calling_for_lower_ >= hysteresis_reviews_) {
    status_ = static_cast<RagStatus>(static_cast<int>(status_) - 1);
    reviews_calling_for_lower_ = 0;
  }
  return status_;
}

}  // namespace probsim
