// The shipped staffing plan pair (scenarios/staffing_plan_baseline.yaml and staffing_plan_recruit.yaml,
// issue 20 item 3): both run, the plan set against its baseline by `probsim compare --by pdu` (paired by
// seed) cuts every PDU's days in red and raises review timeliness, no PDU is red at the end in more of
// the plan's replications than the baseline's, and a run compared with itself differs by nothing.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

// comparison.csv: level,unit,kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero
struct Difference {
  double mean = 0, ci95_low = 0, ci95_high = 0;
};
std::map<std::string, Difference> differences(const fs::path& csv, const std::string& level,
                                              const std::string& kpi) {
  std::map<std::string, Difference> by_unit;
  for (const auto& row : csv_rows(csv))
    if (row.at(0) == level && row.at(2) == kpi)
      by_unit[row.at(1)] = {std::stod(row.at(6)), std::stod(row.at(8)), std::stod(row.at(9))};
  return by_unit;
}

// leave_red.csv: pdu,replications,never_red,left_red,still_red_at_end,leave_red_month_median,last_month
std::map<std::string, int> still_red_at_end(const fs::path& csv) {
  std::map<std::string, int> by_pdu;
  for (const auto& row : csv_rows(csv)) by_pdu[row.at(0)] = std::stoi(row.at(4));
  return by_pdu;
}

const std::map<std::string, int> kPdus = {{"Harbour", 0}, {"Moorside", 0}, {"Riverton", 0}, {"Westcliff", 0}};

}  // namespace

TEST(StaffingPlanPair, ThePlanLeavesRedSoonerThanItsBaselineAndAgreesWithItself) {
  const auto dir = fresh_directory("staffing_plan_pair");
  const fs::path base = dir / "base", plan = dir / "plan";
  for (const auto& [scenario, out] : {std::pair{"baseline", base}, std::pair{"recruit", plan}}) {
    const CommandResult r = run_probsim("run scenarios/staffing_plan_" + std::string(scenario) +
                                        ".yaml --quiet --reps 4 --jobs 2 --seed 1 --out " + quoted(out));
    ASSERT_EQ(r.exit_status, 0) << r.output;
    EXPECT_FALSE(fs::exists(out / "warnings.txt")) << scenario << ": the shipped pair should give no warning";
  }

  const CommandResult compared =
      run_probsim("compare " + quoted(base) + " " + quoted(plan) + " --by pdu --quiet");
  ASSERT_EQ(compared.exit_status, 0) << compared.output;
  const auto days_red = differences(plan / "comparison.csv", "pdu", "pdu_days_red");
  ASSERT_EQ(days_red.size(), kPdus.size());
  for (const auto& [pdu, d] : days_red) {
    EXPECT_TRUE(kPdus.count(pdu)) << pdu;
    EXPECT_LT(d.mean, 0.0) << pdu << ": the plan should cut its days in red";
  }
  const auto national_days_red = differences(plan / "comparison.csv", "national", "pdu_days_red");
  ASSERT_EQ(national_days_red.size(), 1u);
  EXPECT_LT(national_days_red.at("national").ci95_high, 0.0) << national_days_red.at("national").mean;
  const auto reviews = differences(plan / "comparison.csv", "national", "reviews_on_time_share");
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_GT(reviews.at("national").ci95_low, 0.0)
      << "reviews on time, paired difference " << reviews.at("national").mean;
  // The referrals are paired by the seed: the plan changes staff, not who is referred.
  for (const auto& [unit, d] : differences(plan / "comparison.csv", "pdu", "referrals"))
    EXPECT_EQ(d.mean, 0.0) << unit;

  const auto base_red = still_red_at_end(base / "leave_red.csv"),
             plan_red = still_red_at_end(plan / "leave_red.csv");
  ASSERT_EQ(base_red.size(), kPdus.size());
  ASSERT_EQ(plan_red.size(), kPdus.size());
  for (const auto& [pdu, red] : plan_red) EXPECT_LE(red, base_red.at(pdu)) << pdu;

  // A run compared with itself: every paired difference, per unit and per month, is exactly zero.
  const fs::path self = dir / "self.csv";
  const CommandResult itself =
      run_probsim("compare " + quoted(base) + " " + quoted(base) + " --by pdu --quiet --out " + quoted(self));
  ASSERT_EQ(itself.exit_status, 0) << itself.output;
  // The monthly file is named after the comparison it goes with (self.csv, self_monthly.csv).
  EXPECT_FALSE(fs::exists(dir / "comparison_monthly.csv"));
  for (const fs::path& csv : {self, dir / "self_monthly.csv"}) {
    const auto rows = csv_rows(csv);
    ASSERT_GT(rows.size(), 100u) << csv;
    const std::size_t diff_column = csv == self ? 6 : 7;
    for (const auto& row : rows) ASSERT_EQ(std::stod(row.at(diff_column)), 0.0) << csv << ": " << row.at(2);
  }
  // Another extension is kept in the monthly file's name (self.txt and self.csv shared one before), and
  // the run is told how `report` can draw this baseline, as it reads comparison_monthly.csv only.
  const CommandResult text = run_probsim("compare " + quoted(base) + " " + quoted(base) + " --by pdu --out " +
                                         quoted(dir / "self.txt"));
  ASSERT_EQ(text.exit_status, 0) << text.output;
  EXPECT_TRUE(fs::exists(dir / "self.txt_monthly.csv"));
  EXPECT_EQ(read_file(dir / "self.txt_monthly.csv"), read_file(dir / "self_monthly.csv"));
  EXPECT_NE(text.output.find("To draw this plan against its baseline: probsim report "), std::string::npos)
      << text.output;
}
