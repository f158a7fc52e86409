#include "sentence_management/case_task_schedule.hpp"

#include <cmath>

namespace probsim {

CaseTaskSchedule::OneOffTasks CaseTaskSchedule::one_off_tasks(RoshLevel rosh, bool domestic_abuse,
                                                              Day start) const {
  OneOffTasks tasks;
  auto add = [&](TaskKind kind, double hours, Day due) {
    if (hours > 0.0) tasks.push_back(PlannedTask{kind, hours, due});
  };
  add(TaskKind::initial_assessment, rules_.initial_assessment.hours,
      calendar_.add_working_days(start, rules_.initial_assessment.due_working_days));
  if (domestic_abuse) {
    add(TaskKind::sara, rules_.sara.hours, calendar_.add_working_days(start, rules_.sara.due_working_days));
    const bool high = rosh == RoshLevel::high || rosh == RoshLevel::very_high;
    const Day due = high ? calendar_.add_working_days(start, rules_.home_visit.due_working_days_high_rosh)
                         : start + SentenceManagementRules::interval_days(rules_.home_visit.due_weeks_other);
    add(TaskKind::home_visit, rules_.home_visit.hours, due);
  }
  if (rules_.risk_management_plan.applies_to(rosh))
    add(TaskKind::risk_management_plan, rules_.risk_management_plan.hours,
        calendar_.add_working_days(start, rules_.risk_management_plan.due_working_days));
  return tasks;
}

Day CaseTaskSchedule::next_event_day(Day from, double uniform01) const {
  const double per_day = rules_.event_review.hazard_per_year / kDaysPerYear;
  if (per_day <= 0.0) return -1;
  const double gap_days = -std::log1p(-uniform01) / per_day;
  // At least the next day; capped far beyond any simulation so the conversion cannot overflow.
  return from + static_cast<Day>(std::min(1e6, std::floor(gap_days))) + 1;
}

}  // namespace probsim
