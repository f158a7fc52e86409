// One ordering rule (caseload/priority_rule.hpp) for the tasks a practitioner holds and a programme's
// waiting list: the same criteria list puts entries with the same facts in the same order on both.

#include "caseload/priority_rule.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "interventions/intervention_rules.hpp"
#include "interventions/waiting_list_order.hpp"
#include "sentence_management/practitioner_work_queue.hpp"
#include "sentence_management/priority_order.hpp"

namespace probsim {
namespace {

// Five entries whose RoSH, creation day and due day all differ, so no criteria list below leaves a tie
// for the lists' own tie-breaks to settle.
struct Entry {
  CaseId id;
  RoshLevel rosh;
  Day created;
  Day due;
};
const std::vector<Entry> kEntries = {
    {1, RoshLevel::low, 0, 400},    {2, RoshLevel::very_high, 3, 900}, {3, RoshLevel::high, 1, 200},
    {4, RoshLevel::medium, 2, 100}, {5, RoshLevel::high, 4, 300},
};

std::vector<CaseId> task_order(const std::vector<PriorityCriterion>& criteria) {
  const PriorityOrder order(criteria);
  PractitionerWorkQueue queue;
  for (std::uint32_t i = 0; i < kEntries.size(); ++i) {
    Task t;
    t.kind = TaskKind::periodic_review;
    t.case_id = kEntries[i].id;
    t.rosh = kEntries[i].rosh;
    t.available_from = kEntries[i].created;
    t.due_day = kEntries[i].due;
    queue.push(order.queued(t, i));
  }
  std::vector<CaseId> ids;
  for (; !queue.empty(); queue.pop()) ids.push_back(queue.top().case_id);
  return ids;
}

std::vector<CaseId> waiting_list_order(const std::vector<PriorityCriterion>& criteria) {
  std::vector<Participant> participants;
  std::vector<std::uint32_t> indices;
  for (const Entry& e : kEntries) {
    Participant p;
    p.case_id = e.id;
    p.rosh = e.rosh;
    p.requirement_day = e.created;
    p.order_end_day = e.due;
    p.state = ParticipantState::waiting;
    indices.push_back(static_cast<std::uint32_t>(participants.size()));
    participants.push_back(p);
  }
  order_waiting_list(indices, participants, PriorityRule(criteria));
  std::vector<CaseId> ids;
  for (std::uint32_t i : indices) ids.push_back(participants[i].case_id);
  return ids;
}

TEST(PriorityRule, TheSameCriteriaOrderTasksAndWaitingListEntriesTheSameWay) {
  using C = PriorityCriterion;
  struct Case {
    std::vector<PriorityCriterion> criteria;
    std::vector<CaseId> expected;  // worked out by hand from kEntries
  };
  const std::vector<Case> cases = {
      {{C::highest_rosh_first, C::earliest_due}, {2, 3, 5, 4, 1}},  // the BBR default
      {{C::earliest_due}, {4, 3, 5, 1, 2}},
      {{C::earliest_created}, {1, 3, 4, 2, 5}},  // first come, first served
      {{C::high_rosh_first, C::earliest_created}, {3, 2, 5, 1, 4}},
      {{C::high_rosh_first, C::earliest_due}, {3, 5, 2, 4, 1}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(task_order(c.criteria), c.expected);
    EXPECT_EQ(waiting_list_order(c.criteria), c.expected);
  }
}

TEST(PriorityRule, RejoinersComeBeforeTheRuleAndAManListedTwiceIsCountedOnce) {
  // BBR-6: a man waiting to rejoin keeps his place ahead of the rule. The pre-group session's day is
  // compared next, with "none" (kNoDay) first, so a man given his session comes after the very high
  // RoSH man who has had none, as before the rule was shared.
  std::vector<Participant> ps(3);
  ps[0].case_id = 1, ps[0].rosh = RoshLevel::very_high, ps[0].state = ParticipantState::waiting;
  ps[1].case_id = 2, ps[1].rosh = RoshLevel::low, ps[1].state = ParticipantState::awaiting_group;
  ps[1].start_day = 5;
  ps[2].case_id = 3, ps[2].rosh = RoshLevel::low, ps[2].state = ParticipantState::awaiting_rejoin;
  ps[2].started = true;
  std::vector<std::uint32_t> indices = {0, 1, 2, 0};  // 0 listed twice: counted once
  order_waiting_list(indices, ps, PriorityRule({PriorityCriterion::highest_rosh_first}));
  EXPECT_EQ(indices, (std::vector<std::uint32_t>{2, 0, 1}));
}

TEST(PriorityRule, DaysOutsideTheKeysRangeSortLastRatherThanWrapping) {
  const PriorityRule rule({PriorityCriterion::earliest_due});
  PriorityFacts soon;
  soon.due_day = 10;
  PriorityFacts far;
  far.due_day = (1 << 23) + 5;  // past the 24-bit field
  EXPECT_LT(rule.key(soon), rule.key(far));
}

TEST(PriorityRule, WaitingListsRefuseCriteriaTheirEntriesDoNotHave) {
  using C = PriorityCriterion;
  EXPECT_TRUE(check_waiting_list_order({C::highest_rosh_first, C::earliest_due}).empty());
  const RuleProblems problems =
      check_waiting_list_order({C::earliest_due, C::mandated_first, C::earliest_due});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].key, "[1]");
  EXPECT_NE(problems[0].message.find("does not apply to a waiting list"), std::string::npos);
  EXPECT_EQ(problems[1].key, "[2]");
  EXPECT_NE(problems[1].message.find("listed twice"), std::string::npos);
}

}  // namespace
}  // namespace probsim
