// The precision rule followed through a set's replications as they complete (runner/precision_prefix.hpp):
// it is checked on prefixes 1..n only, so a replication finishing early changes nothing until those
// before it are in.
#include "runner/precision_prefix.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace probsim;

namespace {

PrecisionRule rule_from(std::uint64_t min, std::uint64_t max, std::vector<std::string> kpis = {}) {
  PrecisionRule rule;
  rule.relative_half_width = 0.05;
  rule.kpis = std::move(kpis);
  rule.min_replications = min;
  rule.max_replications = max;
  return rule;
}

std::vector<std::pair<std::string, double>> rows(double value) {
  return {{"caseload_mean", value}};
}

}  // namespace

TEST(PrecisionPrefix, DecidesOnTheCompletePrefixWhateverOrderReplicationsFinish) {
  const PrecisionRule rule = rule_from(2, 10);
  PrecisionPrefix precision(rule);
  precision.add(3, rows(50.0));
  precision.add(2, rows(50.0));
  EXPECT_FALSE(precision.check_new_prefixes());  // replication 1 is still running
  EXPECT_EQ(precision.prefix(), 0u);
  EXPECT_FALSE(precision.last_check());
  precision.add(1, rows(50.0));
  const auto decision = precision.check_new_prefixes();
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->replications, 2u);  // the first prefix that meets it, not the 3 complete
  EXPECT_TRUE(decision->check.met);
  EXPECT_EQ(precision.prefix(), 3u);
  EXPECT_EQ(precision.evaluated(), 2u);
  precision.forget_beyond(2);
  EXPECT_TRUE(precision.has(2));
  EXPECT_FALSE(precision.has(3));
}

TEST(PrecisionPrefix, StopsAtTheMaximumWhenTheRuleIsNeverMet) {
  const PrecisionRule rule = rule_from(2, 4);
  PrecisionPrefix precision(rule);
  for (std::uint64_t r = 1; r <= 3; ++r) precision.add(r, rows(r % 2 == 1 ? 1.0 : 100.0));
  EXPECT_FALSE(precision.check_new_prefixes());
  EXPECT_EQ(precision.evaluated(), 3u);
  ASSERT_TRUE(precision.last_check());
  EXPECT_FALSE(precision.last_check()->met);
  precision.add(4, rows(100.0));
  const auto decision = precision.check_new_prefixes();
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->replications, 4u);
  EXPECT_FALSE(decision->check.met);
}

TEST(PrecisionPrefix, AChosenKpiTheReplicationsDoNotWriteCannotBeChecked) {
  const PrecisionRule rule = rule_from(2, 10, {"no_such_kpi"});
  PrecisionPrefix precision(rule);
  precision.add(1, rows(50.0));
  precision.add(2, rows(50.0));
  EXPECT_THROW((void)precision.check_new_prefixes(), std::invalid_argument);
}
