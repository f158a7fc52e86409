#include "caseload/case_factory.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "unit/test_rules.hpp"

using namespace probsim;

TEST(CaseFactory, DrawsAttributesAtTheConfiguredShares) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  rules.case_mix.sentence_type = WeightedChoice({0.37, 0.17, 0.46});
  rules.case_mix.rosh = WeightedChoice({0.2, 0.5, 0.25, 0.05});
  CaseFactory factory(rules.case_mix, rules.early_termination, 99);
  const int n = 100000;
  std::array<int, 3> types{};
  std::array<int, 4> rosh{};
  int da = 0, male = 0;
  for (int i = 0; i < n; ++i) {
    const Case c = factory.make(make_case_id(0, i / 50, i % 50), make_case_id(0, i / 50, i % 50), i / 50);
    types[static_cast<std::size_t>(c.sentence_type)]++;
    rosh[static_cast<std::size_t>(c.rosh)]++;
    da += c.domestic_abuse_flag;
    male += c.sex == Sex::male;
  }
  // 4.5 standard errors of a proportion near 0.5 at n = 100,000 is about 0.007.
  EXPECT_NEAR(types[0] / double(n), 0.37, 0.007);
  EXPECT_NEAR(types[2] / double(n), 0.46, 0.007);
  EXPECT_NEAR(rosh[2] / double(n), 0.25, 0.007);
  EXPECT_NEAR(rosh[3] / double(n), 0.05, 0.004);
  EXPECT_NEAR(da / double(n), 0.3, 0.007);
  EXPECT_NEAR(male / double(n), 0.9, 0.005);
}

TEST(CaseFactory, TierLetterFollowsRoshAndDigitFollowsShares) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  const Case c = CaseFactory(rules.case_mix, rules.early_termination, 1)
                     .make(make_case_id(0, 0, 0), make_case_id(0, 0, 0), 0);
  EXPECT_EQ(to_string(c.tier), "C2");
  EXPECT_EQ(c.tier.protect_level(), 2);
  EXPECT_EQ(c.tier.change_level(), 2);
}

TEST(CaseFactory, WithoutHazardsEveryCaseRunsToSentenceEnd) {
  CaseloadRules rules = fixtures::fixed_length_rules(12.0);
  CaseFactory factory(rules.case_mix, rules.early_termination, 3);
  for (int i = 0; i < 1000; ++i) {
    const Case c = factory.make(make_case_id(1, 10, i), make_case_id(1, 10, i), 10);
    ASSERT_EQ(c.end_reason, TerminationReason::sentence_end);
    ASSERT_EQ(c.end_day, 10 + 365);
  }
}

TEST(CaseFactory, EarlyTerminationFollowsTheCompetingHazards) {
  CaseloadRules rules = fixtures::fixed_length_rules(24.0);
  rules.early_termination.per_year[0] = {0.2, 0.1, 0.0, 0.0};  // revocation, breach on community orders
  CaseFactory factory(rules.case_mix, rules.early_termination, 11);
  const int n = 50000;
  int revoked = 0, breached = 0;
  for (int i = 0; i < n; ++i) {
    const Case c = factory.make(make_case_id(2, i / 100, i % 100), make_case_id(2, i / 100, i % 100), 0);
    revoked += c.end_reason == TerminationReason::revocation;
    breached += c.end_reason == TerminationReason::breach;
    ASSERT_NE(c.end_reason, TerminationReason::recall);
  }
  // P(any early exit within 2 years) = 1 − exp(−0.3 × 730/365.25); revocation takes 2/3 of it.
  const double early = 1.0 - std::exp(-0.3 * 730.0 / 365.25);
  EXPECT_NEAR((revoked + breached) / double(n), early, 0.01);
  EXPECT_NEAR(revoked / double(revoked + breached), 2.0 / 3.0, 0.015);
}

TEST(CaseFactory, WarmStartShortcutDrawsTheSamePerson) {
  CaseloadRules rules = fixtures::fixed_length_rules(18.0);
  rules.case_mix.rosh = WeightedChoice({0.25, 0.25, 0.25, 0.25});
  rules.early_termination.per_year[0] = {0.5, 0.0, 0.0, 0.0};
  CaseFactory factory(rules.case_mix, rules.early_termination, 5);
  int alive = 0;
  for (int i = 0; i < 2000; ++i) {
    const CaseId id = make_case_id(0, -300, i);
    Case shortcut;
    const bool is_alive = factory.make_if_alive_on(id, id, -300, 0, shortcut);
    const Case whole = factory.make(id, id, -300);
    ASSERT_EQ(is_alive, whole.end_day > 0);
    if (!is_alive) continue;
    ++alive;
    EXPECT_EQ(shortcut.rosh, whole.rosh);
    EXPECT_EQ(shortcut.tier.index, whole.tier.index);
    EXPECT_EQ(shortcut.end_day, whole.end_day);
    EXPECT_EQ(shortcut.sex, whole.sex);
  }
  EXPECT_GT(alive, 0);
}
