#include "output/summary_statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

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

TEST(SummaryStatistics, QuantilesOfUnsortedValuesEqualThoseOfTheSortedValuesExactly) {
  // Shuffled values with ties, of several lengths (the 90th percentile falls between two values, on
  // one, and at the end), against sorting first: the same bits.
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>((state >> 33) % 1000) / 7.0;
  };
  for (std::size_t n : {1u, 2u, 3u, 10u, 11u, 101u, 1000u, 4097u}) {
    std::vector<double> values(n);
    for (double& v : values) v = next();
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (double q : {0.0, 0.05, 0.5, 0.9, 0.95, 1.0}) {
      std::vector<double> shuffled = values;
      EXPECT_EQ(quantile_unsorted(shuffled, q), quantile_sorted(sorted, q)) << "n " << n << " q " << q;
    }
  }
  std::vector<double> none;
  EXPECT_EQ(quantile_unsorted(none, 0.9), 0.0);
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
