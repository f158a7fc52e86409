// Working beyond contracted hours (WF-20; sentence_management/hours_beyond_contract.hpp), without an
// Engine: an overloaded practitioner works the extra share of the day's hours on what is left, exactly;
// one at or below the load works none; only what is used counts; nobody sick works any; hours are
// conserved; and the loader reads the setting and refuses bad values with their keys.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "sentence_management/pdu_casework.hpp"
#include "unit/refused_overrides.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

// One full-time PO (7.4 h a working day) at `workload_pct` of WMT capacity, holding one review of
// `hours` due on day 20, with extra hours of 20% above 100%. Returns the casework after day 0.
struct OneDay {
  OneDay(double workload_pct, double hours, bool sick = false) {
    rules.enabled = true;
    rules.hours_beyond_contract.above_workload_pct = 100.0;
    rules.hours_beyond_contract.share_of_available_hours = 0.2;
    Practitioner p = fixtures::full_time_po();
    p.case_points_per_week = p.available_points_per_week * workload_pct / 100.0;
    if (sick) p.sick_until = 5;
    staff.push_back(p);
    work.add_task(fixtures::one_task(TaskKind::periodic_review, hours, 20), 0);
    work.run_day(0, staff, 0);
  }
  SentenceManagementRules rules;
  WorkingCalendar calendar{kMonday};
  PduCasework work{rules, calendar, 1, 0, 30};
  std::vector<Practitioner> staff;
};

}  // namespace

TEST(HoursBeyondContract, AnOverloadedPractitionerWorksTheExtraShareOnWhatIsLeft) {
  const OneDay day(150.0, 20.0);
  EXPECT_EQ(day.work.counters().worked, seconds_of_hours(7.4) + seconds_of_hours(7.4 * 0.2));
  EXPECT_EQ(day.work.counters().worked_beyond_contract, seconds_of_hours(7.4 * 0.2));
  EXPECT_EQ(day.work.counters().available, seconds_of_hours(7.4)) << "available stays the contracted hours";
  const TaskCounters& n = day.work.counters();
  EXPECT_EQ(n.demanded, n.worked + day.work.open_seconds() + n.cancelled_seconds + n.missed_seconds);
}

TEST(HoursBeyondContract, NoneAtOrBelowTheLoad) {
  const OneDay at(100.0, 20.0);
  EXPECT_EQ(at.work.counters().worked_beyond_contract, 0);
  EXPECT_EQ(at.work.counters().worked, seconds_of_hours(7.4));
}

TEST(HoursBeyondContract, OnlyWhatIsUsedCounts) {
  const OneDay day(150.0, 8.0);  // 0.6 h left after the day's 7.4
  EXPECT_EQ(day.work.counters().worked_beyond_contract, seconds_of_hours(8.0) - seconds_of_hours(7.4));
  EXPECT_EQ(day.work.open_tasks(), 0u);
}

TEST(HoursBeyondContract, NobodySickWorksAny) {
  const OneDay day(150.0, 20.0, true);
  EXPECT_EQ(day.work.counters().worked, 0);
  EXPECT_EQ(day.work.counters().worked_beyond_contract, 0);
}

TEST(HoursBeyondContract, TheLoaderReadsItAndRefusesBadValuesWithTheirKeys) {
  const std::string path = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml";
  Diagnostics diagnostics;
  auto loaded = load_scenario(path,
                              {"sentence_management.hours_beyond_contract.above_workload_pct=110",
                               "sentence_management.hours_beyond_contract.share_of_available_hours=0.1"},
                              diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const HoursBeyondContract& h = loaded->scenario.caseload.sentence_management.hours_beyond_contract;
  EXPECT_EQ(h.above_workload_pct, 110.0);
  EXPECT_EQ(h.share_of_available_hours, 0.1);
  auto unset = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(unset);
  EXPECT_FALSE(unset->scenario.caseload.sentence_management.hours_beyond_contract.enabled());
  fixtures::expect_each_refused_naming_its_key(
      path, {"sentence_management.hours_beyond_contract.share_of_available_hours=-0.1",
             "sentence_management.hours_beyond_contract.share_of_available_hours=2",
             "sentence_management.hours_beyond_contract.above_workload_pct=-5",
             "sentence_management.hours_beyond_contract.share=0.1"});
}
