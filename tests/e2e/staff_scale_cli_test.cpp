// staffing_plan.staff_scale as a user runs it (issue 20): a cut of the case-holding staff, in one key,
// compared with the shipped staff under common random numbers (same seed, replication r paired with
// replication r), lowers review timeliness and raises WMT workload, each with the whole 95% CI of the
// paired difference on that side; and a scale is exactly the headcount edit it stands for.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

const std::string kScenario = "run scenarios/example_pdu.yaml --quiet --seed 23 --jobs 2";
const std::string kRun = kScenario + " --reps 4 --set simulation.report_end=2023-12-31";

}  // namespace

TEST(StaffScale, ACutOfPoAndPsoStaffLowersReviewsOnTimeAndRaisesWorkloadUnderCommonRandomNumbers) {
  const auto dir = fresh_directory("staff_scale_cut");
  ASSERT_EQ(run_probsim(kRun + " --out " + quoted(dir / "shipped")).exit_status, 0);
  // 30% fewer POs and PSOs across the region (Northgate 10 + 14 -> 7 + 10, and so on).
  const CommandResult cut = run_probsim(
      kRun + " --set 'staffing_plan.staff_scale=[{grade: po, region: Example region, factor: 0.7}, " +
      "{grade: pso, region: Example region, factor: 0.7}]' --out " + quoted(dir / "cut"));
  ASSERT_EQ(cut.exit_status, 0) << cut.output;
  const fs::path out = dir / "cut_vs_shipped.csv";
  const CommandResult compared = run_probsim("compare " + quoted(dir / "shipped") + " " +
                                             quoted(dir / "cut") + " --quiet --out " + quoted(out));
  ASSERT_EQ(compared.exit_status, 0) << compared.output;
  const auto rows = national_comparison(out);
  EXPECT_LT(comparison_column(rows, "staff_in_post_fte", comparison_field::ci95_high), 0.0)
      << "the cut removes staff";
  EXPECT_GT(comparison_column(rows, "workload_pct_mean", comparison_field::ci95_low), 0.0)
      << "WMT workload rises; mean difference "
      << comparison_column(rows, "workload_pct_mean", comparison_field::diff_mean);
  EXPECT_LT(comparison_column(rows, "reviews_on_time_share", comparison_field::ci95_high), 0.0)
      << "reviews on time fall; mean difference "
      << comparison_column(rows, "reviews_on_time_share", comparison_field::diff_mean);
}

TEST(StaffScale, AScaleGivesExactlyTheResultsOfTheHeadcountsItStandsFor) {
  const auto dir = fresh_directory("staff_scale_exact");
  const std::string run = kScenario + " --reps 2 --set simulation.report_end=2023-06-30";
  // Eastmoor's 6 full-time and 2 part-time POs at 0.5: 3 and 1.
  ASSERT_EQ(
      run_probsim(run + " --set 'staffing_plan.staff_scale={grade: po, pdu: Eastmoor, factor: 0.5}' --out " +
                  quoted(dir / "scaled"))
          .exit_status,
      0);
  ASSERT_EQ(run_probsim(run +
                        " --set regions.0.pdus.Eastmoor.staff.0.headcount=3"
                        " --set regions.0.pdus.Eastmoor.staff.1.headcount=1 --out " +
                        quoted(dir / "edited"))
                .exit_status,
            0);
  for (const char* file : {"kpis.csv", "timeseries.csv"})
    EXPECT_EQ(read_file(dir / "scaled" / file), read_file(dir / "edited" / file)) << file;
  ASSERT_EQ(run_probsim(run + " --out " + quoted(dir / "shipped")).exit_status, 0);
  EXPECT_NE(read_file(dir / "scaled" / "kpis.csv"), read_file(dir / "shipped" / "kpis.csv"))
      << "the scale changed something";
}
