// Paired differences (probsim compare) against hand-computed values.
#include "output/paired_comparison.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace probsim;

TEST(PairedComparison, MatchesHandComputedValues) {
  // Differences 1, 2, 3, 4, 5 (other − base): mean 3, sd √2.5, CI 3 ± 2.776445·√2.5/√5.
  const std::vector<double> base = {10, 20, 30, 40, 50};
  const std::vector<double> other = {11, 22, 33, 44, 55};
  const PairedDifference d = paired_difference(base, other);
  EXPECT_EQ(d.n, 5u);
  EXPECT_DOUBLE_EQ(d.base_mean, 30.0);
  EXPECT_DOUBLE_EQ(d.other_mean, 33.0);
  EXPECT_DOUBLE_EQ(d.diff_mean, 3.0);
  EXPECT_NEAR(d.diff_sd, std::sqrt(2.5), 1e-12);
  EXPECT_NEAR(d.ci95_high - 3.0, 2.7764451052 * std::sqrt(2.5) / std::sqrt(5.0), 1e-8);
  EXPECT_TRUE(d.excludes_zero);
}

TEST(PairedComparison, PairingRemovesTheSharedNoise) {
  // Large spread shared by both runs, small constant effect: the paired CI is exactly the effect.
  const std::vector<double> base = {100, 250, 175, 90, 310};
  std::vector<double> other;
  for (double b : base) other.push_back(b - 2.0);
  const PairedDifference d = paired_difference(base, other);
  EXPECT_DOUBLE_EQ(d.diff_mean, -2.0);
  EXPECT_DOUBLE_EQ(d.ci95_low, -2.0);
  EXPECT_DOUBLE_EQ(d.ci95_high, -2.0);
  EXPECT_TRUE(d.excludes_zero);
}

TEST(PairedComparison, IdenticalRunsDifferByNothing) {
  const std::vector<double> values = {3, 1, 4, 1, 5};
  const PairedDifference d = paired_difference(values, values);
  EXPECT_EQ(d.diff_mean, 0.0);
  EXPECT_EQ(d.diff_sd, 0.0);
  EXPECT_EQ(d.ci95_low, 0.0);
  EXPECT_EQ(d.ci95_high, 0.0);
  EXPECT_FALSE(d.excludes_zero);
  EXPECT_FALSE(paired_difference({1.0}, {2.0}).excludes_zero) << "one pair gives no interval";
}
