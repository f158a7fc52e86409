// A workload reduction imported from a snapshot ends on the day its row gives (issue 21:
// "reduction % with its reason and end date"): the person's available WMT points are reduced until then
// and whole from then on, `probsim snapshot` writes the end date back while the reduction is in force,
// and bad end dates are refused at FILE:LINE:COLUMN.
#include <gtest/gtest.h>

#include "output/snapshot_writer.hpp"
#include "snapshot/snapshot_test_support.hpp"
#include "workforce/region_workforce.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kCaseload =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner\n"
    "1,Northgate,licence,2022-01-01,2025-01-01,high,A3,male,A\n";
const std::string kStaffHeader = "staff_id,pdu,grade,fte,reduction_pct,reduction_reason,reduction_end_date\n";

struct Region {
  Scenario scenario;
  SnapshotOffices built;
  std::vector<StaffRoster*> offices;
  RegionWorkforce workforce;
  explicit Region(const std::filesystem::path& dir, const std::string& staff)
      : scenario(load_example_from_csvs(
            dir, kCaseload, staff,
            {"workforce.leaver_rate_per_year.po=0", "workforce.leaver_rate_per_year.pso=0"})),
        built(scenario, replication_seed(2, 1)),
        offices(roster(built)),
        workforce(scenario.workforce, scenario.staffing_plan, scenario.window,
                  scenario.caseload.workload.default_contracted_hours_per_week,
                  scenario.caseload.workload.responsive_weighting.from, 0, offices, {0, 1, 2},
                  replication_seed(2, 1)) {
    workforce.start();
  }
  static std::vector<StaffRoster*> roster(SnapshotOffices& b) {
    std::vector<StaffRoster*> out;
    for (auto& o : b.offices) out.push_back(o.get());
    return out;
  }
};

}  // namespace

// A: 40% reduced until 1 March 2023 (day 59). B: 25% with no end date, held for the run.
TEST(SnapshotReductionEnd, TheReductionEndsOnTheDayTheRowGives) {
  const auto dir = scratch("reduction_end");
  Region region(dir, kStaffHeader +
                         "A,Northgate,po,1.0,40,health,2023-03-01\n"
                         "B,Northgate,pso,1.0,25,trade_union,\n");
  const Practitioner& a = region.built.offices[0]->staff()[0];
  const Practitioner& b = region.built.offices[0]->staff()[1];
  const Day back = 59;
  for (Day day = 0; day < back; ++day) {
    region.workforce.run_events_on(day);
    ASSERT_DOUBLE_EQ(a.available_points_per_week, 2176.0 * 0.6) << "day " << day;
  }
  region.workforce.run_events_on(back);
  EXPECT_DOUBLE_EQ(a.available_points_per_week, 2176.0);
  EXPECT_EQ(a.reduction_share, 0.0);
  EXPECT_EQ(a.caseload, 1);  // the case stays with them
  for (Day day = back + 1; day < 400; ++day) region.workforce.run_events_on(day);
  EXPECT_DOUBLE_EQ(b.reduction_share, 0.25);  // no end date: held for the run
}

// Written on the snapshot day, the end date comes back as read; written after it, nothing is left.
TEST(SnapshotReductionEnd, ProbsimSnapshotWritesTheEndDateWhileTheReductionIsInForce) {
  const auto dir = scratch("reduction_write");
  Region region(dir, kStaffHeader + "A,Northgate,po,1.0,40,health,2023-03-01\n");
  std::vector<const PduOffice*> offices;
  for (const auto& o : region.built.offices) offices.push_back(o.get());
  write_snapshot_csvs(region.scenario, offices, -1, (dir / "c1.csv").string(), (dir / "s1.csv").string());
  EXPECT_NE(read_text(dir / "s1.csv").find(",40,other,2023-03-01,"), std::string::npos)
      << read_text(dir / "s1.csv");
  for (Day day = 0; day <= 59; ++day) region.workforce.run_events_on(day);
  write_snapshot_csvs(region.scenario, offices, 59, (dir / "c2.csv").string(), (dir / "s2.csv").string());
  EXPECT_EQ(read_text(dir / "s2.csv").find("2023-03-01"), std::string::npos) << read_text(dir / "s2.csv");
}

TEST(SnapshotReductionEnd, BadEndDatesAreRefusedWithFileLineAndColumn) {
  const auto dir = scratch("reduction_bad");
  const auto found = csv_problems(dir, kCaseload,
                                  kStaffHeader +
                                      "A,Northgate,po,1.0,40,health,2022-12-31\n"
                                      "B,Northgate,po,1.0,,,2023-03-01\n"
                                      "C,Northgate,po,1.0,20,other,2023-02-30\n"
                                      "D,Northgate,pqip,1.0,,,2023-03-01\n",
                                  load_example());
  const std::string file = (dir / "staff.csv").string();
  expect_problems_at(found,
                     {{file + ":2:reduction_end_date", "is on or before the snapshot day 2023-01-01"},
                      {file + ":3:reduction_end_date", "is given without a reduction_pct above 0"},
                      {file + ":4:reduction_end_date", "2023-02-30 is not a day: February 2023 has 28 days"},
                      {file + ":5:reduction_end_date", "is given without a reduction_pct above 0"}});
}
