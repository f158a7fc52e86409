#pragma once
// Cumulative counts an interventions team keeps from day 0, per programme. They only grow, so the
// recorder gets any period's flow as the difference of two snapshots; stocks (who is waiting now) are
// read from the team itself.

#include <array>
#include <cstdint>
#include <vector>

#include "core/calendar_date.hpp"

namespace probsim {

// Indexed by TerminationReason (sentence_end, revocation, breach, recall, activation).
using CountByEndReason = std::array<std::int64_t, 5>;

struct ProgrammeCounters {
  std::int64_t requirements = 0;  // referrals to the programme (BBR: requirements made)
  std::int64_t starts = 0;        // first session attended (a rejoin is not a new start)
  std::int64_t completions = 0;
  CountByEndReason exits_before_start{};     // the order ended before a start, by how it ended
  CountByEndReason ended_after_start{};      // the order ended while attending, by how it ended
  std::int64_t removals_non_attendance = 0;  // removal events (a removed person may rejoin)
  std::int64_t removed_out = 0;              // removals that ended the requirement
  std::int64_t diverted = 0;                 // taken off the list by demand management
  std::int64_t groups_started = 0;
  std::int64_t group_sessions_held = 0;
  std::int64_t group_session_places_filled = 0;   // Σ over sessions held of members booked
  std::int64_t group_session_places_offered = 0;  // Σ over sessions held of group_size_max
  std::int64_t sessions_attended = 0;
  std::int64_t sessions_missed = 0;
  std::int64_t individual_sessions = 0;  // incl. catch-ups and one-to-one delivery
  std::int64_t sessions_cancelled_rag = 0;

  [[nodiscard]] std::int64_t exits_before_start_total() const {
    std::int64_t n = 0;
    for (auto v : exits_before_start) n += v;
    return n;
  }
  [[nodiscard]] std::int64_t ended_after_start_total() const {
    std::int64_t n = 0;
    for (auto v : ended_after_start) n += v;
    return n;
  }
};

struct TeamCounters {
  double facilitator_hours_available = 0;  // for sessions, after the non-delivery share
  double facilitator_hours_used = 0;
  double facilitator_hours_redeployed = 0;  // to sentence management under a RAG measure
  double daso_hours_available = 0;
  double daso_hours_used = 0;
  std::int64_t daso_referrals = 0;
  std::int64_t daso_first_contacts = 0;
  std::int64_t daso_declined = 0;      // contacted but declined support (VIC-4)
  std::int64_t daso_not_offered = 0;   // no liaison for new cases under a RAG measure, or ended first
  std::int64_t diverted_from_bbr = 0;  // to an SI or the toolkit
};

// One start, for the waiting-time distribution (the recorder keeps those in its window).
struct ProgrammeStart {
  Day day = 0;
  Day waited_days = 0;  // from the requirement to the first session
};

// One first DASO contact, for the delay from sentence (VIC-4).
struct DasoContact {
  Day day = 0;
  Day delay_days = 0;
};

}  // namespace probsim
