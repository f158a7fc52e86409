#include "workforce/trainee_pipeline.hpp"

#include <string>

namespace probsim {

TraineeStage TraineePipeline::stage_on(const CalendarDate& training_start, const CalendarDate& today) const {
  if (today >= nqo_end_date(training_start)) return {Grade::po, 0.0, false};
  if (today >= qualification_date(training_start)) return {Grade::po, nqo_reduction_share, true};
  TraineeStage stage{Grade::pqip, 0.0, true};
  for (const TraineeReductionStep& step : reduction_steps)
    if (today >= training_start.plus_months(step.from_month)) stage.reduction_share = step.reduction_share;
  return stage;
}

std::vector<CalendarDate> TraineePipeline::change_dates(const CalendarDate& training_start) const {
  std::vector<CalendarDate> dates;
  for (const TraineeReductionStep& step : reduction_steps)
    if (step.from_month > 0 && step.from_month < training_months)
      dates.push_back(training_start.plus_months(step.from_month));
  dates.push_back(qualification_date(training_start));
  if (nqo_months > 0) dates.push_back(nqo_end_date(training_start));
  return dates;
}

RuleProblems TraineePipeline::check() const {
  RuleProblems problems;
  for (std::size_t i = 0; i < reduction_steps.size(); ++i) {
    const std::string key = "workload_reduction_by_month[" + std::to_string(i) + "].from_month";
    const int from_month = reduction_steps[i].from_month;
    if (i == 0 && from_month != 0)
      problems.push_back({key, "the first step must start at month 0"});
    else if (i > 0 && from_month <= reduction_steps[i - 1].from_month)
      problems.push_back({key, "steps must be in increasing order of from_month"});
    else if (from_month >= training_months)
      problems.push_back(
          {key, "must be before qualification (training_months = " + std::to_string(training_months) + ")"});
  }
  return problems;
}

}  // namespace probsim
