// Attendance by case attributes and more contact on a continued order (issue 24 items 1-2,
// docs/national_standards.md): a high-RoSH case's unacceptable share is the multiplied one (an analytic
// oracle within a binomial bound, and paired draw by draw under common random numbers), the early
// stage ends on the exact day, a continued order's contact windows shorten from the court's day (the
// exact contact days), and the loader and check() refuse shares above 1 with the key.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "config/scenario_loader.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/one_case_office.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

// Absences never judged unacceptable, so no case is ever warned or breached: each appointment is a
// clean draw of kept / acceptable / unacceptable.
EnforcementRules attendance(double acceptable, double unacceptable) {
  EnforcementRules r;
  r.enabled = true;
  r.missed_acceptable_share = {acceptable, acceptable, acceptable};
  r.missed_unacceptable_share = {unacceptable, unacceptable, unacceptable};
  r.unacceptable_judged_share = 0.0;
  return r;
}

// Whether each of `n` community-order cases (ids 1..n) missed its one appointment on `day`
// unacceptably, for a case of `rosh` whose supervision started on `start`.
std::vector<bool> unacceptable_absences(const EnforcementRules& rules, int n, RoshLevel rosh, Day start,
                                        Day day) {
  const WorkingCalendar calendar(kMonday);
  EnforcementProcess process(rules, calendar, 7);
  std::vector<bool> out;
  for (int i = 1; i <= n; ++i) {
    process.case_started(0, static_cast<CaseId>(i), SentenceType::community_order);
    const std::int64_t before = process.counters().absences_unacceptable;
    process.appointment_held(0, day, rosh, start);
    out.push_back(process.counters().absences_unacceptable > before);
  }
  return out;
}

int count(const std::vector<bool>& v) {
  int k = 0;
  for (bool b : v) k += b ? 1 : 0;
  return k;
}

// Within 4 standard errors of a binomial share p over n trials.
void expect_binomial_share(int hits, int n, double p) {
  const double share = static_cast<double>(hits) / n;
  const double bound = 4.0 * std::sqrt(p * (1.0 - p) / n);
  EXPECT_NEAR(share, p, bound) << hits << " of " << n;
}

}  // namespace

TEST(AttendanceByCase, AHighRoshCasesUnacceptableShareIsTheMultipliedOne) {
  EnforcementRules rules = attendance(0.10, 0.05);
  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 3.0, 1.0};
  constexpr int kCases = 40000;
  const std::vector<bool> low = unacceptable_absences(rules, kCases, RoshLevel::low, 0, 200);
  const std::vector<bool> high = unacceptable_absences(rules, kCases, RoshLevel::high, 0, 200);
  expect_binomial_share(count(low), kCases, 0.05);
  expect_binomial_share(count(high), kCases, 0.15);  // 0.05 x 3
  // The same people under common random numbers: every low-RoSH failure is a high-RoSH failure too (the
  // one uniform per appointment falls in [0.10, 0.15) ⊂ [0.10, 0.25)).
  for (int i = 0; i < kCases; ++i) {
    const auto k = static_cast<std::size_t>(i);
    ASSERT_TRUE(!low[k] || high[k]) << "case " << i + 1;
  }
  // The defaults draw exactly as before the setting existed.
  EXPECT_EQ(unacceptable_absences(attendance(0.10, 0.05), kCases, RoshLevel::high, 0, 200), low);
}

TEST(AttendanceByCase, TheEarlyStageEndsTwelveWeeksAfterSupervisionStarted) {
  // Early: 0.5 x 2 = every appointment missed unacceptably; later, half of them.
  EnforcementRules rules = attendance(0.0, 0.5);
  rules.early_stage_weeks = 12.0;
  rules.early_stage_unacceptable_multiplier = 2.0;
  ASSERT_EQ(rules.early_stage_days(), 84);
  constexpr int kCases = 20000;
  const Day start = 10;
  EXPECT_EQ(count(unacceptable_absences(rules, kCases, RoshLevel::medium, start, start)), kCases);
  EXPECT_EQ(count(unacceptable_absences(rules, kCases, RoshLevel::medium, start, start + 83)), kCases)
      << "day 83 of supervision is still in the first 12 weeks";
  expect_binomial_share(count(unacceptable_absences(rules, kCases, RoshLevel::medium, start, start + 84)),
                        kCases, 0.5);
}

TEST(AttendanceByCase, CheckRefusesAMultipliedShareAboveOneLessTheAcceptable) {
  EnforcementRules rules = attendance(0.10, 0.05);
  EXPECT_TRUE(rules.check().empty());
  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 1.0, 18.0};  // 0.90 + 0.10 = 1: allowed
  EXPECT_TRUE(rules.check().empty());
  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 1.0, 19.0};  // 0.95 + 0.10 > 1
  RuleProblems problems = rules.check();
  ASSERT_EQ(problems.size(), 3u) << "one per sentence type";
  EXPECT_EQ(problems[0].key, "appointments.unacceptable_multiplier_by_rosh");
  EXPECT_NE(problems[0].message.find("community_order at RoSH very_high"), std::string::npos)
      << problems[0].message;

  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 10.0, 1.0};  // 0.5: fine after the early stage
  rules.early_stage_weeks = 12.0;
  rules.early_stage_unacceptable_multiplier = 2.0;  // 1.0 in it: too much
  problems = rules.check();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].key, "appointments.early_stage_unacceptable_multiplier");
  EXPECT_NE(problems[0].message.find("at RoSH high in the early stage"), std::string::npos)
      << problems[0].message;
}

TEST(AttendanceByCase, TheLoaderReadsTheSettingsAndRefusesANegativeMultiplierWithItsKey) {
  const std::string path = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/national_standards_2004.yaml";
  Diagnostics diagnostics;
  auto loaded = load_scenario(path,
                              {"enforcement.appointments.unacceptable_multiplier_by_rosh.high=2",
                               "enforcement.appointments.early_stage_weeks=12",
                               "enforcement.appointments.early_stage_unacceptable_multiplier=1.5",
                               "enforcement.court.continued_contact_frequency_multiplier.licence=2"},
                              diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const EnforcementRules& r = loaded->scenario.caseload.sentence_management.enforcement;
  EXPECT_EQ(r.unacceptable_multiplier_by_rosh, (std::array<double, 4>{1.0, 1.0, 2.0, 1.0}));
  EXPECT_EQ(r.early_stage_weeks, 12.0);
  EXPECT_EQ(r.early_stage_unacceptable_multiplier, 1.5);
  EXPECT_EQ(r.continued_contact_frequency_multiplier, (std::array<double, 3>{1.0, 1.0, 2.0}));

  auto unset = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(unset) << diagnostics.describe();
  const EnforcementRules& d = unset->scenario.caseload.sentence_management.enforcement;
  EXPECT_EQ(d.unacceptable_multiplier_by_rosh, (std::array<double, 4>{1.0, 1.0, 1.0, 1.0}));
  EXPECT_EQ(d.early_stage_days(), 0);
  EXPECT_EQ(d.continued_contact_frequency_multiplier, (std::array<double, 3>{1.0, 1.0, 1.0}));

  for (const char* bad : {"enforcement.appointments.unacceptable_multiplier_by_rosh.low=-1",
                          "enforcement.appointments.early_stage_unacceptable_multiplier=-0.5",
                          "enforcement.appointments.early_stage_weeks=-2",
                          "enforcement.court.continued_contact_frequency_multiplier.community_order=0.5"}) {
    Diagnostics refused;
    EXPECT_FALSE(load_scenario(path, {bad}, refused)) << bad;
    const std::string key = std::string(bad).substr(0, std::string(bad).find('='));
    EXPECT_NE(refused.describe().find(key), std::string::npos) << refused.describe();
  }
}

namespace {

// One community order of 365 days imported on Monday day 0 and held by a PO; a 1-hour contact every
// fortnight; every appointment missed unacceptably: warned on day 0, breach action on day 14 (laid that
// day), the court continues the order `lag_weeks` later with `multiplier` times the contact frequency.
// Returns the days of the contacts delivered up to day 84.
std::vector<Day> contact_days(double multiplier, double lag_weeks) {
  EnforcementRules e = attendance(0.0, 1.0);
  e.unacceptable_judged_share = 1.0;
  e.unacceptable_failures_to_breach = 2;
  e.breach_action_due_working_days = 10;
  e.order_ended_share = {0.0, 0.0, 0.0};
  e.decision_lag_weeks = {lag_weeks, lag_weeks, lag_weeks};
  e.continued_contact_frequency_multiplier = {multiplier, multiplier, multiplier};
  fixtures::OneCaseOffice one(fixtures::contacts_and_enforcement(2.0, e));
  PduOffice& office = *one.office;
  std::vector<TaskCompletion> log;
  office.casework().set_completion_log(&log);
  for (Day d = 0; d <= 84; ++d) office.run_day(d);
  EXPECT_GE(office.casework().enforcement().counters().court_outcomes[static_cast<std::size_t>(
                CourtOutcome::order_continued)],
            1);
  EXPECT_EQ(office.counters().orders_extended, 0) << "more contact, not a longer order";
  std::vector<Day> days;
  for (const TaskCompletion& c : log)
    if (c.kind == TaskKind::contact) days.push_back(c.day);
  return days;
}

}  // namespace

TEST(ContinuedOrder, ContactsTwiceAsOftenFromTheCourtsDay) {
  // Breach laid on day 14, decided 2 weeks on: day 28, when a window opens. From it, weekly.
  EXPECT_EQ(contact_days(2.0, 2.0), (std::vector<Day>{0, 14, 28, 35, 42, 49, 56, 63, 70, 77, 84}));
  // Off: fortnightly throughout.
  EXPECT_EQ(contact_days(1.0, 2.0), (std::vector<Day>{0, 14, 28, 42, 56, 70, 84}));
}

TEST(ContinuedOrder, AWindowOpenOnTheCourtsDayKeepsItsLength) {
  // Decided on day 35, within the window of days 28-41: the first weekly window opens on day 42.
  EXPECT_EQ(contact_days(2.0, 3.0), (std::vector<Day>{0, 14, 28, 42, 49, 56, 63, 70, 77, 84}));
}
