#pragma once
// The order of work within a simulated day, stated once (docs/architecture.md, "The order of work
// within a day"). 1.0 of simulated time is one day; each phase wakes at its own fraction of day d, so
// one phase always finishes before the next starts and nobody sees a day half done:
//   - staff changes first, so a leaver's cases are reallocated and a review sees the day's staff;
//   - the RAG review before casework, so the measures of a new status apply to its whole first day;
//   - casework (referrals, allocation, the practitioners' tasks) before interventions, so the day's new
//     requirements and ended orders are known before places are offered;
//   - observation last, when the day is done.

#include <array>
#include <cstddef>
#include <string_view>

#include "core/calendar_date.hpp"

namespace probsim {

enum class DayPhase : std::size_t { staff_changes, rag_review, casework, interventions, observation };

struct DayPhaseSpec {
  DayPhase phase;
  std::string_view name;
  double fraction_of_day;  // when the phase wakes within its day
};

// In the order the phases run.
inline constexpr std::array<DayPhaseSpec, 5> kDayPhases{{
    {DayPhase::staff_changes, "staff changes", 0.0},
    {DayPhase::rag_review, "RAG review", 0.125},
    {DayPhase::casework, "casework", 0.25},
    {DayPhase::interventions, "interventions", 0.375},
    {DayPhase::observation, "observation", 0.5},
}};

[[nodiscard]] constexpr const DayPhaseSpec& day_phase_spec(DayPhase phase) {
  return kDayPhases[static_cast<std::size_t>(phase)];
}

// The simulated time at which `phase` of day `day` wakes.
[[nodiscard]] constexpr double day_phase_time(Day day, DayPhase phase) {
  return static_cast<double>(day) + day_phase_spec(phase).fraction_of_day;
}

// The list is in order, indexed by its enum, and its fractions rise within one day.
static_assert([] {
  for (std::size_t i = 0; i < kDayPhases.size(); ++i) {
    if (static_cast<std::size_t>(kDayPhases[i].phase) != i) return false;
    if (kDayPhases[i].fraction_of_day < 0.0 || kDayPhases[i].fraction_of_day >= 1.0) return false;
    if (i > 0 && kDayPhases[i].fraction_of_day <= kDayPhases[i - 1].fraction_of_day) return false;
  }
  return true;
}());

}  // namespace probsim
