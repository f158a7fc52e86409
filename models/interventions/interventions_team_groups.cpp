// Group delivery (BBR-4, BBR-6, BBR-7, G-10, G-11): groups and one-to-one courses opened from the waiting
// list as facilitator hours allow, their members joining and leaving, and the sessions held, missed and
// enforced.
#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

namespace {

// The group-session counts after which a programme's individual sessions between the first and the
// last fall: evenly spaced (BBR with 24 sessions and 5 individual ones: after sessions 6, 12 and 18).
bool individual_session_due_after(const ProgrammeRules& rules, std::int32_t credited) {
  const int between = rules.individual_sessions - 2;
  if (between <= 0 || credited <= 0 || credited >= rules.group_sessions) return false;
  for (int i = 1; i <= between; ++i)
    if (credited == (i * rules.group_sessions) / (between + 1)) return true;
  return false;
}

}  // namespace

void InterventionsTeam::open_group(std::uint32_t prog, bool one_to_one,
                                   const std::vector<std::uint32_t>& joiners, Day day,
                                   int sessions_per_week) {
  const ProgrammeRules& rules = programme(prog);
  ProgrammeGroup g;
  g.programme = prog;
  g.one_to_one = one_to_one;
  g.rolling = !one_to_one && rules.format == GroupFormat::rolling;
  g.facilitators = one_to_one ? 1 : rules_.facilitation.facilitators_per_group_session;
  g.hours_per_session = one_to_one ? rules_.facilitation.hours_per_individual_session
                                   : rules_.facilitation.hours_per_group_session;
  g.sessions_per_week = sessions_per_week;
  // Tuesday and Thursday, or Tuesday alone (BBR-4 "often twice a week"); the review is on Monday.
  g.session_weekdays = {1, 3};
  g.serial = programme_counters_[prog].groups_started;
  g.reserved_hours_per_week = capacity_.weekly_hours_of(rules, one_to_one, sessions_per_week);
  capacity_.reserve(g.reserved_hours_per_week);
  programme_counters_[prog].groups_started += 1;
  std::uint32_t index;
  if (!free_groups_.empty()) {
    index = free_groups_.back();
    free_groups_.pop_back();
    groups_[index] = std::move(g);
  } else {
    index = static_cast<std::uint32_t>(groups_.size());
    groups_.push_back(std::move(g));
  }
  for (std::uint32_t participant : joiners) join(groups_[index], index, participant, day);
}

void InterventionsTeam::join(ProgrammeGroup& g, std::uint32_t group_index, std::uint32_t participant,
                             Day day) {
  Participant& p = participants_[participant];
  if (!p.started) record_start(p, day);
  if (p.state == ParticipantState::awaiting_rejoin) p.restarts += 1;
  p.misses = 0;
  p.group = static_cast<std::int32_t>(group_index);
  set_state(p, ParticipantState::attending);
  g.members.push_back(participant);
}

void InterventionsTeam::individual_session(const Participant& p) {
  programme_counters_[p.programme].individual_sessions += 1;
  team_counters_.facilitator_hours_used += rules_.facilitation.hours_per_individual_session;
}

void InterventionsTeam::leave_group(Participant& p) {
  ProgrammeGroup& g = groups_[static_cast<std::size_t>(p.group)];
  const auto index = static_cast<std::uint32_t>(&p - participants_.data());
  std::erase(g.members, index);
  p.group = kNoGroup;
  // A closed group or a one-to-one course ends when its last member goes; a rolling group waits for its
  // next module, where it may take joiners.
  if (g.members.empty() && !g.rolling) close_group(g);
}

void InterventionsTeam::close_group(ProgrammeGroup& g) {
  if (!g.open) return;
  g.open = false;
  capacity_.release(g.reserved_hours_per_week);
  free_groups_.push_back(static_cast<std::uint32_t>(&g - groups_.data()));
}

void InterventionsTeam::hold_session(std::uint32_t group_index, Day day) {
  ProgrammeGroup& g = groups_[group_index];
  const ProgrammeRules& rules = programme(g.programme);
  ProgrammeCounters& n = programme_counters_[g.programme];

  // A rolling group takes joiners at the start of each module (BBR-6, G-11).
  if (g.rolling && g.cycle_position % rules.module_sessions == 0 &&
      g.members.size() < static_cast<std::size_t>(rules.group_size_max)) {
    for (std::uint32_t index : ready_in_priority_order(g.programme, false, day)) {
      if (g.members.size() >= static_cast<std::size_t>(rules.group_size_max)) break;
      join(g, group_index, index, day);
    }
  }
  if (g.members.empty()) {
    if (g.rolling) close_group(g);
    return;
  }

  // RAG-4: the session is cancelled when most members' PDUs have programme delivery paused; the group
  // then simply holds its next session later, and nobody misses anything.
  std::size_t paused = 0;
  for (std::uint32_t index : g.members)
    if (measures_[participants_[index].office].programme_delivery_paused) ++paused;
  if (2 * paused > g.members.size()) {
    n.sessions_cancelled_rag += 1;
    return;
  }
  // A facilitator absent (G-23, leave): cancelled, held at the next slot; nobody misses anything.
  if (session_cancelled_for_absence(rules_.delivery, replication_seed_, combine_seed(team_key_, g.programme),
                                    g.serial, g.slots_scheduled++)) {
    n.sessions_cancelled_absence += 1;
    return;
  }

  n.group_sessions_held += 1;
  n.group_session_places_filled += static_cast<std::int64_t>(g.members.size());
  n.group_session_places_offered += g.one_to_one ? 1 : rules.group_size_max;
  team_counters_.facilitator_hours_used += g.facilitators * g.hours_per_session;
  g.sessions_held += 1;
  if (g.rolling) g.cycle_position = (g.cycle_position + 1) % rules.group_sessions;

  const std::vector<std::uint32_t> members = g.members;  // members may leave during the session
  for (std::uint32_t index : members) {
    Participant& p = participants_[index];
    RandomStream draw(replication_seed_, stream::kProgrammeAttendance,
                      combine_seed(p.draw_key, p.sessions_drawn++));
    const bool attended = draw.uniform01() < rules.attendance_probability;
    log_session(day, p, attended);  // interventions_team_session_log.cpp
    if (attended) {
      n.sessions_attended += 1;
    } else {
      n.sessions_missed += 1;
      p.misses += 1;
      if (p.misses > rules.missed_sessions_allowed) {  // BBR-5: removed on the (k+1)-th miss
        n.removals_non_attendance += 1;
        log(day, InterventionEvent::Kind::removal, p);
        leave_group(p);
        // An order the breach will end is not resumed: the court date comes first (RemovalEnforcement).
        const bool order_will_end = enforce_removal(p, rules, n, day);
        // Rolling groups: rejoin at a later module while rejoins are left; closed groups: back to the
        // list or out, as configured; a one-to-one course: out.
        bool may_rejoin = false;
        if (!p.one_to_one && !order_will_end)
          may_rejoin = rules.format == GroupFormat::rolling
                           ? p.rejoins < rules.rolling_rejoins_allowed
                           : rules.closed_removed_to == AfterRemoval::waiting_list;
        if (may_rejoin) {
          p.rejoins += 1;
          // Rolling: the modules completed count; closed: a new cohort starts from the beginning.
          p.sessions_credited = rules.format == GroupFormat::rolling
                                    ? p.sessions_credited - p.sessions_credited % rules.module_sessions
                                    : 0;
          set_state(p, ParticipantState::awaiting_rejoin);
          ready_[p.programme].push_back(index);
        } else {
          n.removed_out += 1;
          set_state(p, ParticipantState::removed);  // still the case's record, until its order ends
        }
        continue;
      }
      individual_session(p);  // the missed content is caught up one-to-one
    }
    p.sessions_credited += 1;
    if (individual_session_due_after(rules, p.sessions_credited)) individual_session(p);
    if (p.sessions_credited >= rules.group_sessions) {
      if (rules.individual_sessions > 1) individual_session(p);  // the one after the group phase
      n.completions += 1;
      p.completion_recorded_day =
          g.programme == 0 ? completion_recorded_day(rules_.delivery, replication_seed_, p.draw_key, day)
                           : day;
      log(day, InterventionEvent::Kind::completion, p);
      leave_group(p);
      set_state(p, ParticipantState::completed);  // still the case's record, until its order ends
    }
  }
}

// A removal for missed sessions may be breached, and the breach may end the order or remove the
// requirement from it (RemovalEnforcement). Called before the removal counts against the rejoins, so
// `p.rejoins` numbers the removal. True if the requirement will end for it (either way): it is not resumed.
bool InterventionsTeam::enforce_removal(Participant& p, const ProgrammeRules& rules, ProgrammeCounters& n,
                                        Day day) {
  const RemovalEnforcement& e = rules.removal_enforcement;
  if (e.breach_probability <= 0.0) return false;
  RandomStream draw(replication_seed_, stream::kRemovalEnforcement,
                    combine_seed(p.draw_key, static_cast<std::uint64_t>(p.rejoins)));
  const double u_breach = draw.uniform01();
  const double u_outcome = draw.uniform01();
  const double u_weeks = draw.uniform01();
  if (u_breach >= e.breach_probability) return false;
  PduOffice& office = *offices_[p.office];
  const Case* c = office.case_in_slot(p.case_slot, p.case_id);
  if (c == nullptr) return false;  // not reached: a removed man's order is live on his removal day
  n.breaches_after_removal += 1;
  log(day, InterventionEvent::Kind::removal_breached, p, c);  // PUB-8 counts the drop-outs breached
  const Day outcome_day = day + std::max<Day>(1, e.weeks_to_outcome.days_at(u_weeks));
  // One draw splits the outcomes: [0, p_end) ends the order, the next requirement_removed share of what
  // is left removes the requirement, the rest leaves the order as it was.
  const double p_end = e.order_ended_probability[static_cast<std::size_t>(c->sentence_type)];
  if (u_outcome < p_end) {
    if (!office.end_order_early(p.case_slot, p.case_id, outcome_day, termination_on_breach(c->sentence_type)))
      return false;  // it ends by then anyway
    n.orders_ended_on_breach += 1;
    return true;
  }
  if (u_outcome < p_end + (1.0 - p_end) * e.requirement_removed_probability && outcome_day < c->end_day) {
    p.requirement_removed_day = outcome_day;
    n.requirements_ended_on_breach += 1;
    return true;
  }
  return false;
}

std::int64_t InterventionsTeam::attending(std::uint32_t programme) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && p.state == ParticipantState::attending) ++n;
  return n;
}

std::int64_t InterventionsTeam::open_groups() const {
  std::int64_t n = 0;
  for (const ProgrammeGroup& g : groups_)
    if (g.open) ++n;
  return n;
}

}  // namespace probsim
