#pragma once
// The delivery rules of `interventions.delivery` (InterventionDelivery) as pure functions of a group, a
// session slot or a day, so that the team's code and the unit tests share them (issue 18): how often a
// new group meets (BBR-4), whether a scheduled session is cancelled for a facilitator's absence (G-23),
// whether a day falls in the yearly holiday break, and when a completion is recorded.
//
// Every draw comes from its own stream keyed by the team, the group's serial number and the slot (or by
// the case), so the draws are common random numbers across scenarios that share the groups.

#include <cmath>
#include <cstdint>

#include "core/calendar_date.hpp"
#include "interventions/intervention_delivery.hpp"
#include "interventions/intervention_rules.hpp"

namespace probsim {

// Sessions a week of a new group (or one-to-one course) of `rules`: BBR groups meet once a week with
// weekly_group_share, else rules.sessions_per_week; one-to-one BBR at one_to_one_sessions_per_week when
// set. `bbr` says whether the programme is BBR (the mix applies to BBR only).
[[nodiscard]] int sessions_per_week_of_new_group(const ProgrammeRules& rules, const InterventionDelivery& d,
                                                 bool bbr, bool one_to_one, std::uint64_t replication_seed,
                                                 std::uint64_t team_key, std::int64_t group_serial);

// Whether the group's `slot`-th scheduled session (counting every slot, held or not) is cancelled
// because a facilitator is absent.
[[nodiscard]] bool session_cancelled_for_absence(const InterventionDelivery& d,
                                                 std::uint64_t replication_seed, std::uint64_t team_key,
                                                 std::int64_t group_serial, std::int64_t slot);

// Whether `date` falls in a holiday break (which may run on from the previous year's start date).
[[nodiscard]] bool in_holiday_break(const HolidayBreak& b, CalendarDate date);

// The day a completion whose last group session was on `last_session_day` is recorded.
[[nodiscard]] Day completion_recorded_day(const InterventionDelivery& d, std::uint64_t replication_seed,
                                          std::uint64_t draw_key, Day last_session_day);

}  // namespace probsim
