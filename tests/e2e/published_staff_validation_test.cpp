// The published 2023-25 staff of docs/validation/10-workload.md §10.19:
// scenarios/england_wales_2025_published_staff.yaml takes PUB-2/3's growth of the PO stock in as PQiP
// trainees, and must bring the national PO FTE within ±5% of PUB-3's 5,160 (30 Jun 2024) and 5,519
// (30 Jun 2025): the input check §10.19 stated before its run. PUB-15's workload under those staff is printed
// with its gap, not asserted (§10.19: not met). The margins are small (-4.3% and -4.8% at 2 replications,
// seed 1): a change to the workforce model that lowers the PO stock may need §10.19's correction round (each
// year's intakes scaled by published / simulated change).
//
// Like the national validation it is meant to be able to fail: PROBSIM_VALIDATION_EXTRA_ARGS adds arguments,
// e.g. PROBSIM_VALIDATION_EXTRA_ARGS="--set 'staffing_plan.intakes=[]'" leaves the stock at 2022's.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

// National month-end values of one metric: date -> mean over replications.
std::map<std::string, double> national_means(const std::vector<std::vector<std::string>>& rows,
                                             const std::string& metric) {
  std::map<std::string, std::pair<double, int>> sums;
  for (const auto& row : rows)  // replication, date, level, unit, metric, value
    if (row.size() == 6 && row[2] == "national" && row[4] == metric) {
      sums[row[1]].first += std::stod(row[5]);
      sums[row[1]].second += 1;
    }
  std::map<std::string, double> means;
  for (const auto& [date, sum] : sums) means[date] = sum.first / sum.second;
  return means;
}

TEST(Validation, PublishedStaff2023To2025BringsThePoStockWithinFivePercentOfPub3) {
  const auto out = fresh_directory("validation_published_staff") / "run";
  const char* extra = std::getenv("PROBSIM_VALIDATION_EXTRA_ARGS");
  const CommandResult r =
      run_probsim("run scenarios/england_wales_2025_published_staff.yaml --reps 2 --jobs 2 --quiet --out '" +
                  out.string() + "' " + (extra != nullptr ? extra : ""));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  const auto rows = csv_rows(out / "timeseries.csv");
  const auto po = national_means(rows, "in_post_fte_po");
  for (const auto& [date, published] :
       std::map<std::string, double>{{"2024-06-30", 5160}, {"2025-06-30", 5519}}) {
    ASSERT_TRUE(po.count(date)) << "no national in_post_fte_po on " << date;
    std::cout << "PUB-3 PO FTE on " << date << ": simulated " << po.at(date) << ", published " << published
              << "\n";
    EXPECT_NEAR(po.at(date), published, 0.05 * published)
        << "the input check of validation/10-workload.md §10.19";
  }
  const auto wmt = national_means(rows, "workload_pct_mean");
  double first_half_2024 = 0;
  for (const char* day :
       {"2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"}) {
    ASSERT_TRUE(wmt.count(day)) << "no national workload_pct_mean on " << day;
    first_half_2024 += wmt.at(day) / 6.0;
  }
  std::cout << "not asserted: PUB-15 Jan-Jun 2024 WMT % with the published staff " << first_half_2024
            << " (published 117, gap " << first_half_2024 - 117.0 << ")\n";
}

}  // namespace
}  // namespace probsim::testing
