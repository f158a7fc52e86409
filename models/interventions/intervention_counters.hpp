#pragma once
// Cumulative counts an interventions team keeps from day 0, per programme. They only grow, so the
// recorder gets any period's flow as the difference of two snapshots; stocks (who is waiting now) are
// read from the team itself.

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/calendar_date.hpp"

namespace probsim {

// Indexed by TerminationReason (sentence_end, revocation, breach, recall, activation).
using CountByEndReason = std::array<std::int64_t, 5>;

struct ProgrammeCounters {
  std::int64_t requirements = 0;  // referrals to the programme (BBR: requirements made)
  std::int64_t starts = 0;        // first session attended (a rejoin is not a new start)
  std::int64_t completions = 0;
  CountByEndReason exits_before_start{};          // the order ended before a start, by how it ended
  CountByEndReason ended_after_start{};           // the order ended while attending, by how it ended
  std::int64_t removals_non_attendance = 0;       // removal events (a removed person may rejoin)
  std::int64_t removed_out = 0;                   // removals that ended the requirement
  std::int64_t breaches_after_removal = 0;        // removals breached (RemovalEnforcement) ...
  std::int64_t orders_ended_on_breach = 0;        // ... and of those, orders a court or recall then ended,
  std::int64_t requirements_ended_on_breach = 0;  // ... or requirements a court removed from the order
  std::int64_t diverted = 0;                      // taken off the list by demand management
  std::int64_t groups_started = 0;
  std::int64_t group_sessions_held = 0;
  std::int64_t group_session_places_filled = 0;   // Σ over sessions held of members booked
  std::int64_t group_session_places_offered = 0;  // Σ over sessions held of group_size_max
  std::int64_t sessions_attended = 0;
  std::int64_t sessions_missed = 0;
  std::int64_t individual_sessions = 0;  // incl. catch-ups and one-to-one delivery
  std::int64_t sessions_cancelled_rag = 0;
  std::int64_t sessions_cancelled_absence = 0;  // a facilitator absent (InterventionDelivery)
  std::int64_t sessions_cancelled_holiday = 0;  // in the holiday break
  std::int64_t pre_group_starts = 0;            // starts recorded at the pre-group session (IS-2)
  // Requirements made in the simulation whose order or licence ran to its end, whatever the
  // requirement's state, and of them those with a recorded start: CT-14's "imposed on orders that ended
  // successfully" and "started" (PUB-7). Warm-start requirements are left out: the warm start keeps only
  // the unstarted ones (G-21), so they would bias the share.
  std::int64_t orders_ended_successfully = 0;
  std::int64_t orders_ended_successfully_started = 0;

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

  // Field by field, so a period's flow is `now -= then` and flows add up with `+=`.
  ProgrammeCounters& operator+=(const ProgrammeCounters& o) { return combine(o, std::plus<>{}); }
  ProgrammeCounters& operator-=(const ProgrammeCounters& o) { return combine(o, std::minus<>{}); }

 private:
  // The one list of the fields: a new counter added above must be added here.
  template <class Op>
  ProgrammeCounters& combine(const ProgrammeCounters& o, Op op) {
    for (std::size_t r = 0; r < exits_before_start.size(); ++r) {
      exits_before_start[r] = op(exits_before_start[r], o.exits_before_start[r]);
      ended_after_start[r] = op(ended_after_start[r], o.ended_after_start[r]);
    }
    for (auto field : {&ProgrammeCounters::requirements,
                       &ProgrammeCounters::starts,
                       &ProgrammeCounters::completions,
                       &ProgrammeCounters::removals_non_attendance,
                       &ProgrammeCounters::removed_out,
                       &ProgrammeCounters::breaches_after_removal,
                       &ProgrammeCounters::orders_ended_on_breach,
                       &ProgrammeCounters::requirements_ended_on_breach,
                       &ProgrammeCounters::diverted,
                       &ProgrammeCounters::groups_started,
                       &ProgrammeCounters::group_sessions_held,
                       &ProgrammeCounters::group_session_places_filled,
                       &ProgrammeCounters::group_session_places_offered,
                       &ProgrammeCounters::sessions_attended,
                       &ProgrammeCounters::sessions_missed,
                       &ProgrammeCounters::individual_sessions,
                       &ProgrammeCounters::sessions_cancelled_rag,
                       &ProgrammeCounters::sessions_cancelled_absence,
                       &ProgrammeCounters::sessions_cancelled_holiday,
                       &ProgrammeCounters::pre_group_starts,
                       &ProgrammeCounters::orders_ended_successfully,
                       &ProgrammeCounters::orders_ended_successfully_started})
      this->*field = op(this->*field, o.*field);
    return *this;
  }
};

struct TeamCounters {
  double facilitator_hours_available = 0;  // for sessions, after the non-delivery share
  double facilitator_hours_used = 0;
  double daso_hours_available = 0;
  double daso_hours_used = 0;
  std::int64_t daso_referrals = 0;
  std::int64_t daso_first_contacts = 0;
  std::int64_t daso_declined = 0;      // contacted but declined support (VIC-4)
  std::int64_t daso_not_offered = 0;   // no liaison for new cases under a RAG measure, or ended first
  std::int64_t diverted_from_bbr = 0;  // to an SI or the toolkit

  TeamCounters& operator+=(const TeamCounters& o) { return combine(o, std::plus<>{}); }
  TeamCounters& operator-=(const TeamCounters& o) { return combine(o, std::minus<>{}); }

 private:
  // The one list of the fields: a new counter added above must be added here.
  template <class Op>
  TeamCounters& combine(const TeamCounters& o, Op op) {
    for (auto field : {&TeamCounters::facilitator_hours_available, &TeamCounters::facilitator_hours_used,
                       &TeamCounters::daso_hours_available, &TeamCounters::daso_hours_used})
      this->*field = op(this->*field, o.*field);
    for (auto field :
         {&TeamCounters::daso_referrals, &TeamCounters::daso_first_contacts, &TeamCounters::daso_declined,
          &TeamCounters::daso_not_offered, &TeamCounters::diverted_from_bbr})
      this->*field = op(this->*field, o.*field);
    return *this;
  }
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
