#include "sentence_management/enforcement_process.hpp"

#include <algorithm>

#include "core/random_stream.hpp"

namespace probsim {

void EnforcementProcess::case_started(std::uint32_t slot, CaseId id, SentenceType type) {
  if (!rules_.enabled) return;
  if (slot >= cases_.size()) cases_.resize(slot + 1);
  cases_[slot] = CaseState{};
  cases_[slot].id = id;
  cases_[slot].type = type;
  if (rules_.poor_attenders.enabled()) {
    // A stream of its own, one draw per case: no other draw of the case moves.
    RandomStream draw(replication_seed_, stream::kAttendanceClass, id);
    cases_[slot].poor_attender = draw.uniform01() < rules_.poor_attenders.share;
  }
}

void EnforcementProcess::case_started_before_simulation(std::uint32_t slot, CaseId id, SentenceType type,
                                                        std::int64_t appointments_offered) {
  case_started(slot, id, type);
  if (!rules_.enabled || !rules_.warm_start.enabled) return;
  const auto t = static_cast<std::size_t>(type);
  double expected_failures = static_cast<double>(appointments_offered) *
                             rules_.warm_start.contacts_delivered_share *
                             rules_.missed_unacceptable_share[t] * rules_.unacceptable_judged_share;
  if (rules_.poor_attenders.enabled())
    expected_failures *= rules_.poor_attenders.multiplier(cases_[slot].poor_attender);
  // A stream of its own, one draw: no other draw of the case moves.
  RandomStream draw(replication_seed_, stream::kWarmStartFailures, id);
  cases_[slot].unacceptable_failures =
      draw_warm_start_failures(expected_failures, rules_.unacceptable_failures_to_breach,
                               rules_.order_ended_share[t], draw.uniform01());
  counters_.warm_start_failures += cases_[slot].unacceptable_failures;
}

AppointmentConsequence EnforcementProcess::appointment_held(std::uint32_t slot, Day day, RoshLevel rosh,
                                                            Day supervision_start) {
  AppointmentConsequence out;
  if (!rules_.enabled || slot >= cases_.size()) return out;
  CaseState& s = cases_[slot];
  // A continued order starts the count afresh once the court has decided.
  if (s.breach_pending && s.decision_day >= 0 && day >= s.decision_day) {
    s.breach_pending = false;
    s.unacceptable_failures = 0;
    s.decision_day = -1;
  }
  const auto type = static_cast<std::size_t>(s.type);
  const double acceptable = rules_.missed_acceptable_share[type];
  const bool early_stage = day - supervision_start < rules_.early_stage_days();
  double unacceptable = rules_.unacceptable_share(s.type, rosh, early_stage, s.poor_attender);
  if (s.enforced_late)
    unacceptable = std::min(1.0 - acceptable, unacceptable * rules_.late_breach_unacceptable_multiplier);
  // One stream per appointment: the attendance draw and the judgement draw.
  RandomStream draw(replication_seed_, stream::kAppointmentAttendance, combine_seed(s.id, s.appointments++));
  const double u = draw.uniform01();
  const double judged = draw.uniform01();
  if (u < acceptable) {
    counters_.absences_acceptable += 1;
    out.absence = true;
  } else if (u < acceptable + unacceptable) {
    counters_.absences_unacceptable += 1;
    out.absence = true;
    if (judged >= rules_.unacceptable_judged_share) {
      counters_.absences_unacceptable_accepted += 1;  // wrongly accepted: no warning, no count
    } else if (!s.breach_pending) {
      s.unacceptable_failures += 1;
      if (s.unacceptable_failures >= rules_.unacceptable_failures_to_breach) {
        out.breach = true;
        out.breach_due_day = calendar_.add_working_days(day, rules_.breach_action_due_working_days);
        s.breach_pending = true;
        s.decision_day = -1;
        counters_.breaches_initiated += 1;
      } else {
        out.warned = true;
        counters_.warnings += 1;
      }
    }
  } else {
    counters_.appointments_kept += 1;
  }
  if (out.absence)
    out.judgement_due_day = calendar_.add_working_days(day, rules_.absence_judgement_due_working_days);
  return out;
}

void EnforcementProcess::first_weeks_ended(std::uint32_t slot) {
  if (!rules_.enabled || slot >= cases_.size()) return;
  const CaseState& s = cases_[slot];
  if (!rules_.first_weeks_standard.applies_to(s.type)) return;
  counters_.first_weeks_checked += 1;
  if (rules_.first_weeks_standard.met(s.type, s.appointments)) counters_.first_weeks_met += 1;
}

void EnforcementProcess::breach_laid(std::uint32_t slot, Day day, bool late) {
  if (!rules_.enabled || slot >= cases_.size()) return;
  CaseState& s = cases_[slot];
  counters_.breaches_laid += 1;
  if (late) {
    counters_.breaches_laid_late += 1;
    s.enforced_late = true;
  }
  const auto type = static_cast<std::size_t>(s.type);
  RandomStream draw(replication_seed_, stream::kCourtDecision, combine_seed(s.id, s.breaches++));
  const bool ended = draw.uniform01() < rules_.order_ended_share[type];
  const Day decision = day + static_cast<Day>(rules_.decision_lag_weeks[type] * 7.0 + 0.5);
  const CourtOutcome outcome = ended ? ending_outcome(s.type) : CourtOutcome::order_continued;
  counters_.court_outcomes[static_cast<std::size_t>(outcome)] += 1;
  if (ended) {
    endings_.push_back(OrderEnding{slot, s.id, decision, outcome});
  } else {
    s.decision_day = decision;  // pending until the court has continued the order
    const Day extension = static_cast<Day>(rules_.continued_extension_weeks[type] * 7.0 + 0.5);
    if (extension > 0) extensions_.push_back(OrderExtension{slot, s.id, decision, extension});
    if (rules_.continued_contact_frequency_multiplier[type] != 1.0 && s.more_contact_from < 0)
      s.more_contact_from = decision;
  }
}

}  // namespace probsim
