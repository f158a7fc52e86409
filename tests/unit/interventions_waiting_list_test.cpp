// The interventions team's waiting list: the priority rules' order of starts, and starts held to the
// facilitators' capacity.
#include <gtest/gtest.h>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

TEST(InterventionsTeam, PriorityRulesOrderTheList) {
  // One group of two places: the first two offered places show the order. Referrals (day, RoSH,
  // order months): A(0, low, 12), B(0, high, 36), C(1, medium, 6), D(2, very high, 24).
  auto first_two = [](std::vector<PriorityCriterion> criteria) {
    InterventionRules rules = deterministic_rules();
    rules.bbr_priority_order = std::move(criteria);
    rules.bbr.format = GroupFormat::closed;
    rules.bbr.group_size_min = 2;
    rules.bbr.group_size_max = 2;
    rules.bbr.group_sessions = 60;                     // the group outlasts the test
    rules.facilitation.hours_per_group_session = 5.0;  // one facilitator's week holds one group
    Harness h(rules, 0);
    h.refer(0, RoshLevel::low, 12);
    h.refer(0, RoshLevel::high, 36);
    h.refer(1, RoshLevel::medium, 6);
    h.refer(2, RoshLevel::very_high, 24);
    h.run_through(6);
    // No facilitators until now: everybody is waiting at the next review.
    h.office.hire(fixtures::practitioner(Grade::facilitator, h.caseload.workload));
    h.run_through(8);
    std::vector<std::size_t> started;
    for (std::size_t i = 0; i < h.ids.size(); ++i)
      if (!h.days_of(InterventionEvent::Kind::start, h.ids[i]).empty()) started.push_back(i);
    return started;
  };
  EXPECT_EQ(first_two(waiting_list_criteria(WaitingListPriority::fifo)), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(first_two(waiting_list_criteria(WaitingListPriority::risk_then_order_end)),
            (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(first_two(waiting_list_criteria(WaitingListPriority::order_end)),
            (std::vector<std::size_t>{0, 2}));
  // Lists the named priorities do not offer, as the task order takes them: high RoSH (B, D) first,
  // then the earliest end of the order; the earliest end of the order (C at 6 months, A at 12) first.
  EXPECT_EQ(first_two({PriorityCriterion::high_rosh_first, PriorityCriterion::earliest_due}),
            (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(first_two({PriorityCriterion::earliest_due, PriorityCriterion::highest_rosh_first}),
            (std::vector<std::size_t>{0, 2}));
}

TEST(InterventionsTeam, StartsNeverOutrunFacilitatorCapacity) {
  // 2 facilitators × 37 h, 20% not delivering: 59.2 h a week. A group of 2 sessions a week with two
  // facilitators at 2.5 h needs 10 h, plus 5 individual sessions × 8 places × 2.5 h over 12 weeks
  // (8.33 h): 18.33 h, so at most 3 groups run at once, and no more than 24 people attend.
  InterventionRules rules = deterministic_rules();
  rules.facilitation.non_delivery_share = 0.2;
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_sessions = 24;
  rules.bbr.individual_sessions = 5;
  rules.bbr.group_size_min = 4;
  rules.bbr.group_size_max = 8;
  Harness h(rules, 2);
  for (Day d = 0; d < 200; ++d) {
    if (d % 7 < 5) {
      h.refer(d);
      h.refer(d);
    }
    h.run_through(d);
    EXPECT_LE(h.team->open_groups(), 3);
    EXPECT_LE(h.team->attending(0), 24);
    EXPECT_LE(h.team->reserved_hours_per_week(), h.team->facilitator_hours_per_week() + 1e-9);
  }
  EXPECT_EQ(h.team->open_groups(), 3);  // the list is long: capacity is the binding limit
  // Sessions delivered never exceed what the facilitators had.
  const TeamCounters& t = h.team->team_counters();
  EXPECT_LE(t.facilitator_hours_used, t.facilitator_hours_available);
  EXPECT_GT(t.facilitator_hours_used, 0.5 * t.facilitator_hours_available);
}
