#include "caseload/referral_process.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace probsim;

TEST(ReferralProcess, RateAppliesTrendAndSeasonality) {
  ReferralRate rate;
  rate.per_week = 14.0;
  rate.trend_fraction_per_year = 0.10;
  rate.seasonality_multiplier[6] = 1.5;  // July
  const CalendarDate day_zero{2022, 1, 1};
  ReferralProcess process(rate, day_zero, 0, 0, 1);
  EXPECT_DOUBLE_EQ(process.expected_on(0), 2.0);
  const Day one_year = static_cast<Day>(kDaysPerYear);
  EXPECT_NEAR(process.expected_on(one_year), 2.0 * std::pow(1.1, one_year / kDaysPerYear), 1e-12);
  const Day july_1 =
      static_cast<Day>(CalendarDate{2022, 7, 1}.days_since_epoch() - day_zero.days_since_epoch());
  EXPECT_NEAR(process.expected_on(july_1), 1.5 * 2.0 * std::pow(1.1, july_1 / kDaysPerYear), 1e-12);
}

TEST(ReferralProcess, CountsArePoissonWithTheExpectedMeanAndVariance) {
  ReferralRate rate;
  rate.per_week = 35.0;
  ReferralProcess process(rate, CalendarDate{2022, 1, 1}, 0, 3, 7);
  const int days = 20000;
  double sum = 0, sum_sq = 0;
  for (Day d = 0; d < days; ++d) {
    const double n = process.count_on(d);
    sum += n;
    sum_sq += n * n;
  }
  const double mean = sum / days, variance = sum_sq / days - mean * mean;
  EXPECT_NEAR(mean, 5.0, 0.05);      // 5 a day; standard error 0.016
  EXPECT_NEAR(variance, 5.0, 0.25);  // Poisson: variance equals the mean
}

TEST(ReferralProcess, ADaysCountDependsOnlyOnThatDay) {
  ReferralRate rate;
  rate.per_week = 21.0;
  ReferralProcess forwards(rate, CalendarDate{2022, 1, 1}, 0, 2, 9);
  ReferralProcess other(rate, CalendarDate{2022, 1, 1}, 0, 2, 9);
  std::vector<std::uint32_t> counts;
  for (Day d = 0; d < 100; ++d) counts.push_back(forwards.count_on(d));
  for (Day d = 99; d >= 0; --d) EXPECT_EQ(other.count_on(d), counts[static_cast<std::size_t>(d)]);
  ReferralProcess other_pdu(rate, CalendarDate{2022, 1, 1}, 0, 3, 9);
  int same = 0;
  for (Day d = 0; d < 100; ++d) same += other_pdu.count_on(d) == counts[static_cast<std::size_t>(d)];
  EXPECT_LT(same, 60);  // another PDU draws its own counts
}
