#include "runner/bbr_capacity_warnings.hpp"

#include <algorithm>
#include <cstdio>

#include "interventions/facilitator_capacity.hpp"

namespace probsim {

namespace {

// The most facilitator hours a week the team's PDUs can have: every facilitator in post at the start
// (the PDUs' staff lists, or a warm start's staff CSV) and every one recruited before the run ends.
double most_facilitator_hours(const Scenario& s, const std::vector<std::size_t>& pdus) {
  const double default_hours = s.caseload.workload.default_contracted_hours_per_week;
  const auto among = [&](std::size_t pdu) { return std::find(pdus.begin(), pdus.end(), pdu) != pdus.end(); };
  double fte = 0.0;
  if (s.snapshot) {
    for (const SnapshotStaffMember& member : s.snapshot->staff)
      if (member.person.grade == Grade::facilitator && among(member.pdu)) fte += member.person.fte;
  } else {
    for (const std::size_t pdu : pdus)
      for (const StaffGroup& group : s.pdu_at(pdu).staff)
        if (group.person.grade == Grade::facilitator) fte += group.headcount * group.person.fte;
  }
  for (const RecruitmentIntake& intake : s.staffing_plan.intakes)
    if (intake.grade == Grade::facilitator && !(s.window.report_end < intake.date))
      fte += intake.count * intake.fte_each;  // a region's intake counted whole: an upper bound
  return fte * default_hours;
}

std::string hours(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace

std::vector<std::string> bbr_capacity_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  const InterventionRules& rules = s.interventions;
  if (!rules.enabled || rules.routing.bbr_requirement_share <= 0.0) return warnings;
  const FacilitatorCapacity capacity(rules.facilitation);
  // The smallest reservation a BBR course can make under the scenario's formats.
  double smallest = capacity.weekly_hours_of(rules.bbr, false, rules.bbr.sessions_per_week);
  if (rules.delivery.weekly_group_share > 0.0)
    smallest = std::min(smallest, capacity.weekly_hours_of(rules.bbr, false, 1));
  if (rules.routing.bbr_one_to_one_share > 0.0) {
    const int pace = rules.delivery.one_to_one_sessions_per_week > 0
                         ? rules.delivery.one_to_one_sessions_per_week
                         : rules.bbr.sessions_per_week;
    smallest = std::min(smallest, capacity.weekly_hours_of(rules.bbr, true, pace));
  }
  for (const InterventionsTeamSpec& team : s.interventions_teams) {
    if (team.pdus.empty()) continue;
    const double most = most_facilitator_hours(s, team.pdus) * rules.facilitation.facilitator_scale *
                        (1.0 - rules.facilitation.non_delivery_share);
    if (most <= 0.0 || most + 1e-9 >= smallest) continue;  // none at all: run_warnings.cpp's warning
    warnings.push_back(
        "interventions team " + team.name + " has at most " + hours(most) +
        " facilitator hours a week for sessions (its facilitators' contracted hours × "
        "interventions.facilitation.facilitator_scale × (1 − non_delivery_share)), less than the " +
        hours(smallest) +
        " one BBR group reserves while it runs (its group sessions, and for a full group its "
        "individual sessions and expected catch-ups, which interventions.bbr.attendance_probability "
        "sets): no BBR group can ever open there, and its hours go to the structured "
        "interventions. Add facilitator hours, or check the BBR settings.");
  }
  return warnings;
}

}  // namespace probsim
