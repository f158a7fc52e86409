#include "core/random_stream.hpp"

#include <gtest/gtest.h>

#include <boost/random/normal_distribution.hpp>

using namespace probsim;

TEST(RandomStream, SameKeyGivesSameSequence) {
  RandomStream a(42, stream::kReferralAttributes, 7), b(42, stream::kReferralAttributes, 7);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(a(), b());
}

TEST(RandomStream, EachKeyPartChangesTheSequence) {
  const auto first = [](std::uint64_t seed, std::uint64_t purpose, std::uint64_t entity) {
    RandomStream s(seed, purpose, entity);
    return s();
  };
  const auto base = first(42, stream::kReferralAttributes, 7);
  EXPECT_NE(base, first(43, stream::kReferralAttributes, 7));
  EXPECT_NE(base, first(42, stream::kEarlyTermination, 7));
  EXPECT_NE(base, first(42, stream::kReferralAttributes, 8));
}

TEST(RandomStream, ReplicationSeedsDependOnlyOnBaseSeedAndIndex) {
  EXPECT_EQ(replication_seed(1, 3), replication_seed(1, 3));
  EXPECT_NE(replication_seed(1, 3), replication_seed(1, 4));
  EXPECT_NE(replication_seed(1, 3), replication_seed(2, 3));
  static_assert(purpose_key("referral") != purpose_key("referral_count"));
}

TEST(RandomStream, Uniform01HasTheRightMoments) {
  RandomStream s(1, stream::kReferralCount, 0);
  double sum = 0, sum_sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += u * u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NEAR(sum_sq / n - (sum / n) * (sum / n), 1.0 / 12.0, 0.002);
}

TEST(RandomStream, WorksWithBoostDistributions) {
  RandomStream s(5, stream::kReferralCount, 1);
  boost::random::normal_distribution<double> normal(10.0, 2.0);
  double sum = 0;
  for (int i = 0; i < 50000; ++i) sum += normal(s);
  EXPECT_NEAR(sum / 50000, 10.0, 0.05);
}
