// The overload priority rule without an Engine: the probability that a practitioner protects a mandated
// task falls with their WMT load, the draws are common random numbers (a task deferred at a lower load
// is deferred at every higher one), and a deferred task is worked after a later-due contact.
#include "sentence_management/overload_triage.hpp"

#include <gtest/gtest.h>

#include "sentence_management/pdu_casework.hpp"

using namespace probsim;

namespace {

OverloadTriage triage_100_to_200() {
  OverloadTriage t;
  t.enabled = true;
  t.protect_all_up_to_workload_pct = 100;
  t.protect_none_from_workload_pct = 200;
  t.applies_to[static_cast<std::size_t>(TaskKind::periodic_review)] = true;
  t.applies_to[static_cast<std::size_t>(TaskKind::initial_assessment)] = true;
  return t;
}

}  // namespace

TEST(OverloadTriage, ProtectionIsCertainUpToCapacityAndFallsLinearlyToNone) {
  const OverloadTriage t = triage_100_to_200();
  EXPECT_DOUBLE_EQ(t.protect_probability(60), 1.0);
  EXPECT_DOUBLE_EQ(t.protect_probability(100), 1.0);
  EXPECT_DOUBLE_EQ(t.protect_probability(125), 0.75);
  EXPECT_DOUBLE_EQ(t.protect_probability(150), 0.5);
  EXPECT_DOUBLE_EQ(t.protect_probability(200), 0.0);
  EXPECT_DOUBLE_EQ(t.protect_probability(260), 0.0);
  OverloadTriage off = t;
  off.enabled = false;
  EXPECT_DOUBLE_EQ(off.protect_probability(260), 1.0);
  EXPECT_FALSE(off.defers(1, 7, TaskKind::periodic_review, 30, 260));
  EXPECT_FALSE(t.defers(1, 7, TaskKind::home_visit, 30, 260)) << "home visits are not listed here";
  EXPECT_TRUE(t.defers(1, 7, TaskKind::periodic_review, 30, 200)) << "none protected at 200%";
  EXPECT_FALSE(t.defers(1, 7, TaskKind::periodic_review, 30, 100)) << "all protected at 100%";
}

TEST(OverloadTriage, DeferredSharesFollowTheLineAndAreCommonRandomNumbers) {
  const OverloadTriage t = triage_100_to_200();
  constexpr int kTasks = 4000;
  int at_130 = 0, at_170 = 0;
  for (int i = 0; i < kTasks; ++i) {
    const auto id = static_cast<CaseId>(1000 + i);
    const bool low = t.defers(99, id, TaskKind::periodic_review, 50 + i % 7, 130);
    const bool high = t.defers(99, id, TaskKind::periodic_review, 50 + i % 7, 170);
    at_130 += low ? 1 : 0;
    at_170 += high ? 1 : 0;
    // The same task's draw in both scenarios: deferred at 130% implies deferred at 170%.
    if (low) {
      EXPECT_TRUE(high) << "task " << i;
    }
  }
  // Binomial sd at n = 4000 is under 0.008: 0.03 is about four sd.
  EXPECT_NEAR(at_130 / static_cast<double>(kTasks), 0.3, 0.03);
  EXPECT_NEAR(at_170 / static_cast<double>(kTasks), 0.7, 0.03);
}

namespace {

// One practitioner at `workload_pct` of WMT capacity is given a new case on day 1: its initial
// assessment (4 h, mandated, due in 15 working days) and its first contact (4 h, not mandated, due in a
// week). Returns the kinds of the first two tasks completed.
std::vector<TaskKind> completion_order(double workload_pct) {
  const WorkingCalendar calendar(CalendarDate{2024, 1, 8});
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = {PriorityCriterion::mandated_first, PriorityCriterion::earliest_due};
  rules.mandated[static_cast<std::size_t>(TaskKind::initial_assessment)] = true;
  rules.initial_assessment = {4.0, 15};
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 4.0;
  for (auto& steps : rules.contacts.schedule_by_rosh) steps = {{1e9, 1}};
  rules.overload_triage = triage_100_to_200();
  PduCasework work(rules, calendar, 1, 0, 40);
  std::vector<TaskCompletion> log;
  work.set_completion_log(&log);
  Practitioner p;
  p.contracted_hours_per_week = 37.0;
  p.available_points_per_week = 2176;
  p.case_points_per_week = 2176 * workload_pct / 100.0;
  const std::vector<Practitioner> staff{p};
  work.run_day(0, staff, 0);  // the day begins: the holder's load is read
  Case c;
  c.id = 5;
  c.rosh = RoshLevel::medium;
  c.practitioner = 0;
  work.case_allocated(0, c, 1, true, 0);
  for (Day day = 1; day < 10; ++day) work.run_day(day, staff, 0);
  std::vector<TaskKind> order;
  for (const TaskCompletion& done : log) order.push_back(done.kind);
  if (order.size() > 2) order.resize(2);  // later weeks' contacts follow
  return order;
}

}  // namespace

TEST(OverloadTriage, AnOverloadedPractitionerWorksTheDeferredAssessmentAfterTheContact) {
  const std::vector<TaskKind> protected_order{TaskKind::initial_assessment, TaskKind::contact};
  const std::vector<TaskKind> deferred_order{TaskKind::contact, TaskKind::initial_assessment};
  EXPECT_EQ(completion_order(90), protected_order) << "below capacity the mandated assessment comes first";
  EXPECT_EQ(completion_order(210), deferred_order) << "at 210% it is deferred behind the contact";
}
