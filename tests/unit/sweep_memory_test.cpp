// A sweep's built points are estimated before any is built (runner/sweep_memory.hpp): a warm_start:
// snapshot point holds its parsed CSVs beside its scenario, so their rows, counted per point from the
// files that point reads, are added to it.
#include "runner/sweep_memory.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "sweep_test_support.hpp"

using namespace probsim;

namespace {

const std::string kFolder = "probsim-sweep-memory-test";

std::string source(const std::string& path) {
  return std::string(PROBSIM_SOURCE_DIR) + "/" + path;
}

// Lines past the header, as wc -l less one.
std::size_t data_rows(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) - 1;
}

// example_region_snapshot with its CSV keys naming `caseload` and `staff` (absolute, or relative to the
// scratch folder), written there as `name`.
std::string snapshot_scenario(const std::string& name, const std::string& caseload,
                              const std::string& staff) {
  return probsim::testing::write_sweep_file(kFolder, name,
                                            "extends: " + source("scenarios/example_region_snapshot.yaml") +
                                                "\nsimulation:\n  caseload_csv: " + caseload +
                                                "\n  staff_csv: " + staff + "\n");
}

// Two points of `scenario`, over Northgate's referral rate, and `extra` sweep keys.
SweepSpec two_point_sweep(const std::string& name, const std::string& scenario,
                          const std::string& extra = "") {
  Diagnostics d;
  const auto sweep = load_sweep_file(
      probsim::testing::write_sweep_file(kFolder, name,
                                         "name: s\nscenarios: [" + scenario +
                                             "]\nparameters:\n  regions.0.pdus.Northgate.referrals_per_week: "
                                             "[5, 6]\nreplications_per_point: 1\n" +
                                             extra),
      d);
  EXPECT_TRUE(sweep && d.empty()) << d.describe();
  return sweep ? *sweep : SweepSpec{};
}

PointsMemory estimate(const SweepSpec& sweep, std::vector<SweepPoint>& points) {
  Diagnostics d;
  points = expand_points(sweep, d);
  EXPECT_TRUE(d.empty()) << d.describe();
  return estimate_points_memory(points, scenario_value_counts(sweep), point_snapshot_csv_rows(sweep, points));
}

}  // namespace

// The shipped snapshot against the same scenario whose CSVs are not there: the same values, and each point
// at least its 1,214 rows x the figure higher. A missing file is left to the loader, which names it.
TEST(SweepMemory, ASnapshotPointIsEstimatedWithItsCsvRows) {
  const std::string caseload = source("scenarios/data/example_region_caseload.csv");
  const std::string staff = source("scenarios/data/example_region_staff.csv");
  const std::size_t rows = data_rows(caseload) + data_rows(staff);
  ASSERT_GT(rows, 1000u);
  std::vector<SweepPoint> points, without_points;
  const PointsMemory with =
      estimate(two_point_sweep("with.yaml", snapshot_scenario("with_csvs.yaml", caseload, staff)), points);
  const PointsMemory without =
      estimate(two_point_sweep("without.yaml",
                               snapshot_scenario("without_csvs.yaml", "gone/caseload.csv", "gone/staff.csv")),
               without_points);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_GT(without.bytes, 0.0);
  EXPECT_GE(with.bytes - without.bytes, 2.0 * static_cast<double>(rows) * kPointBytesPerSnapshotRow);
  EXPECT_GE(with.largest_point_bytes - without.largest_point_bytes,
            static_cast<double>(rows) * kPointBytesPerSnapshotRow);
  // The shipped scenario itself, its paths relative to it, counts the same rows.
  const SweepSpec shipped = two_point_sweep("shipped.yaml", source("scenarios/example_region_snapshot.yaml"));
  const std::vector<SnapshotCsvRows> counted = point_snapshot_csv_rows(shipped, points);
  ASSERT_EQ(counted.size(), 2u);
  EXPECT_EQ(counted[0].caseload, data_rows(caseload));
  EXPECT_EQ(counted[1].staff, data_rows(staff));
  EXPECT_EQ(counted[0].caseload_file, caseload);
}

// Each point is counted with the files it reads: the sweep's `set` and a point's own values can name other
// CSVs (relative to the sweep file), or take the snapshot away.
TEST(SweepMemory, EachPointCountsTheCsvsItsOwnValuesName) {
  const std::string caseload = source("scenarios/data/example_region_caseload.csv");
  const std::string staff = source("scenarios/data/example_region_staff.csv");
  {
    std::ofstream longer(probsim::testing::scratch_root(kFolder) / "longer.csv");
    longer << "person_id,pdu\n";
    for (int i = 0; i < 5000; ++i) longer << "x" << i << ",Northgate\n";
  }
  Diagnostics d;
  const auto sweep = load_sweep_file(
      probsim::testing::write_sweep_file(
          kFolder, "own.yaml",
          "name: own\nscenarios: [" + snapshot_scenario("own_csvs.yaml", caseload, staff) +
              "]\nset: {simulation.staff_csv: " + staff +
              "}\npoints:\n  - {regions.0.pdus.Northgate.referrals_per_week: 5}\n"
              "  - {simulation.caseload_csv: longer.csv}\n"
              "  - {simulation: {report_start: 2023-01-01, report_end: 2023-12-31, warm_up_weeks: 0, "
              "warm_start: steady_state}}\n"
              "  - {simulation.caseload_csv: gone.csv}\n"
              "replications_per_point: 1\n"),
      d);
  ASSERT_TRUE(sweep && d.empty()) << d.describe();
  const std::vector<SweepPoint> points = expand_points(*sweep, d);
  const std::vector<SnapshotCsvRows> rows = point_snapshot_csv_rows(*sweep, points);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].caseload, data_rows(caseload));
  EXPECT_EQ(rows[0].staff, data_rows(staff));
  EXPECT_EQ(rows[1].caseload, 5000u);
  EXPECT_EQ(rows[1].staff, data_rows(staff));
  EXPECT_EQ(rows[1].caseload_file, (probsim::testing::scratch_root(kFolder) / "longer.csv").string());
  EXPECT_EQ(rows[2].total(), 0u);   // no snapshot
  EXPECT_EQ(rows[3].caseload, 0u);  // missing: skipped here, named by the loader
  EXPECT_TRUE(rows[3].caseload_file.empty());
  EXPECT_EQ(rows[3].staff, data_rows(staff));
  // The largest point is the one with the longer caseload, and the refusal names its key and file.
  const std::string refusal =
      points_memory_refusal(*sweep, points, scenario_value_counts(*sweep), rows, 1024.0 * 1024.0, true);
  EXPECT_NE(refusal.find(std::to_string(static_cast<int>(kPointBytesPerSnapshotRow)) +
                         " bytes for each of the " + std::to_string(5000 + data_rows(staff)) +
                         " rows of its snapshot CSVs (simulation.caseload_csv: 5000 rows of " +
                         rows[1].caseload_file + ", simulation.staff_csv: "),
            std::string::npos)
      << refusal;
}
