#include "output/observation_plan.hpp"

#include <algorithm>

namespace probsim {

std::vector<Observation> observation_plan(const Scenario& scenario) {
  const SimulationWindow& window = scenario.window;
  const BbrCohortReport& cohort = scenario.interventions.cohort_report;
  const BbrCohortReport& si_cohort = scenario.interventions.si_cohort_report;
  std::vector<Observation> plan;
  const Day first = window.first_report_day();
  const Day last = window.last_day();
  for (Day day = first; day <= last; ++day) {
    Observation o{day};
    o.week_end = (day - first + 1) % 7 == 0;
    o.period_end = window.date_of(day).is_last_day_of_month() || day == last;
    o.cohort_status = cohort.enabled && window.date_of(day) == cohort.status_on;
    o.si_cohort_status = si_cohort.enabled && window.date_of(day) == si_cohort.status_on;
    o.workload_snapshot = window.workload_snapshot_on == window.date_of(day);
    if (o.week_end || o.period_end || o.cohort_status || o.si_cohort_status || o.workload_snapshot)
      plan.push_back(o);
  }
  return plan;
}

void open_recorder_window(RunRecorder& recorder, const std::vector<Observation>& plan) {
  const auto weeks = std::count_if(plan.begin(), plan.end(), [](const Observation& o) { return o.week_end; });
  const auto periods =
      std::count_if(plan.begin(), plan.end(), [](const Observation& o) { return o.period_end; });
  recorder.open_window(static_cast<std::size_t>(weeks), static_cast<std::size_t>(periods));
}

void record_observation(RunRecorder& recorder, const Observation& o, const SimulationWindow& window) {
  if (o.cohort_status) recorder.take_cohort_status();
  if (o.si_cohort_status) recorder.take_si_cohort_status();
  if (o.workload_snapshot) recorder.take_workload_snapshot(o.after_day);
  if (o.week_end) recorder.sample_week();
  if (o.period_end) recorder.close_period(window.date_of(o.after_day));
}

}  // namespace probsim
