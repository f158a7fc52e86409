// A BBR requirement: none on an order shorter than the minimum, and every one ending in exactly one state,
// with the waits reported those the event log implies.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "interventions/interventions_team.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

TEST(InterventionsTeam, NoBbrRequirementOnAnOrderShorterThanTheMinimum) {
  InterventionRules rules = deterministic_rules();
  rules.routing.bbr_minimum_order_months = 15.0;
  Harness h(rules);
  h.refer(0, RoshLevel::medium, 12);
  h.refer(0, RoshLevel::medium, 14);
  EXPECT_EQ(h.team->counters(0).requirements, 0);
  h.refer(0, RoshLevel::medium, 15);
  h.refer(0, RoshLevel::medium, 24);
  EXPECT_EQ(h.team->counters(0).requirements, 2);
}

TEST(InterventionsTeam, EveryRequirementEndsInExactlyOneState) {
  // Random attendance, orders ending while waiting and while attending, demand management diverting
  // long waiters: the states always add up to the requirements, and each final state to its counter.
  InterventionRules rules = deterministic_rules();
  rules.routing.sara_level_shares = {0.2, 0.4, 0.4};
  rules.routing.bbr_requirement_share = 0.7;
  rules.routing.sara_low_structured_intervention_share = 1.0;
  rules.readiness = {1.0, 3.0};
  rules.bbr.group_sessions = 12;
  rules.bbr.individual_sessions = 3;
  rules.bbr.module_sessions = 6;
  rules.bbr.attendance_probability = 0.85;
  rules.demand_management.enabled = true;
  rules.demand_management.divert_after_weeks_waiting = 20;
  ProgrammeRules stepwise;
  stepwise.name = "stepwise";
  stepwise.group_sessions = 10;
  stepwise.format = GroupFormat::closed;
  stepwise.group_size_min = 3;
  rules.structured_interventions = {stepwise};
  rules.routing.structured_intervention_mix = {1.0};
  Harness h(rules, 3);
  std::map<Day, std::vector<CaseId>> endings;
  for (Day d = 0; d < 300; ++d) {
    if (d % 7 < 5) {
      for (int k = 0; k < 3; ++k) {
        h.refer(d, static_cast<RoshLevel>((d + k) % 4));
        endings[d + 20 + (static_cast<Day>(h.ids.back() % 97) * 3)].push_back(h.ids.back());
      }
    }
    for (CaseId id : endings[d]) h.team->case_ended(id, TerminationReason::revocation, d);
    h.run_through(d);
    for (std::uint32_t p = 0; p < h.team->programme_count(); ++p) {
      const auto states = h.team->count_by_state(p);
      const ProgrammeCounters& n = h.team->counters(p);
      std::int64_t total = 0;
      for (auto s : states) total += s;
      ASSERT_EQ(total, n.requirements) << "day " << d;
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::completed)], n.completions);
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::removed)], n.removed_out);
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::exited_before_start)],
                n.exits_before_start_total());
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::ended_after_start)],
                n.ended_after_start_total());
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::diverted)], n.diverted);
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::attending)], h.team->attending(p));
    }
  }
  // Every path was taken.
  const ProgrammeCounters& bbr = h.team->counters(0);
  EXPECT_GT(bbr.completions, 0);
  EXPECT_GT(bbr.exits_before_start_total(), 0);
  EXPECT_GT(bbr.ended_after_start_total(), 0);
  EXPECT_GT(bbr.removals_non_attendance, 0);
  EXPECT_GT(bbr.diverted, 0);
  EXPECT_GT(h.team->counters(1).starts, 0);

  // The reported waits are those the event log implies: start day minus requirement day, per person.
  std::map<CaseId, Day> required, started;
  for (const auto& e : h.events) {
    if (e.programme != 0) continue;
    if (e.kind == InterventionEvent::Kind::requirement) required[e.case_id] = e.day;
    if (e.kind == InterventionEvent::Kind::start) started[e.case_id] = e.day;
  }
  std::multiset<Day> from_log, reported;
  for (const auto& [id, day] : started) from_log.insert(day - required.at(id));
  for (const ProgrammeStart& s : h.team->starts(0)) reported.insert(s.waited_days);
  EXPECT_EQ(from_log, reported);
  EXPECT_EQ(static_cast<std::int64_t>(reported.size()), bbr.starts);
}
