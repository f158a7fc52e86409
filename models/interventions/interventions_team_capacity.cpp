// The team's facilitator capacity (G-9): the hours its facilitators in post give sessions each week, less
// what never becomes sessions and what a RAG measure moves to sentence management (RAG-4), and the hours
// a group reserves while it runs. A group starts only if the reservations fit.
#include <algorithm>
#include <cmath>

#include "interventions/group_delivery.hpp"
#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

void InterventionsTeam::measure_capacity() {
  // The facilitators in post in the team's PDUs, less what never becomes sessions and less what a RAG
  // measure has redeployed to sentence management (RAG-4). Redeployed hours go to the PDU whose
  // facilitators they are, which counts them (OfficeCounters::facilitator_hours_redeployed) as it works
  // them.
  double hours = 0.0;
  redeployed_hours_per_week_ = 0.0;
  for (std::uint32_t o = 0; o < offices_.size(); ++o) {
    double office_hours = 0.0;
    for (const Practitioner& person : offices_[o]->staff())
      if (person.in_post && person.grade == Grade::facilitator && !person.long_term_sick)
        office_hours += person.contracted_hours_per_week;
    office_hours *= rules_.facilitation.facilitator_scale;
    const InterventionMeasures& m = measures_[o];
    const double redeployed = m.programme_delivery_paused ? m.facilitator_hours_redeployed_share : 0.0;
    hours += office_hours * (1.0 - redeployed);
    redeployed_hours_per_week_ += office_hours * redeployed;
    offices_[o]->set_redeployed_hours_per_working_day(office_hours * redeployed / 5.0);
  }
  capacity_hours_per_week_ = hours * (1.0 - rules_.facilitation.non_delivery_share);
}

double InterventionsTeam::weekly_hours_of(const ProgrammeRules& rules, bool one_to_one,
                                          int sessions_per_week) const {
  const FacilitationRules& f = rules_.facilitation;
  const double weeks = static_cast<double>(rules.group_sessions) / sessions_per_week;
  if (one_to_one) {
    // Every session one-to-one with one facilitator, plus the individual sessions.
    return (rules.group_sessions + rules.individual_sessions) * f.hours_per_individual_session / weeks;
  }
  const double group = sessions_per_week * f.facilitators_per_group_session * f.hours_per_group_session;
  // Individual sessions and the catch-ups of sessions missed within the allowance, expected over a
  // member's course, for a full group.
  const double catch_ups = rules.group_sessions * (1.0 - rules.attendance_probability);
  const double individual =
      rules.group_size_max * (rules.individual_sessions + catch_ups) * f.hours_per_individual_session / weeks;
  return group + individual;
}

int InterventionsTeam::sessions_per_week_of_next_group(std::uint32_t prog, bool one_to_one) const {
  return sessions_per_week_of_new_group(programme(prog), rules_.delivery, prog == 0, one_to_one,
                                        replication_seed_, combine_seed(team_key_, prog),
                                        programme_counters_[prog].groups_started);
}

}  // namespace probsim
