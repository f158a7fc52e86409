// The BBR list and the groups running on a snapshot day, rebuilt from the snapshot's rows (issue 21):
// who is waiting, since when, who is started and awaiting a place, and who is in which group after how
// many sessions. What a row cannot give is drawn, each from the stream a generated man would use:
// - whether a waiting man will go to a one-to-one course (BBR-7) and, for a man still in readiness, the
//   rest of his readiness: the draws of his routing stream that case_started makes for a referral;
// - how often an imported group meets (BBR-4) and which of its sessions a facilitator's absence
//   cancels: keyed by the group's serial number, counted down from -1 so that they never share a draw
//   with a group the run starts (those count up from 0).
// Not in the file, and so not carried over: how often a man has rejoined (a man awaiting a rejoin has
// used one). The sessions missed in his current attempt and his start date are optional columns (none
// and the day before the snapshot when not given).
// Imported starts, groups and completions happened before the run and are not counted in its KPIs; each
// requirement counts, as a steady-state warm start's list does.

#include <algorithm>
#include <map>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "interventions/interventions_team.hpp"

namespace probsim {

void InterventionsTeam::import_bbr(std::span<const ImportedBbr> records, Day day) {
  std::map<std::int32_t, std::vector<std::uint32_t>> group_members;  // by snapshot group, file order
  std::vector<std::uint32_t> one_to_one_courses;
  std::vector<std::pair<std::uint32_t, std::int32_t>> missed;  // set after joining, which clears them
  for (const ImportedBbr& r : records) {
    const SnapshotBbrStatus status = r.record.status;
    // The draws of case_started, at their places on the case's routing stream.
    RandomStream routing(replication_seed_, stream::kInterventionRouting, r.draw_key);
    (void)routing.uniform01();  // SARA level: given, a BBR requirement
    (void)routing.uniform01();  // whether a requirement is made: given
    const double u_one_to_one = routing.uniform01();
    (void)routing.uniform01();  // the route of a low-SARA case
    (void)routing.uniform01();  // which structured intervention
    const double u_readiness = routing.uniform01();
    const bool waiting_one_to_one =
        (status == SnapshotBbrStatus::in_readiness || status == SnapshotBbrStatus::waiting) &&
        u_one_to_one < rules_.routing.bbr_one_to_one_share;
    const bool one_to_one = status == SnapshotBbrStatus::attending_one_to_one || waiting_one_to_one;
    // Readiness takes what it would have from the requirement; a man past it is ready tomorrow.
    const Day readiness_days =
        status == SnapshotBbrStatus::in_readiness
            ? std::max<Day>(1, r.record.requirement_day + rules_.readiness.days_at(u_readiness) - day)
            : 0;
    // A requirement already over had its partner support while it ran (VIC-1): none is offered now.
    const bool over = status == SnapshotBbrStatus::completed || status == SnapshotBbrStatus::removed;
    refer(r.office, r.case_slot, *r.c, r.draw_key, 0, r.record.requirement_day, day, one_to_one,
          readiness_days, !over);
    const auto index = static_cast<std::uint32_t>(participants_.size() - 1);
    Participant& p = participants_[index];
    if (status == SnapshotBbrStatus::in_readiness || status == SnapshotBbrStatus::waiting) continue;
    // Started before the snapshot day, on a day the file does not give.
    p.started = true;
    p.start_day = r.record.start_day.value_or(day - 1);
    p.sessions_credited = r.record.sessions_attended;
    if (r.record.sessions_missed > 0) missed.emplace_back(index, r.record.sessions_missed);
    switch (status) {
      case SnapshotBbrStatus::awaiting_group:
        set_state(p,
                  ParticipantState::awaiting_group);  // stays on the ready list, ahead of those not started
        break;
      case SnapshotBbrStatus::awaiting_rejoin:
        p.rejoins = 1;
        set_state(p, ParticipantState::awaiting_rejoin);
        break;
      case SnapshotBbrStatus::attending:
        group_members[r.record.group].push_back(index);
        break;
      case SnapshotBbrStatus::attending_one_to_one:
        one_to_one_courses.push_back(index);
        break;
      case SnapshotBbrStatus::completed:
        p.completion_recorded_day = day - 1;
        set_state(p, ParticipantState::completed);
        break;
      case SnapshotBbrStatus::removed:
        set_state(p, ParticipantState::removed);
        break;
      default:
        break;
    }
  }
  std::int64_t serial = -1;
  for (const auto& [group, members] : group_members) open_imported_group(0, false, members, serial--, day);
  for (std::uint32_t index : one_to_one_courses) open_imported_group(0, true, {index}, serial--, day);
  for (const auto& [index, misses] : missed) participants_[index].misses = misses;
}

void InterventionsTeam::open_imported_group(std::uint32_t prog, bool one_to_one,
                                            const std::vector<std::uint32_t>& members, std::int64_t serial,
                                            Day day) {
  const ProgrammeRules& rules = programme(prog);
  ProgrammeGroup g;
  g.programme = prog;
  g.one_to_one = one_to_one;
  g.rolling = !one_to_one && rules.format == GroupFormat::rolling;
  g.facilitators = one_to_one ? 1 : rules_.facilitation.facilitators_per_group_session;
  g.hours_per_session = one_to_one ? rules_.facilitation.hours_per_individual_session
                                   : rules_.facilitation.hours_per_group_session;
  g.sessions_per_week =
      sessions_per_week_of_new_group(rules, rules_.delivery, prog == 0, one_to_one, replication_seed_,
                                     combine_seed(team_key_, prog), serial);
  g.session_weekdays = {1, 3};  // as open_group
  g.serial = serial;
  // Where the group is in the programme: its members have attended the same sessions (closed), or the
  // same within a module (rolling: men join at a module's start; the loader checks both).
  std::int32_t most = 0;
  for (std::uint32_t index : members) most = std::max(most, participants_[index].sessions_credited);
  g.sessions_held = most;
  g.cycle_position = g.rolling ? participants_[members.front()].sessions_credited % rules.group_sessions : 0;
  // It holds its facilitators' hours as any running group does: the run's first review starts new
  // groups only in what is left.
  g.reserved_hours_per_week = capacity_.weekly_hours_of(rules, one_to_one, g.sessions_per_week);
  capacity_.reserve(g.reserved_hours_per_week);
  const auto group_index = static_cast<std::uint32_t>(groups_.size());
  groups_.push_back(std::move(g));
  for (std::uint32_t index : members) join(groups_[group_index], group_index, index, day);
}

}  // namespace probsim
