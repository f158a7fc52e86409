// The workload percentiles and the share above 110% (PUB-10) written to timeseries.csv and kpis.csv.
#include "output/workload_distribution.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace probsim;

TEST(WorkloadDistribution, PercentilesAndTheShareAboveOneHundredAndTen) {
  // 0, 10, ..., 200 (21 values): type-7 percentiles fall on the values themselves.
  std::vector<double> values;
  for (int i = 20; i >= 0; --i) values.push_back(10.0 * i);
  const WorkloadDistribution d = WorkloadDistribution::of(values);
  EXPECT_DOUBLE_EQ(d.percentiles[0], 20.0);
  EXPECT_DOUBLE_EQ(d.percentiles[1], 50.0);
  EXPECT_DOUBLE_EQ(d.percentiles[2], 100.0);
  EXPECT_DOUBLE_EQ(d.percentiles[3], 150.0);
  EXPECT_DOUBLE_EQ(d.percentiles[4], 180.0);
  EXPECT_DOUBLE_EQ(d.over_110pct_share, 9.0 / 21.0) << "120..200; 110 itself is not above 110";
  std::map<std::string, double> rows;
  d.emit([&](const std::string& name, double value) { rows[name] = value; });
  EXPECT_EQ(rows.size(), 6u);
  EXPECT_DOUBLE_EQ(rows.at("workload_pct_p75"), 150.0);
  EXPECT_DOUBLE_EQ(rows.at("workload_pct_over_110_share"), 9.0 / 21.0);
}

TEST(WorkloadDistribution, NoPractitionersGivesZeros) {
  std::vector<double> none;
  const WorkloadDistribution d = WorkloadDistribution::of(none);
  for (double p : d.percentiles) EXPECT_EQ(p, 0.0);
  EXPECT_EQ(d.over_110pct_share, 0.0);
}
