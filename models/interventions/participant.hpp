#pragma once
// One person's course through one programme (BBR or a structured intervention), from the requirement
// to one final state. A person diverted from BBR to a structured intervention has two records: the BBR
// one ends `diverted`, the new one starts at the diversion.
//
// Conservation: every requirement is in exactly one ParticipantState at every instant; the team's
// audit (InterventionsTeam::count_by_state) adds them up.

#include <array>
#include <cstdint>
#include <string_view>

#include "caseload/case.hpp"

namespace probsim {

enum class ParticipantState : std::uint8_t {
  in_readiness,         // requirement made; paperwork, suitability, induction (G-14)
  waiting,              // ready, on the waiting list for a place
  attending,            // a member of a group (or a one-to-one course)
  awaiting_group,       // recorded as started at the pre-group session, waiting for a group place (IS-2)
  awaiting_rejoin,      // removed for missed sessions, waiting for the next module or cohort
  completed,            // every session delivered
  removed,              // removed for missed sessions, and out for good
  exited_before_start,  // the order ended before a start (by its TerminationReason)
  ended_after_start,    // the order ended after a start, before completion
  diverted,             // taken off the list by demand management
};
inline constexpr std::array<std::string_view, 10> kParticipantStateNames = {
    "in_readiness", "waiting", "attending",           "awaiting_group",    "awaiting_rejoin",
    "completed",    "removed", "exited_before_start", "ended_after_start", "diverted"};
inline constexpr std::size_t kParticipantStateCount = kParticipantStateNames.size();

[[nodiscard]] constexpr bool is_final(ParticipantState s) {
  return s == ParticipantState::completed || s == ParticipantState::removed ||
         s == ParticipantState::exited_before_start || s == ParticipantState::ended_after_start ||
         s == ParticipantState::diverted;
}
// Not yet started: what the published waiting list counts (BBRN-3).
[[nodiscard]] constexpr bool is_waiting_to_start(ParticipantState s) {
  return s == ParticipantState::in_readiness || s == ParticipantState::waiting;
}

inline constexpr std::int32_t kNoGroup = -1;
inline constexpr Day kNoDay = -1;

struct Participant {
  CaseId case_id = 0;
  CaseId draw_key = 0;          // the case's key for random draws (common random numbers)
  std::uint32_t office = 0;     // index among the team's offices
  std::uint32_t case_slot = 0;  // the office's case slot
  std::uint32_t programme = 0;  // 0: BBR; 1 + i: structured intervention i
  RoshLevel rosh = RoshLevel::low;
  Sex sex = Sex::male;
  bool one_to_one = false;  // BBR delivered one-to-one by a facilitator (BBR-7)
  ParticipantState state = ParticipantState::in_readiness;
  // How the order ended: for the two "ended" states, and for a completed or removed requirement whose
  // order has since ended (order_ended).
  TerminationReason end_reason = TerminationReason::sentence_end;
  bool order_ended = false;  // the case's order or licence has ended (whatever the requirement's state)
  // The day a court amending the order on breach removes the requirement from it (RemovalEnforcement),
  // kNoDay if none is to: from then the requirement is terminated while the order runs on.
  Day requirement_removed_day = kNoDay;
  bool started = false;
  Day requirement_day = 0;  // the wait is counted from here
  Day ready_day = 0;
  Day order_end_day = 0;  // the planned end of the order (not an early termination nobody knows yet)
  std::int32_t group = kNoGroup;
  std::int32_t sessions_credited = 0;  // group sessions attended or caught up
  std::int32_t misses = 0;             // in the current attempt
  std::int32_t rejoins = 0;            // removals after which a rejoin was offered
  std::int32_t restarts = 0;  // rejoins made: a group joined again after a removal (IS-2's second start)
  // The day the completion is recorded (InterventionDelivery::completion_recorded_after_weeks): the
  // literal reading of the cohort report counts a completion only from then.
  Day completion_recorded_day = kNoDay;
  Day start_day = kNoDay;            // the recorded start (the pre-group session or the first group session)
  std::uint32_t sessions_drawn = 0;  // attendance draws made, keys the next one
};

}  // namespace probsim
