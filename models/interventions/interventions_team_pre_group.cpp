// The recorded start of BBR and the pre-group session (G-10, IS-2, docs/sources.md "Recording" caveat;
// InterventionDelivery::recorded_start). With `first_group_session` a man is recorded as started when he
// joins his first group (and has his pre-group individual session then). With `pre_group_session` his
// pre-group session is given, and his start recorded, when a group place is expected within
// `pre_group_lead_weeks`: the team keeps as many men started and awaiting a group as its open groups
// turn places over in that many weeks (group_size_max places per group_sessions / sessions_per_week
// weeks). Those men keep
// their place ahead of the list (started men are offered places first), so they join at the next
// module entry of a rolling group or in the next closed group the team opens.

#include <algorithm>
#include <cmath>

#include "interventions/interventions_team.hpp"

namespace probsim {

void InterventionsTeam::record_start(Participant& p, Day day) {
  const ProgrammeRules& rules = programme(p.programme);
  ProgrammeCounters& n = programme_counters_[p.programme];
  p.started = true;
  p.start_day = day;
  n.starts += 1;
  starts_[p.programme].push_back(ProgrammeStart{day, day - p.requirement_day});
  log(day, InterventionEvent::Kind::start, p);
  if (rules.individual_sessions > 0) individual_session(p);  // the one before the group phase (G-10)
}

void InterventionsTeam::give_pre_group_sessions(Day day) {
  const InterventionDelivery& d = rules_.delivery;
  if (d.recorded_start != RecordedStart::pre_group_session || d.pre_group_lead_weeks <= 0.0) return;
  // The places the team's open BBR groups turn over in a week: a group of `size` places that meets
  // `per_week` times runs its `sessions` in sessions / per_week weeks. Built from the groups running, not
  // from past joins, so the surge of the run's first week (every facilitator free) does not set it.
  const ProgrammeRules& rules = programme(0);
  double places_per_week = 0.0;
  for (const ProgrammeGroup& g : groups_)
    if (g.open && g.programme == 0 && !g.one_to_one)
      places_per_week +=
          static_cast<double>(rules.group_size_max) * g.sessions_per_week / rules.group_sessions;
  const auto target = static_cast<std::int64_t>(std::lround(places_per_week * d.pre_group_lead_weeks));
  if (awaiting_group_ >= target) return;
  // Stale entries of people no longer waiting are dropped by ready_in_priority_order's state test.
  for (std::uint32_t index : ready_in_priority_order(0, false, day)) {
    if (awaiting_group_ >= target) break;
    Participant& p = participants_[index];
    if (p.started) continue;  // a man awaiting a group or a rejoin is already started
    record_start(p, day);
    programme_counters_[0].pre_group_starts += 1;
    set_state(p, ParticipantState::awaiting_group);
  }
}

}  // namespace probsim
