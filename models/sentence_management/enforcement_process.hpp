#pragma once
// One PDU's enforcement of its cases (enforcement_rules.hpp): the outcome of each appointment, the
// count of unacceptable failures per case, warnings, breach action and the court's decision. It holds
// no tasks: PduCasework asks it what an appointment leads to and creates the tasks (absence judgement,
// breach action) that the practitioner then works like any other, so breach action is late exactly
// when the practitioner has no time for it. Decisions that end an order are handed to the office
// (take_decisions), which ends the case on the decision day.
//
// Every draw is keyed by (case id, appointment number) or (case id, breach number), so two scenarios
// that differ in staffing see the same person keep or miss the same appointments (common random numbers).

#include <array>
#include <cstdint>
#include <vector>

#include "caseload/case.hpp"
#include "core/working_calendar.hpp"
#include "sentence_management/enforcement_rules.hpp"

namespace probsim {

struct EnforcementCounters {
  std::int64_t appointments_kept = 0;
  std::int64_t absences_acceptable = 0;
  std::int64_t absences_unacceptable = 0;           // every unacceptable absence, judged so or not
  std::int64_t absences_unacceptable_accepted = 0;  // of them, wrongly accepted by the practitioner
  std::int64_t warnings = 0;
  std::int64_t breaches_initiated = 0;  // breach action tasks opened
  std::int64_t breaches_laid = 0;       // breach action completed (on time or late)
  std::int64_t breaches_laid_late = 0;
  std::int64_t warm_start_failures = 0;  // failures the warm start's cases carried into day 0
  // Orders whose first weeks (FirstWeeksStandard) ended, and of them those offered the appointments the
  // standard requires.
  std::int64_t first_weeks_checked = 0;
  std::int64_t first_weeks_met = 0;
  std::array<std::int64_t, kCourtOutcomeCount> court_outcomes{};  // by CourtOutcome, on the decision's draw
  [[nodiscard]] std::int64_t appointments() const {
    return appointments_kept + absences_acceptable + absences_unacceptable;
  }
};

// A decision that ends an order: the office ends case `case_id` in `slot` on `day`.
struct OrderEnding {
  std::uint32_t slot = 0;
  CaseId case_id = 0;
  Day day = 0;
  CourtOutcome outcome = CourtOutcome::order_revoked;
};

// A decision that continues an order with more requirements: the office lengthens case `case_id` in
// `slot` by `days` on `day`, if the case is still open then.
struct OrderExtension {
  std::uint32_t slot = 0;
  CaseId case_id = 0;
  Day day = 0;
  Day days = 0;
};

// What an appointment leads to; the caller creates the tasks.
struct AppointmentConsequence {
  bool absence = false;  // a judgement task of absence_judgement_hours (+ warning_hours if warned)
  bool warned = false;
  bool breach = false;  // a breach action task
  Day judgement_due_day = 0;
  Day breach_due_day = 0;
};

class EnforcementProcess {
 public:
  EnforcementProcess(const EnforcementRules& rules, const WorkingCalendar& calendar,
                     std::uint64_t replication_seed)
      : rules_(rules), calendar_(calendar), replication_seed_(replication_seed) {}

  [[nodiscard]] bool enabled() const { return rules_.enabled; }

  // Supervision of case `id` (of `type`) starts in `slot`: no failures yet.
  void case_started(std::uint32_t slot, CaseId id, SentenceType type);
  // The same for a case whose supervision began before the simulation, `appointments_offered` contacts
  // of its schedule ago: with `warm_start` on, it starts with the unacceptable failures a case of its age
  // would have counted (enforcement_warm_start.hpp), drawn from its own stream; no breach pending.
  void case_started_before_simulation(std::uint32_t slot, CaseId id, SentenceType type,
                                      std::int64_t appointments_offered);
  // Whether the case in `slot` is a poor attender (for tests and audits).
  [[nodiscard]] bool poor_attender(std::uint32_t slot) const {
    return slot < cases_.size() && cases_[slot].poor_attender;
  }
  // The failures counted towards the next breach of the case in `slot` (for tests and audits).
  [[nodiscard]] int unacceptable_failures(std::uint32_t slot) const {
    return slot < cases_.size() ? cases_[slot].unacceptable_failures : 0;
  }
  // The practitioner delivered an appointment of the case in `slot` on `day`; the case's RoSH and the
  // day its supervision started set the unacceptable-absence share (EnforcementRules::unacceptable_share).
  AppointmentConsequence appointment_held(std::uint32_t slot, Day day, RoshLevel rosh, Day supervision_start);
  // As above for a low-RoSH case whose supervision started on day 0.
  AppointmentConsequence appointment_held(std::uint32_t slot, Day day) {
    return appointment_held(slot, day, RoshLevel::low, 0);
  }
  // The contact-frequency multiplier of a contact window of the case in `slot` opening on `day`: the
  // court's uplift from the day it continued the order with more requirements, 1 otherwise.
  [[nodiscard]] double contact_frequency_multiplier(std::uint32_t slot, Day day) const {
    if (!rules_.enabled || slot >= cases_.size()) return 1.0;
    const CaseState& s = cases_[slot];
    if (s.more_contact_from < 0 || day < s.more_contact_from) return 1.0;
    return rules_.continued_contact_frequency_multiplier[static_cast<std::size_t>(s.type)];
  }
  // The first weeks of the case in `slot` ended today (its supervision started in the simulation, and it is
  // still open): it met the standard if it was offered enough appointments in them
  // (first_weeks_standard.hpp).
  void first_weeks_ended(std::uint32_t slot);
  // The practitioner completed the breach action of the case in `slot` on `day` (late if after its due
  // day): the court's decision is drawn; one that ends the order is queued for the office.
  void breach_laid(std::uint32_t slot, Day day, bool late);

  // The order endings decided since the last call (the office ends those cases).
  std::vector<OrderEnding> take_decisions() {
    std::vector<OrderEnding> out;
    out.swap(endings_);
    return out;
  }
  // The order extensions decided since the last call (the office applies each on its day).
  std::vector<OrderExtension> take_extensions() {
    std::vector<OrderExtension> out;
    out.swap(extensions_);
    return out;
  }
  [[nodiscard]] const EnforcementCounters& counters() const { return counters_; }

 private:
  struct CaseState {
    CaseId id = 0;
    SentenceType type = SentenceType::community_order;
    std::uint32_t appointments = 0;          // held so far, the draw's ordinal
    std::uint32_t breaches = 0;              // breach actions laid, the decision draw's ordinal
    std::int32_t unacceptable_failures = 0;  // counted towards the next breach
    bool breach_pending = false;             // breach action open or awaiting the court
    bool enforced_late = false;              // a breach action of this case was completed late
    bool poor_attender = false;              // drawn once (EnforcementRules::poor_attenders)
    Day decision_day = -1;                   // while pending after the action: the court's day
    // The court continued the order with more contact (continued_contact_frequency_multiplier) from
    // this day on; -1: it has not.
    Day more_contact_from = -1;
  };

  const EnforcementRules& rules_;
  const WorkingCalendar& calendar_;
  std::uint64_t replication_seed_;
  std::vector<CaseState> cases_;  // by office case slot
  std::vector<OrderEnding> endings_;
  std::vector<OrderExtension> extensions_;
  EnforcementCounters counters_;
};

}  // namespace probsim
