#include "output/summary_statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace probsim;

TEST(SummaryStatistics, MatchesHandComputedValues) {
  const SummaryStatistics s = summarise({5, 1, 4, 2, 3});
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 3.0);
  EXPECT_NEAR(s.sd, std::sqrt(2.5), 1e-12);
  // t(0.975, 4) = 2.776445105...
  EXPECT_NEAR(s.ci95_high - s.mean, 2.7764451052 * std::sqrt(2.5) / std::sqrt(5.0), 1e-8);
  EXPECT_NEAR(s.ci95_low + s.ci95_high, 6.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.p50, 3.0);
  EXPECT_DOUBLE_EQ(s.p5, 1.2);  // numpy.percentile([1..5], 5) = 1.2
  EXPECT_DOUBLE_EQ(s.p95, 4.8);
}

TEST(SummaryStatistics, StudentTCriticalValues) {
  EXPECT_NEAR(student_t_975(1), 12.7062047362, 1e-8);
  EXPECT_NEAR(student_t_975(19), 2.0930240544, 1e-8);
  EXPECT_NEAR(student_t_975(1e6), 1.959966, 1e-5);
}

TEST(SummaryStatistics, QuantilesInterpolateLikeNumpy) {
  const std::vector<double> sorted = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(quantile_sorted(sorted, 0.9), 3.7);
  EXPECT_DOUBLE_EQ(quantile_sorted(sorted, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile_sorted(sorted, 1.0), 4.0);
}

TEST(SummaryStatistics, OneValueHasNoSpreadAndADegenerateInterval) {
  const SummaryStatistics s = summarise({7.5});
  EXPECT_EQ(s.n, 1u);
  EXPECT_DOUBLE_EQ(s.sd, 0.0);
  EXPECT_DOUBLE_EQ(s.ci95_low, 7.5);
  EXPECT_DOUBLE_EQ(s.ci95_high, 7.5);
}

TEST(SummaryStatistics, WelfordIsStableForLargeValues) {
  const SummaryStatistics s = summarise({1e9 + 1, 1e9 + 2, 1e9 + 3});
  EXPECT_NEAR(s.sd, 1.0, 1e-6);
}
