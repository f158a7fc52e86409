// The waiting lists (BBRN-3, BBR-6, INT-8, LV-15): who may start, in what order, and who is diverted by
// demand management to another programme or the toolkit.
#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "interventions/interventions_team.hpp"
#include "interventions/waiting_list_order.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

bool InterventionsTeam::may_start(const Participant& p, Day day) const {
  if (p.started) return true;  // awaiting a group or a rejoin: already started
  const InterventionMeasures& m = measures_[p.office];
  if (p.programme == 0 && m.bbr_new_starts_suspended) return false;
  return !past_renege(p, day);
}

bool InterventionsTeam::past_renege(const Participant& p, Day day) const {
  if (p.started) return false;
  // G-13's renege (1.19): too little of the order left for the programme.
  const double weeks_needed = programme(p.programme).min_order_weeks_left_to_start;
  return weeks_needed > 0.0 && static_cast<double>(p.order_end_day - day) < 7.0 * weeks_needed;
}

std::vector<std::uint32_t> InterventionsTeam::ready_in_priority_order(std::uint32_t prog, bool one_to_one,
                                                                      Day day) const {
  std::vector<std::uint32_t> order;
  for (std::uint32_t index : ready_[prog]) {
    const Participant& p = participants_[index];
    if ((p.state == ParticipantState::waiting || p.state == ParticipantState::awaiting_rejoin ||
         p.state == ParticipantState::awaiting_group) &&
        p.one_to_one == one_to_one && may_start(p, day))
      order.push_back(index);
  }
  order_waiting_list(order, participants_, prog == 0 ? bbr_order_ : fifo_order_);
  return order;
}

// --- Demand management (INT-8, LV-15) ------------------------------------------------------------

void InterventionsTeam::divert_by_demand_management(Day day) {
  const DemandManagement& dm = rules_.demand_management;
  if (!dm.enabled) return;
  std::vector<std::uint32_t> waiting;  // BBR, not started, longest waiting first
  for (std::uint32_t index = 0; index < participants_.size(); ++index) {
    const Participant& p = participants_[index];
    if (p.programme == 0 && is_waiting_to_start(p.state)) waiting.push_back(index);
  }
  std::sort(waiting.begin(), waiting.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Participant& x = participants_[a];
    const Participant& y = participants_[b];
    return x.requirement_day != y.requirement_day ? x.requirement_day < y.requirement_day
                                                  : x.case_id < y.case_id;
  });
  std::size_t list_length = waiting.size();
  for (std::uint32_t index : waiting) {
    const Participant& p = participants_[index];
    if (!dm.divert_rosh[static_cast<std::size_t>(p.rosh)]) continue;
    const bool waited_too_long =
        dm.divert_after_weeks_waiting > 0.0 &&
        static_cast<double>(day - p.requirement_day) >= 7.0 * dm.divert_after_weeks_waiting;
    const bool list_too_long = dm.divert_when_list_longer_than > 0 &&
                               list_length > static_cast<std::size_t>(dm.divert_when_list_longer_than);
    if (!waited_too_long && !list_too_long) continue;
    divert(index, day);
    --list_length;
  }
}

void InterventionsTeam::divert(std::uint32_t index, Day day) {
  Participant& p = participants_[index];
  programme_counters_[0].diverted += 1;
  team_counters_.diverted_from_bbr += 1;
  set_state(p, ParticipantState::diverted);
  log(day, InterventionEvent::Kind::diversion, p);
  current_of_case_.erase(p.case_id);
  const DemandManagement& dm = rules_.demand_management;
  if (dm.divert_to == DiversionRoute::toolkit || rules_.structured_interventions.empty()) {
    toolkit_.start(p.office, p.case_slot, p.case_id, day);
    return;
  }
  Participant next = p;
  next.programme = static_cast<std::uint32_t>(dm.divert_to_programme + 1);
  next.state = ParticipantState::waiting;  // already assessed: no new readiness step
  next.one_to_one = false;
  next.requirement_day = day;
  next.ready_day = day;
  next.started = false;
  next.sessions_credited = next.misses = next.rejoins = 0;
  const std::uint32_t added = add_participant(next);
  programme_counters_[next.programme].requirements += 1;
  ready_[next.programme].push_back(added);
  // The partner's support (if any) goes on while the man is on the new programme.
  partner_support_.participant_moved(index, added);
}

std::int64_t InterventionsTeam::waiting_to_start(std::uint32_t programme) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && is_waiting_to_start(p.state)) ++n;
  return n;
}

std::int64_t InterventionsTeam::waiting_longer_than(std::uint32_t programme, Day day, Day days) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && is_waiting_to_start(p.state) && day - p.requirement_day > days) ++n;
  return n;
}

std::int64_t InterventionsTeam::waiting_past_renege(std::uint32_t programme, Day day) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && is_waiting_to_start(p.state) && past_renege(p, day)) ++n;
  return n;
}

std::array<std::int64_t, kParticipantStateCount> InterventionsTeam::count_by_state(
    std::uint32_t programme) const {
  std::array<std::int64_t, kParticipantStateCount> counts{};
  for (const Participant& p : participants_)
    if (p.programme == programme) counts[static_cast<std::size_t>(p.state)] += 1;
  return counts;
}

}  // namespace probsim
