#pragma once
// The status, on one day, of a cohort of programme requirements made between two days: what HMIP
// published for BBR (BBRN-1..7; calibration targets CT-1..CT-4) for requirements made
// 21 June 2021 - 30 September 2022, as they stood on 9 November 2022.
//
// The cohort is every requirement whose requirement day (the day the order or licence was made) lies in
// [first_requirement_day, last_requirement_day], warm-start requirements included when their day is in
// that range. A requirement is classified by the state it is in when the status is taken:
//   commenced           it had a first session (whatever happened after), BBRN-2;
//   waiting             not yet started: in readiness or on the list, BBRN-3;
//   ended before start  its order ended before a start, or demand management took it off the list
//                       (the published "ended before starting, for other reasons"), BBRN-4.
// Of the commenced, those that had exited (reached a final state, a completion counting from the day it
// is recorded: completed, removed for missed sessions
// for good, or their order ended), split as BBRN-7 splits them: completed, "order/licence revoked", SSO
// activated, other (removed for non-attendance, or the order ran to its end). "Revoked" is every early end
// a court or the Parole Board makes of an order or licence: a revocation, a community order ended on
// breach, a licence revoked by recall (see `is_order_or_licence_revoked`).
//
// A second reading of BBRN-6/7 ("starters who had terminated") counts a started requirement as
// terminated when its order or licence has ended, as a case-management record would if the requirement
// is closed with the order rather than on the last session (docs/sources.md "Recording" caveat), or when a
// court acting on a breach has removed it from an order that goes on (RemovalEnforcement): the starters
// so terminated, split into those who had completed the programme, and the others by how the order
// ended (revoked as above, SSO activated, other: any other end, or the requirement removed first).

#include <cstdint>
#include <vector>

#include "interventions/participant.hpp"

namespace probsim {

struct RequirementCohortStatus {
  std::int64_t requirements = 0;
  std::int64_t commenced = 0;
  std::int64_t waiting = 0;
  std::int64_t ended_before_start = 0;
  // Of the waiting, those waiting more than 364 days since the requirement (BBRN-5).
  std::int64_t waiting_over_52_weeks = 0;
  std::int64_t starters_exited = 0;     // of the commenced (BBRN-6)
  std::int64_t starters_completed = 0;  // of the exited (BBRN-7) ...
  std::int64_t starters_revoked = 0;
  std::int64_t starters_activated = 0;
  std::int64_t starters_other = 0;
  std::int64_t starters_order_ended = 0;   // the second reading: of the commenced, order ended (or
                                           // requirement removed by a court) ...
  std::int64_t order_ended_completed = 0;  // ... having completed the programme
  std::int64_t order_ended_revoked = 0;    // ... not completed, the order or licence revoked
  std::int64_t order_ended_activated = 0;  // ... not completed, the SSO activated
  std::int64_t order_ended_other = 0;      // ... not completed, ended otherwise or requirement removed

  RequirementCohortStatus& operator+=(const RequirementCohortStatus& o) {
    for (auto field :
         {&RequirementCohortStatus::requirements, &RequirementCohortStatus::commenced,
          &RequirementCohortStatus::waiting, &RequirementCohortStatus::ended_before_start,
          &RequirementCohortStatus::waiting_over_52_weeks, &RequirementCohortStatus::starters_exited,
          &RequirementCohortStatus::starters_completed, &RequirementCohortStatus::starters_revoked,
          &RequirementCohortStatus::starters_activated, &RequirementCohortStatus::starters_other,
          &RequirementCohortStatus::starters_order_ended, &RequirementCohortStatus::order_ended_completed,
          &RequirementCohortStatus::order_ended_revoked, &RequirementCohortStatus::order_ended_activated,
          &RequirementCohortStatus::order_ended_other})
      this->*field += o.*field;
    return *this;
  }
};

// BBRN-7's "order/licence revoked": a community order revoked (for a new offence, or on breach, G-27) or a
// licence revoked by recall. SSO activation is its own category.
[[nodiscard]] constexpr bool is_order_or_licence_revoked(TerminationReason r) {
  return r == TerminationReason::revocation || r == TerminationReason::breach ||
         r == TerminationReason::recall;
}

inline constexpr Day kCohortLongWaitDays = 52 * 7;  // BBRN-5: "waited more than 52 weeks"

// The status on `status_day` of `programme`'s requirements made on days [first, last], read from the
// participants' states as they are now (the caller takes it at the end of `status_day`).
[[nodiscard]] inline RequirementCohortStatus requirement_cohort_status(
    const std::vector<Participant>& participants, std::uint32_t programme, Day first, Day last,
    Day status_day) {
  RequirementCohortStatus s;
  for (const Participant& p : participants) {
    if (p.programme != programme || p.requirement_day < first || p.requirement_day > last) continue;
    // A diverted person's follow-on record (another programme) is not this programme's requirement.
    s.requirements += 1;
    if (p.started) {
      s.commenced += 1;
      const bool requirement_removed =
          p.requirement_removed_day != kNoDay && p.requirement_removed_day <= status_day;
      if (p.order_ended || requirement_removed) {
        s.starters_order_ended += 1;
        if (requirement_removed)  // terminated by a court's amendment before the order ended, if it has
          s.order_ended_other += 1;
        else if (p.state == ParticipantState::completed)
          s.order_ended_completed += 1;
        else if (is_order_or_licence_revoked(p.end_reason))
          s.order_ended_revoked += 1;
        else if (p.end_reason == TerminationReason::activation)
          s.order_ended_activated += 1;
        else
          s.order_ended_other += 1;
      }
      if (!is_final(p.state)) continue;
      // A completion not yet recorded (InterventionDelivery::completion_recorded_after_weeks) is still
      // an active requirement in the case record.
      if (p.state == ParticipantState::completed && p.completion_recorded_day > status_day) continue;
      s.starters_exited += 1;
      if (p.state == ParticipantState::completed)
        s.starters_completed += 1;
      else if (p.state == ParticipantState::ended_after_start && is_order_or_licence_revoked(p.end_reason))
        s.starters_revoked += 1;
      else if (p.state == ParticipantState::ended_after_start &&
               p.end_reason == TerminationReason::activation)
        s.starters_activated += 1;
      else
        s.starters_other += 1;
    } else if (is_waiting_to_start(p.state)) {
      s.waiting += 1;
      if (status_day - p.requirement_day > kCohortLongWaitDays) s.waiting_over_52_weeks += 1;
    } else {
      s.ended_before_start += 1;  // exited_before_start or diverted
    }
  }
  return s;
}

}  // namespace probsim
