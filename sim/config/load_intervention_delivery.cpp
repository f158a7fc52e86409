// `interventions.delivery` (InterventionDelivery, issue 18), optional: absent, every default (no change).

#include <string>
#include <vector>

#include "config/load_interventions_parts.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

constexpr double kMaxDeliveryWeeks = 104.0;

std::vector<std::string> recorded_start_names() {
  return {kRecordedStartNames.begin(), kRecordedStartNames.end()};
}

void read_holiday_break(FieldReader& parent, HolidayBreak& b) {
  auto r = parent.optional_map("holiday_break");
  if (!r) return;
  if (auto month = r->integer("month", false, 1, 12)) b.month = *month;
  if (auto day = r->integer("day", false, 1, 28)) b.day = *day;  // 28: a date every year has
  if (auto weeks = r->number("weeks", false, 0.0, 8.0)) b.weeks = *weeks;
  r->reject_unknown_keys();
}

void read_completion_recorded(FieldReader& parent, InterventionDelivery& d) {
  auto r = parent.optional_map("completion_recorded_after_weeks");
  if (!r) return;
  WeeksRange& w = d.completion_recorded_after_weeks;
  auto min = r->number("min", false, 0.0, kMaxDeliveryWeeks);
  auto max = r->number("max", false, 0.0, kMaxDeliveryWeeks);
  if (min) w.min_weeks = *min;
  if (max) w.max_weeks = *max;
  // InterventionDelivery::check on the bounds that read, pointed at min, or at max when the file
  // gives no min.
  if ((min || r->map_node()->find("min") == nullptr) && (max || r->map_node()->find("max") == nullptr)) {
    RuleProblems problems = only_under(d.check(), "completion_recorded_after_weeks");
    for (RuleProblem& problem : problems)
      if (problem.key == "min" && !min) problem.key = "max";
    report_problems(*r->map_node(), r->path(), problems, r->diagnostics(), true);
  }
  r->reject_unknown_keys();
}

}  // namespace

void read_intervention_delivery(FieldReader& interventions, InterventionDelivery& d) {
  auto r = interventions.optional_map("delivery");
  if (!r) return;
  if (auto start = r->choice("recorded_start", false, recorded_start_names()))
    d.recorded_start = static_cast<RecordedStart>(*start);
  if (auto weeks = r->number("pre_group_lead_weeks", false, 0.0, kMaxDeliveryWeeks))
    d.pre_group_lead_weeks = *weeks;
  if (auto share = r->number("weekly_group_share", false, 0.0, 1.0)) d.weekly_group_share = *share;
  if (auto fallback = r->boolean("weekly_group_when_full_pace_does_not_fit", false))
    d.weekly_group_when_full_pace_does_not_fit = *fallback;
  if (auto n = r->integer("one_to_one_sessions_per_week", false, 0, 2)) d.one_to_one_sessions_per_week = *n;
  if (auto share = r->number("cancelled_session_share", false, 0.0, 0.9)) d.cancelled_session_share = *share;
  read_holiday_break(*r, d.holiday_break);
  read_completion_recorded(*r, d);
  // InterventionDelivery::check's rule of the lead (the completion range's are checked as it is read).
  report_problems(*r->map_node(), r->path(), only(d.check(), "pre_group_lead_weeks"), r->diagnostics(), true);
  r->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
