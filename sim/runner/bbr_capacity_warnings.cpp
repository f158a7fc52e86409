#include "runner/bbr_capacity_warnings.hpp"

#include <algorithm>
#include <cstdio>

#include "interventions/facilitator_capacity.hpp"
#include "runner/staff_presence.hpp"

namespace probsim {

namespace {

// The facilitator FTE the team's PDUs can have at most: every facilitator in post at the start and every
// one recruited before the run ends into its PDUs or their regions (a region's intake counted whole).
double most_facilitator_fte(const Scenario& s, const std::vector<std::size_t>& pdus) {
  double fte = 0.0;
  for_each_staff_group(s, pdus, [&](const NewStaffMember& person, int count, const CalendarDate&) {
    if (person.grade == Grade::facilitator) fte += count * person.fte;
  });
  return fte;
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
  // A group at the programme's pace, unless every course is one-to-one or meets weekly. A weekly share
  // below 1 does not spare a team that cannot fit the full pace: a new group's pace is drawn by its serial,
  // which moves on only when a group opens, so one draw of the full pace that does not fit holds the team.
  if (rules.routing.bbr_one_to_one_share >= 1.0 || rules.delivery.weekly_group_share >= 1.0) return warnings;
  const double group = capacity.weekly_hours_of(rules.bbr, false, rules.bbr.sessions_per_week);
  for (const InterventionsTeamSpec& team : s.interventions_teams) {
    if (team.pdus.empty()) continue;
    const double fte = most_facilitator_fte(s, team.pdus);
    if (fte <= 0.0) continue;  // no facilitator at all: run_warnings.cpp's warning
    const double most = fte * s.caseload.workload.default_contracted_hours_per_week *
                        rules.facilitation.facilitator_scale * (1.0 - rules.facilitation.non_delivery_share);
    if (most + 1e-9 >= group) continue;
    warnings.push_back(
        "interventions team " + team.name + " has at most " + hours(most) +
        " facilitator hours a week for sessions (its facilitators' contracted hours × "
        "interventions.facilitation.facilitator_scale × (1 − non_delivery_share)), less than the " +
        hours(group) + " one BBR group at " + std::to_string(rules.bbr.sessions_per_week) +
        " sessions a week reserves while it runs (its group sessions, and for a full group its "
        "individual sessions and expected catch-ups, which interventions.bbr.attendance_probability "
        "sets): no such BBR group can ever open there" +
        (rules.routing.bbr_one_to_one_share > 0.0 || rules.delivery.weekly_group_share > 0.0
             ? " (one-to-one courses may, and a weekly group only until a new group's pace is "
               "drawn as the full one)"
             : "") +
        ", and its hours go to the structured interventions. Add facilitator hours, or check the "
        "BBR settings.");
  }
  return warnings;
}

}  // namespace probsim
