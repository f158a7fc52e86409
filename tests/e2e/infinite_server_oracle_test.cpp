// Oracle: with Poisson referrals, fixed 12-month sentences and no early termination, each PDU is an
// M/D/∞ queue, so the mean caseload is λ × L (Little's law with no wait). Over 20 replications the
// true value must lie within the run's own 95% confidence interval.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;

TEST(InfiniteServerOracle, MeanCaseloadEqualsArrivalRateTimesSentenceLength) {
  const auto out = fresh_directory("oracle") / "run";
  const CommandResult r = run_probsim(
      "run tests/scenarios/infinite_server.yaml --reps 20 --jobs 2 --quiet --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  std::ifstream summary(out / "summary.csv");
  std::string line;
  std::map<std::string, std::vector<std::string>> rows;
  while (std::getline(summary, line)) {
    auto fields = probsim::parse_csv_line(line);
    if (fields[0] != "national") continue;             // level,unit,kpi,...: the nation's rows
    fields.erase(fields.begin(), fields.begin() + 2);  // from kpi on
    rows[fields[0]] = fields;
  }
  ASSERT_TRUE(rows.count("caseload_mean"));
  const auto& caseload = rows["caseload_mean"];  // kpi,n,mean,sd,ci95_low,ci95_high,...
  const double truth = 3 * 20.0 / 7.0 * 365.0;   // 3128.57
  EXPECT_EQ(caseload[1], "20");
  EXPECT_LE(std::stod(caseload[4]), truth);
  EXPECT_GE(std::stod(caseload[5]), truth);
  // The interval is informative, not just wide: its half-width is under 1% of the mean.
  EXPECT_LT(std::stod(caseload[5]) - std::stod(caseload[4]), 0.02 * truth);
  // Referrals over the year: 3 × 20/7 × 365 days.
  EXPECT_NEAR(std::stod(rows["referrals"][2]), 3 * 20.0 / 7.0 * 365.0, 0.02 * truth);
}
