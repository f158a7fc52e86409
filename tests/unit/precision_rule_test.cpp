// The precision rule against hand-computed values, including KPIs whose mean is 0.
#include "runner/precision_rule.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace probsim;

namespace {
using Values = std::vector<std::pair<std::string, std::vector<double>>>;
}

TEST(PrecisionRule, ComparesTheHalfWidthWithTheMean) {
  // mean 100, sd 1, n 4: half-width = t(0.975, 3) · 1 / 2 = 3.182446305 / 2 = 1.5912 → 1.59% of the mean.
  const double sd_one = std::sqrt(3.0 / 4.0);  // values 100 ± sd_one·… give sample sd 1
  const Values values = {
      {"a", {100 - 2 * sd_one / std::sqrt(2.0), 100, 100, 100 + 2 * sd_one / std::sqrt(2.0)}}};
  ASSERT_NEAR(summarise(values[0].second).sd, 1.0, 1e-12);
  PrecisionRule rule;
  rule.relative_half_width = 0.016;
  PrecisionCheck check = check_precision(values, rule);
  ASSERT_EQ(check.kpis.size(), 1u);
  EXPECT_NEAR(check.kpis[0].relative_half_width, 3.182446305284263 / 2 / 100, 1e-9);
  EXPECT_TRUE(check.met);
  rule.relative_half_width = 0.015;
  EXPECT_FALSE(check_precision(values, rule).met);
}

TEST(PrecisionRule, UsesTheMagnitudeOfANegativeMean) {
  const Values values = {{"change", {-10.0, -10.2, -9.8}}};
  PrecisionRule rule;
  rule.relative_half_width = 0.05;
  const auto check = check_precision(values, rule);
  EXPECT_GT(check.kpis[0].relative_half_width, 0.0);
  EXPECT_TRUE(check.met);  // half-width 4.303·0.2/√3 = 0.497 ≤ 0.5
}

TEST(PrecisionRule, AKpiWithMeanZero) {
  PrecisionRule rule;
  rule.relative_half_width = 0.05;
  // Always 0: known exactly, so it meets any target.
  EXPECT_TRUE(check_precision({{"unallocated_end", {0, 0, 0}}}, rule).met);
  // Mean 0 but spread: no relative precision is possible; never met.
  const auto spread = check_precision({{"net_change", {-1, 0, 1}}}, rule);
  EXPECT_FALSE(spread.met);
  EXPECT_TRUE(std::isinf(spread.kpis[0].relative_half_width));
  EXPECT_NE(precision_csv(spread, rule).find("net_change,3,0,"), std::string::npos);
  EXPECT_NE(precision_csv(spread, rule).find(",Inf,0.05,false"), std::string::npos);
}

TEST(PrecisionRule, OnlyTheChosenKpisCount) {
  const Values values = {{"tight", {100, 100.1, 99.9}}, {"loose", {1, 50, 100}}};
  PrecisionRule rule;
  rule.relative_half_width = 0.01;
  EXPECT_FALSE(check_precision(values, rule).met);
  rule.kpis = {"tight"};
  const auto check = check_precision(values, rule);
  EXPECT_TRUE(check.met);
  ASSERT_EQ(check.kpis.size(), 1u);
  EXPECT_EQ(check.kpis[0].kpi, "tight");
  EXPECT_NE(describe_precision(check, rule, 3).find("within 1% of its mean after 3 replications"),
            std::string::npos)
      << describe_precision(check, rule, 3);
}

TEST(PrecisionRule, AnUnknownKpiIsNamedWithASuggestion) {
  PrecisionRule rule;
  rule.kpis = {"caseload_maen"};
  try {
    (void)check_precision({{"caseload_mean", {1, 2}}}, rule);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'caseload_mean'"), std::string::npos) << e.what();
  }
}
