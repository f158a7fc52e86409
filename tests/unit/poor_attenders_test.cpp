// Poor attenders (EnforcementRules::poor_attenders; docs/national_standards.md, "Attendance by case"):
// a share of cases, drawn once per case from a stream of its own, misses appointments unacceptably
// `unacceptable_multiplier` times as often as the sentence type's share, and the rest less often, so the
// mean over cases is unchanged. Analytic oracles within binomial bounds; the class draw moves no other
// draw (common random numbers); check() and the loader refuse a multiplier that would leave the rest a
// negative share, with the key.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/refused_overrides.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

EnforcementRules attendance(double unacceptable, double poor_share, double multiplier) {
  EnforcementRules r;
  r.enabled = true;
  r.missed_acceptable_share = {0.0, 0.0, 0.0};
  r.missed_unacceptable_share = {unacceptable, unacceptable, unacceptable};
  r.unacceptable_judged_share = 0.0;  // never warned or breached: every appointment is a clean draw
  r.poor_attenders.share = poor_share;
  r.poor_attenders.unacceptable_multiplier = multiplier;
  return r;
}

struct Outcomes {
  std::vector<bool> poor;         // by case
  std::vector<int> unacceptable;  // by case, of `appointments` each
};

// Cases 1..n, each with `appointments` appointments on days 100, 101, ...
Outcomes draw(const EnforcementRules& rules, int n, int appointments) {
  const WorkingCalendar calendar(kMonday);
  EnforcementProcess process(rules, calendar, 11);
  Outcomes out;
  for (int i = 1; i <= n; ++i) {
    process.case_started(0, static_cast<CaseId>(i), SentenceType::community_order);
    out.poor.push_back(process.poor_attender(0));
    const std::int64_t before = process.counters().absences_unacceptable;
    for (int k = 0; k < appointments; ++k) process.appointment_held(0, 100 + k, RoshLevel::medium, 0);
    out.unacceptable.push_back(static_cast<int>(process.counters().absences_unacceptable - before));
  }
  return out;
}

void expect_binomial_share(double hits, double n, double p) {
  EXPECT_NEAR(hits / n, p, 4.0 * std::sqrt(p * (1.0 - p) / n)) << hits << " of " << n;
}

}  // namespace

TEST(PoorAttenders, AShareOfCasesMissesMultipliedAndTheMeanIsUnchanged) {
  constexpr int kCases = 20000, kAppointments = 10;
  const Outcomes o = draw(attendance(0.05, 0.3, 3.0), kCases, kAppointments);
  double poor = 0, poor_misses = 0, other_misses = 0;
  for (int i = 0; i < kCases; ++i) {
    const auto k = static_cast<std::size_t>(i);
    poor += o.poor[k] ? 1 : 0;
    (o.poor[k] ? poor_misses : other_misses) += o.unacceptable[k];
  }
  expect_binomial_share(poor, kCases, 0.3);
  expect_binomial_share(poor_misses, poor * kAppointments, 0.15);                          // 0.05 x 3
  expect_binomial_share(other_misses, (kCases - poor) * kAppointments, 0.05 * 0.1 / 0.7);  // (1 - 0.9) / 0.7
  expect_binomial_share(poor_misses + other_misses, double(kCases) * kAppointments, 0.05);
}

TEST(PoorAttenders, AtMultiplierOneEveryAppointmentIsDrawnAsWithout) {
  // The class is drawn from its own stream, and a multiplier of 1 leaves both classes at the mean.
  const Outcomes without = draw(attendance(0.05, 0.0, 1.0), 5000, 8);
  const Outcomes with = draw(attendance(0.05, 0.3, 1.0), 5000, 8);
  EXPECT_EQ(with.unacceptable, without.unacceptable);
  int poor = 0;
  for (bool p : with.poor) poor += p ? 1 : 0;
  EXPECT_GT(poor, 0) << "the classes were drawn";
  for (bool p : without.poor) EXPECT_FALSE(p) << "a share of 0 draws nothing";
}

TEST(PoorAttenders, ThePoorAttendersAreTheSameCasesWhateverTheMultiplier) {
  EXPECT_EQ(draw(attendance(0.05, 0.3, 2.0), 3000, 1).poor, draw(attendance(0.05, 0.3, 3.3), 3000, 1).poor);
}

TEST(PoorAttenders, CheckAndLoaderRefuseAMultiplierLeavingTheRestANegativeShare) {
  EnforcementRules rules = attendance(0.05, 0.3, 3.0);
  EXPECT_TRUE(rules.check().empty());
  rules.poor_attenders.unacceptable_multiplier = 3.4;  // 0.3 x 3.4 > 1
  RuleProblems problems = rules.check();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.back().key, "appointments.poor_attenders.unacceptable_multiplier");

  const std::string path = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/england_wales_2022_enforcement.yaml";
  Diagnostics diagnostics;
  auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const auto& shipped = loaded->scenario.caseload.sentence_management.enforcement.poor_attenders;
  EXPECT_EQ(shipped.share, 0.3);
  EXPECT_EQ(shipped.unacceptable_multiplier, 3.0);
  fixtures::expect_each_refused_naming_its_key(
      path, {"enforcement.appointments.poor_attenders.unacceptable_multiplier=3.5",
             "enforcement.appointments.poor_attenders.unacceptable_multiplier=0.5",
             "enforcement.appointments.poor_attenders.share=1",
             "enforcement.appointments.poor_attenders.shares=0.3"});
}

TEST(PoorAttenders, ARoshMultiplierTooLargeEvenWithoutTheClassIsNamedAsTheRoshKey) {
  EnforcementRules rules = attendance(0.05, 0.3, 3.0);
  rules.missed_acceptable_share = {0.1, 0.1, 0.1};
  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 1.0, 5.0};  // 0.25 x 3 = 0.75 + 0.1: fits
  EXPECT_TRUE(rules.check().empty());
  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 1.0, 7.0};  // 0.35 x 3 = 1.05: the class tips it
  RuleProblems problems = rules.check();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].key, "appointments.poor_attenders.unacceptable_multiplier");
  rules.unacceptable_multiplier_by_rosh = {1.0, 1.0, 1.0, 19.0};  // 0.95 + 0.1 > 1 without the class too
  problems = rules.check();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].key, "appointments.unacceptable_multiplier_by_rosh");
  EXPECT_NE(problems[0].message.find("for a poor attender"), std::string::npos) << problems[0].message;
}
