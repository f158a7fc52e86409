// The National Standard on appointments in an order's first weeks (3a.3, SDA-10;
// sentence_management/first_weeks_standard.hpp), with exact days: an order of weekly appointments is
// offered 12 in its first 12 weeks, checked on day 84 and not before; missed appointments still count as
// offered; an order that ends before its 12th week is not checked; without the setting nothing is; and
// the loader reads the shipped setting and refuses bad values with their keys.
#include <gtest/gtest.h>

#include <string>

#include "config/scenario_loader.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/one_case_office.hpp"
#include "unit/refused_overrides.hpp"

using namespace probsim;

namespace {

// Every appointment kept (acceptable-miss share `missed`), never judged, so no warning or breach; the
// standard: `required` appointments in the first 12 weeks of a community order.
EnforcementRules standard_of(double required, double missed = 0.0) {
  EnforcementRules r;
  r.enabled = true;
  r.missed_acceptable_share = {missed, missed, missed};
  r.unacceptable_judged_share = 0.0;
  r.first_weeks_standard.weeks = 12.0;
  r.first_weeks_standard.appointments = {required, 0.0, 0.0};
  return r;
}

// The one-case office of unit/one_case_office.hpp with weekly 1-hour contacts, run on days [0, last].
struct OneOrder {
  explicit OneOrder(const EnforcementRules& rules, Day early_end_day = 0)
      : one(fixtures::contacts_and_enforcement(1.0, rules), early_end_day) {
    one.office->casework().set_completion_log(&log);
  }
  void until(Day last) {
    for (; next <= last; ++next) one.office->run_day(next);
  }
  [[nodiscard]] const EnforcementCounters& counters() const {
    return one.office->casework().enforcement().counters();
  }
  [[nodiscard]] int contacts_before(Day day) const {
    int n = 0;
    for (const TaskCompletion& c : log) n += c.kind == TaskKind::contact && c.day < day ? 1 : 0;
    return n;
  }
  fixtures::OneCaseOffice one;
  std::vector<TaskCompletion> log;
  Day next = 0;
};

}  // namespace

TEST(FirstWeeksStandard, TwelveWeeklyAppointmentsMeetItOnDay84AndNotBefore) {
  OneOrder run(standard_of(12.0));
  run.until(83);
  EXPECT_EQ(run.counters().first_weeks_checked, 0) << "the 12th week ends with day 83";
  EXPECT_EQ(run.contacts_before(84), 12) << "days 0, 7, ..., 77";
  run.until(84);
  EXPECT_EQ(run.counters().first_weeks_checked, 1);
  EXPECT_EQ(run.counters().first_weeks_met, 1);
  run.until(200);
  EXPECT_EQ(run.counters().first_weeks_checked, 1) << "checked once";
}

TEST(FirstWeeksStandard, ThirteenRequiredAreNotMetByAWeeklySchedule) {
  OneOrder run(standard_of(13.0));
  run.until(84);
  EXPECT_EQ(run.counters().first_weeks_checked, 1);
  EXPECT_EQ(run.counters().first_weeks_met, 0);
}

TEST(FirstWeeksStandard, MissedAppointmentsStillCountAsOffered) {
  OneOrder run(standard_of(12.0, 1.0));  // every appointment missed, acceptably
  run.until(83);
  EXPECT_EQ(run.counters().appointments_kept, 0);
  EXPECT_EQ(run.counters().absences_acceptable, 12);
  run.until(84);  // the check comes before the day's work (and its 13th appointment)
  EXPECT_EQ(run.counters().first_weeks_met, 1);
}

TEST(FirstWeeksStandard, AnOrderEndingBeforeItsTwelfthWeekIsNotChecked) {
  OneOrder run(standard_of(12.0), 50);
  run.until(200);
  EXPECT_EQ(run.counters().first_weeks_checked, 0);
}

TEST(FirstWeeksStandard, WithoutTheSettingOrForAnotherSentenceTypeNothingIsChecked) {
  EnforcementRules off = standard_of(12.0);
  off.first_weeks_standard.weeks = 0.0;
  OneOrder without(off);
  without.until(200);
  EXPECT_EQ(without.counters().first_weeks_checked, 0);

  EnforcementRules licences_only = standard_of(12.0);
  licences_only.first_weeks_standard.appointments = {0.0, 0.0, 12.0};
  OneOrder community_order(licences_only);
  community_order.until(200);
  EXPECT_EQ(community_order.counters().first_weeks_checked, 0) << "the case is a community order";
  EXPECT_EQ(community_order.contacts_before(84), 12) << "the appointments themselves are unchanged";
}

TEST(FirstWeeksStandard, TheLoaderReadsTheShippedSettingAndRefusesBadValuesWithTheirKeys) {
  const std::string path = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/national_standards_2004.yaml";
  Diagnostics diagnostics;
  auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const FirstWeeksStandard& s =
      loaded->scenario.caseload.sentence_management.enforcement.first_weeks_standard;
  EXPECT_EQ(s.days(), 84);
  EXPECT_EQ(s.appointments, (std::array<double, 3>{12.0, 0.0, 0.0}));
  EXPECT_TRUE(s.applies_to(SentenceType::community_order));
  EXPECT_FALSE(s.applies_to(SentenceType::licence));

  fixtures::expect_each_refused_naming_its_key(
      path, {"enforcement.first_weeks_standard.weeks=0",
             "enforcement.first_weeks_standard.appointments.community_order=-1",
             "enforcement.first_weeks_standard.appointments.probation_order=12",
             "enforcement.first_weeks_standard.week=12"});
}
