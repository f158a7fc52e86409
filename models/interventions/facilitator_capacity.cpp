#include "interventions/facilitator_capacity.hpp"

#include "office/pdu_office.hpp"

namespace probsim {

void FacilitatorCapacity::measure(std::span<PduOffice* const> offices,
                                  std::span<const InterventionMeasures> measures) {
  // The facilitators in post in the team's PDUs, less what never becomes sessions and less what a RAG
  // measure has redeployed to sentence management (RAG-4). Redeployed hours go to the PDU whose
  // facilitators they are, which counts them (OfficeCounters::facilitator_hours_redeployed) as it works
  // them.
  double hours = 0.0;
  redeployed_hours_per_week_ = 0.0;
  for (std::size_t o = 0; o < offices.size(); ++o) {
    double office_hours = 0.0;
    for (const Practitioner& person : offices[o]->staff())
      if (person.in_post && person.grade == Grade::facilitator && !person.long_term_sick)
        office_hours += person.contracted_hours_per_week;
    office_hours *= rules_.facilitator_scale;
    const InterventionMeasures& m = measures[o];
    const double redeployed = m.programme_delivery_paused ? m.facilitator_hours_redeployed_share : 0.0;
    hours += office_hours * (1.0 - redeployed);
    redeployed_hours_per_week_ += office_hours * redeployed;
    offices[o]->set_redeployed_hours_per_working_day(office_hours * redeployed / 5.0);
  }
  capacity_hours_per_week_ = hours * (1.0 - rules_.non_delivery_share);
}

double FacilitatorCapacity::weekly_hours_of(const ProgrammeRules& rules, bool one_to_one,
                                            int sessions_per_week) const {
  const FacilitationRules& f = rules_;
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

}  // namespace probsim
