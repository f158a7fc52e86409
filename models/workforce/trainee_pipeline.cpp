#include "workforce/trainee_pipeline.hpp"

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

}  // namespace probsim
