// Opening groups at the weekly review (BBR-4, BBR-6, BBR-7, INT-9, LV-14): which programme gets the
// facilitator hours, and which men a new group takes. BBR is served first (INT-9: "in the cases seen,
// BBR started first"); the structured interventions then share what is left, by default first come,
// first served across their lists (docs/validation/09-bbr-delivery.md §9.16).
#include <algorithm>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "interventions/interventions_team.hpp"

namespace probsim {

void InterventionsTeam::start_all_groups(Day day) {
  start_groups(0, day);
  if (rules_.structured_intervention_groups == StructuredInterventionGroups::file_order) {
    for (std::uint32_t prog = 1; prog < programme_count(); ++prog) start_groups(prog, day);
    return;
  }
  // Longest waiting first: the next SI group goes to the programme whose man next in line has the
  // earliest requirement, among those with enough men for a group whose hours fit; ties go to the
  // programme listed first. The men a programme offers are fixed for the review, so opening another
  // programme's group changes only the hours left.
  std::vector<GroupCandidates> lists(programme_count());
  for (std::uint32_t prog = 1; prog < programme_count(); ++prog) lists[prog] = group_candidates(prog, day);
  for (;;) {
    std::uint32_t best = 0;
    Day best_day = 0;
    for (std::uint32_t prog = 1; prog < programme_count(); ++prog) {
      if (!can_open_group(prog, lists[prog])) continue;
      const Day waited_since = participants_[lists[prog].men[lists[prog].next]].requirement_day;
      if (best == 0 || waited_since < best_day) {
        best = prog;
        best_day = waited_since;
      }
    }
    if (best == 0) return;
    open_next_group(best, lists[best], day);
  }
}

void InterventionsTeam::start_groups(std::uint32_t prog, Day day) {
  if (prog == 0) start_one_to_one_courses(day);
  GroupCandidates list = group_candidates(prog, day);
  while (can_open_group(prog, list)) open_next_group(prog, list, day);
}

// One-to-one BBR courses (BBR-7): each starts as soon as a facilitator's hours allow, before any group.
void InterventionsTeam::start_one_to_one_courses(Day day) {
  const int per_week = sessions_per_week_of_next_group(0, true);
  const double need = capacity_.weekly_hours_of(programme(0), true, per_week);
  for (std::uint32_t index : ready_in_priority_order(0, true, day)) {
    if (!capacity_.fits(need)) break;
    open_group(0, true, {index}, day, per_week);
  }
}

InterventionsTeam::GroupCandidates InterventionsTeam::group_candidates(std::uint32_t prog, Day day) {
  // Drop people no longer waiting from the ready list.
  std::erase_if(ready_[prog], [&](std::uint32_t index) {
    const ParticipantState s = participants_[index].state;
    return s != ParticipantState::waiting && s != ParticipantState::awaiting_rejoin &&
           s != ParticipantState::awaiting_group;
  });
  const ProgrammeRules& rules = programme(prog);
  GroupCandidates list;
  list.men = ready_in_priority_order(prog, false, day);
  // Rolling groups take joiners at their next module: count their free places before opening more.
  std::size_t free_places = 0;
  if (rules.format == GroupFormat::rolling)
    for (const ProgrammeGroup& g : groups_)
      if (g.open && g.programme == prog && !g.one_to_one)
        free_places += static_cast<std::size_t>(rules.group_size_max) - g.members.size();
  list.next = std::min(free_places, list.men.size());
  return list;
}

bool InterventionsTeam::can_open_group(std::uint32_t prog, const GroupCandidates& list) const {
  return list.men.size() - list.next >= static_cast<std::size_t>(programme(prog).group_size_min) &&
         pace_of_next_group_that_fits(prog) > 0;
}

void InterventionsTeam::open_next_group(std::uint32_t prog, GroupCandidates& list, Day day) {
  const std::size_t take =
      std::min(list.men.size() - list.next, static_cast<std::size_t>(programme(prog).group_size_max));
  std::vector<std::uint32_t> cohort(list.men.begin() + static_cast<std::ptrdiff_t>(list.next),
                                    list.men.begin() + static_cast<std::ptrdiff_t>(list.next + take));
  // The hours are those can_open_group found, nothing having been reserved since.
  open_group(prog, false, cohort, day, pace_of_next_group_that_fits(prog));
  list.next += take;
}

int InterventionsTeam::pace_of_next_group_that_fits(std::uint32_t prog) const {
  const ProgrammeRules& rules = programme(prog);
  // Each new group's pace is drawn by its serial number (BBR-4), so its hours are known before it opens;
  // the serial moves on only when a group opens, so a drawn pace that does not fit holds the team.
  const int drawn = sessions_per_week_of_next_group(prog, false);
  if (capacity_.fits(capacity_.weekly_hours_of(rules, false, drawn))) return drawn;
  const InterventionDelivery& d = rules_.delivery;
  if (prog == 0 && d.weekly_group_when_full_pace_does_not_fit && d.weekly_group_share > 0.0 && drawn > 1 &&
      capacity_.fits(capacity_.weekly_hours_of(rules, false, 1)))
    return 1;
  return 0;
}

int InterventionsTeam::sessions_per_week_of_next_group(std::uint32_t prog, bool one_to_one) const {
  return sessions_per_week_of_new_group(programme(prog), rules_.delivery, prog == 0, one_to_one,
                                        replication_seed_, combine_seed(team_key_, prog),
                                        programme_counters_[prog].groups_started);
}

}  // namespace probsim
