// What the progress line says of a precision rule as it runs (runner/precision_progress.hpp), word for
// word: before the first check, the widest interval so far, a KPI whose mean is 0, and the decision.
#include "runner/precision_progress.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace probsim {
namespace {

PrecisionRule rule_of(double target, std::uint64_t min) {
  PrecisionRule rule;
  rule.relative_half_width = target;
  rule.min_replications = min;
  return rule;
}

KpiPrecision kpi(const char* name, double relative_half_width) {
  KpiPrecision k;
  k.kpi = name;
  k.relative_half_width = relative_half_width;
  return k;
}

TEST(PrecisionProgress, SaysWhereTheRuleIsChecked) {
  EXPECT_EQ(precision_progress_detail(rule_of(0.05, 7), std::nullopt, std::nullopt, 0),
            "precision checked from replication 7 on");
}

TEST(PrecisionProgress, NamesTheWidestIntervalAgainstTheTarget) {
  PrecisionCheck check;
  check.kpis = {kpi("caseload_mean", 0.012), kpi("contacts_missed", 0.2034), kpi("referrals", 0.05)};
  EXPECT_EQ(precision_progress_detail(rule_of(0.05, 5), std::nullopt, check, 6),
            "widest CI after 6: contacts_missed, 20.34% of its mean (target 5.00%)");
}

TEST(PrecisionProgress, AnIntervalAroundAMeanOfZeroIsNamedWithoutAPercentage) {
  PrecisionCheck check;
  check.kpis = {kpi("caseload_mean", 0.01),
                kpi("terminations_breach", std::numeric_limits<double>::infinity())};
  EXPECT_EQ(precision_progress_detail(rule_of(0.05, 5), std::nullopt, check, 5),
            "widest CI after 5: terminations_breach (mean 0)");
}

TEST(PrecisionProgress, OnceDecidedSaysWhereItStopped) {
  PrecisionCheck check;
  check.kpis = {kpi("caseload_mean", 0.2)};
  EXPECT_EQ(precision_progress_detail(rule_of(0.05, 5), 12, check, 12), "the precision rule stopped at 12");
}

}  // namespace
}  // namespace probsim
