// The risk management plan (3a.12, G-6; sentence_management/task_rules.hpp), without an Engine: a plan is
// planned for the RoSH levels listed and no other, due on the Nth working day after the start (a bank
// holiday moves it), never when the scenario has none; a practitioner who works it by that day counts
// it on time, one who cannot counts it due and late; and the loader reads the setting and refuses bad
// values with their keys.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "sentence_management/case_task_schedule.hpp"
#include "sentence_management/pdu_casework.hpp"
#include "unit/refused_overrides.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

SentenceManagementRules plan_rules() {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.risk_management_plan.hours = 2.0;
  rules.risk_management_plan.due_working_days = 5;
  rules.risk_management_plan.for_rosh[static_cast<std::size_t>(RoshLevel::high)] = true;
  rules.risk_management_plan.for_rosh[static_cast<std::size_t>(RoshLevel::very_high)] = true;
  return rules;
}

std::vector<PlannedTask> plans_of(const CaseTaskSchedule::OneOffTasks& tasks) {
  std::vector<PlannedTask> plans;
  std::copy_if(tasks.begin(), tasks.end(), std::back_inserter(plans),
               [](const PlannedTask& t) { return t.kind == TaskKind::risk_management_plan; });
  return plans;
}

}  // namespace

TEST(RiskManagementPlan, PlannedForTheListedRoshLevelsDueOnTheFifthWorkingDay) {
  const SentenceManagementRules rules = plan_rules();
  const WorkingCalendar calendar{kMonday};
  const CaseTaskSchedule schedule(rules, calendar);
  for (RoshLevel rosh : {RoshLevel::high, RoshLevel::very_high}) {
    const auto plans = plans_of(schedule.one_off_tasks(rosh, false, 0));
    ASSERT_EQ(plans.size(), 1u) << to_string(rosh);
    EXPECT_EQ(plans[0].due_day, 7) << "Monday + 5 working days is the next Monday";
    EXPECT_EQ(plans[0].hours, 2.0);
  }
  // A start on Wednesday (day 2): Thu, Fri, Mon, Tue, Wed.
  EXPECT_EQ(plans_of(schedule.one_off_tasks(RoshLevel::high, true, 2)).at(0).due_day, 9);
  for (RoshLevel rosh : {RoshLevel::low, RoshLevel::medium})
    EXPECT_TRUE(plans_of(schedule.one_off_tasks(rosh, true, 0)).empty()) << to_string(rosh);
}

TEST(RiskManagementPlan, ABankHolidayMovesTheDueDay) {
  const SentenceManagementRules rules = plan_rules();
  const WorkingCalendar calendar{kMonday, {CalendarDate{2024, 1, 10}}, 0, 30};  // Wednesday, day 2
  const CaseTaskSchedule schedule(rules, calendar);
  EXPECT_EQ(plans_of(schedule.one_off_tasks(RoshLevel::high, false, 0)).at(0).due_day, 8);
}

TEST(RiskManagementPlan, NoneWhenTheScenarioHasNone) {
  SentenceManagementRules rules = plan_rules();
  rules.risk_management_plan.hours = 0.0;
  const WorkingCalendar calendar{kMonday};
  const CaseTaskSchedule schedule(rules, calendar);
  EXPECT_TRUE(plans_of(schedule.one_off_tasks(RoshLevel::very_high, true, 0)).empty());
  EXPECT_EQ(schedule.one_off_tasks(RoshLevel::very_high, true, 0).size(), 0u) << "and no other task is on";
}

// One full-time PO holding a plan of `hours` due on day 7, worked from day 0: 7.4 h a working day.
TEST(RiskManagementPlan, OnTimeWhenWorkedByItsDueDayAndLateWhenNot) {
  for (const double hours : {2.0, 60.0}) {
    const SentenceManagementRules rules = plan_rules();
    const WorkingCalendar calendar{kMonday};
    PduCasework work{rules, calendar, 1, 0, 30};
    std::vector<Practitioner> staff{fixtures::full_time_po()};
    work.add_task(fixtures::one_task(TaskKind::risk_management_plan, hours, 7), 0);
    for (Day day = 0; day <= 14; ++day) work.run_day(day, staff, 0);
    const TaskOutcomes& out = work.outcomes();
    EXPECT_EQ(out.due(TaskKind::risk_management_plan, 0, 14), 1) << hours;
    // 2 h fits day 0; 60 h needs ceil(60 / 7.4) = 9 working days (days 0-4 and 7-10): done on day 10, 3 late.
    EXPECT_EQ(out.on_time(TaskKind::risk_management_plan, 0, 14), hours < 10.0 ? 1 : 0) << hours;
    const auto& late = out.late_completions(TaskKind::risk_management_plan);
    ASSERT_EQ(late.size(), hours < 10.0 ? 0u : 1u) << hours;
    if (!late.empty()) {
      EXPECT_EQ(late[0].days_late, 3);
    }
  }
}

TEST(RiskManagementPlan, TheLoaderReadsItAndRefusesBadValuesWithTheirKeys) {
  const std::string path = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml";
  Diagnostics diagnostics;
  auto loaded = load_scenario(path,
                              {"sentence_management.risk_management_plan.hours=2.5",
                               "sentence_management.risk_management_plan.due_working_days=5",
                               "sentence_management.risk_management_plan.rosh_levels=[very_high]"},
                              diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const auto& plan = loaded->scenario.caseload.sentence_management.risk_management_plan;
  EXPECT_EQ(plan.hours, 2.5);
  EXPECT_EQ(plan.due_working_days, 5);
  EXPECT_TRUE(plan.applies_to(RoshLevel::very_high));
  EXPECT_FALSE(plan.applies_to(RoshLevel::high));
  // The shipped setting (the base file's, G-6), and none when a scenario drops the block.
  auto shipped = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(shipped) << diagnostics.describe();
  const auto& base = shipped->scenario.caseload.sentence_management.risk_management_plan;
  EXPECT_EQ(base.hours, 2.0);
  EXPECT_EQ(base.due_working_days, 5);
  EXPECT_TRUE(base.applies_to(RoshLevel::high) && base.applies_to(RoshLevel::very_high));
  EXPECT_FALSE(base.applies_to(RoshLevel::medium) || base.applies_to(RoshLevel::low));
  auto dropped = load_scenario(path, {"sentence_management.risk_management_plan=null"}, diagnostics);
  ASSERT_TRUE(dropped) << diagnostics.describe();
  EXPECT_FALSE(dropped->scenario.caseload.sentence_management.risk_management_plan.enabled());
  // Each bad value beside a block that is otherwise whole, so the message is about that value.
  fixtures::expect_each_refused_naming_its_key(
      path,
      {"sentence_management.risk_management_plan.hours=-1",
       "sentence_management.risk_management_plan.due_working_days=0",
       "sentence_management.risk_management_plan.rosh_levels=[extreme]",
       "sentence_management.risk_management_plan.rosh_levels=[]",
       "sentence_management.risk_management_plan.hour=2"},
      {"sentence_management.risk_management_plan.hours=2",
       "sentence_management.risk_management_plan.rosh_levels=[high]"});
  // A block without its hours is refused, naming them.
  fixtures::expect_each_refused_naming_its_key(path, {"sentence_management.risk_management_plan.hours=null"});
}
