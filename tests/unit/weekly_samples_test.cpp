// WeeklySamples (sim/output/weekly_samples.hpp): a unit's samples come back in the pooled order (week by
// week, office by office), exactly the subsequence an office index per sample used to select.

#include "output/weekly_samples.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace probsim {
namespace {

TEST(WeeklySamples, AUnitsSamplesAreThePooledSubsequenceOfItsOffices) {
  WeeklySamples samples;
  // Three offices, two weeks; office 1 has nobody sampled in week 2.
  samples.begin_week(3);
  samples.add(0, 1.0);
  samples.add(0, 2.0);
  samples.add(1, 3.0);
  samples.add(2, 4.0);
  samples.begin_week(3);
  samples.add(0, 5.0);
  samples.add(2, 6.0);
  samples.add(2, 7.0);
  EXPECT_EQ(samples.size(), 7u);
  EXPECT_EQ(samples.all(), (std::vector<double>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(samples.of_offices({1, 0, 0}), (std::vector<double>{1, 2, 5}));
  EXPECT_EQ(samples.of_offices({0, 1, 0}), (std::vector<double>{3}));
  EXPECT_EQ(samples.of_offices({1, 0, 1}), (std::vector<double>{1, 2, 4, 5, 6, 7}));
  EXPECT_EQ(samples.of_offices({1, 1, 1}), samples.all());
  EXPECT_EQ(samples.of_offices({0, 0, 0}), std::vector<double>{});
}

TEST(WeeklySamples, TheNumberOfOfficesCannotChangeBetweenWeeks) {
  WeeklySamples samples;
  samples.begin_week(3);
  EXPECT_THROW(samples.begin_week(2), std::logic_error);
}

}  // namespace
}  // namespace probsim
