#pragma once
// The DA thematic's intervention sample: requirements whose start was recorded 7 to 9 months before one
// day, and where each stands that day. One published figure counts them, IS-2 ("12 of 83 recorded a
// second start, and none completed two"); the state at that age is also what issue 18's unseen evidence
// ("many men still in their programme many months after their recorded start") speaks of.
// docs/validation/09-bbr-delivery.md §9.18 gives the readings.

#include <cstdint>
#include <vector>

#include "core/calendar_date.hpp"

namespace probsim {

class InterventionsTeam;

struct StartedInterventionSampleCounts {
  std::int64_t starts = 0;         // BBR and structured-intervention requirements started in the window
  std::int64_t bbr_starts = 0;     // ... of which BBR
  std::int64_t second_starts = 0;  // ... that rejoined a group after a removal
  // Where they stand, by the record (the three add up to `starts`): completion recorded; still in the
  // programme (attending, awaiting a group place or a rejoin, or finished with the completion not yet
  // recorded); ended (removed for good, or the order ended after the start).
  std::int64_t completed = 0;
  std::int64_t in_programme = 0;
  std::int64_t ended = 0;

  StartedInterventionSampleCounts& operator+=(const StartedInterventionSampleCounts& o) {
    starts += o.starts;
    bbr_starts += o.bbr_starts;
    second_starts += o.second_starts;
    completed += o.completed;
    in_programme += o.in_programme;
    ended += o.ended;
    return *this;
  }
};

// IS-2's sample: starts recorded 7 to 9 months before, read as 213 to 274 days (30.44 days a month).
inline constexpr Day kInterventionSampleMinStartAgeDays = 213;
inline constexpr Day kInterventionSampleMaxStartAgeDays = 274;

// At the end of `day`, for each of `team`'s offices (by the team's office index: the office that made the
// requirement).
[[nodiscard]] std::vector<StartedInterventionSampleCounts> count_started_intervention_sample(
    const InterventionsTeam& team, Day day);

}  // namespace probsim
