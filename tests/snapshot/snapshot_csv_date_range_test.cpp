// Dates in the snapshot CSVs are held to 1900 to 2200 (docs/reference/snapshot-csv.md): a year-1 start or
// a year-9999 end is a typo, named at its line and column like any other bad date, not a case run for
// eight thousand years; a licence whose sentence began in the 1980s, or one of the 1,200 months the loader
// allows begun near 2100, is a real case.
#include <gtest/gtest.h>

#include "snapshot/snapshot_csv_read.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

TEST(SnapshotCsvDateRange, ASentenceDatedOutsideTheCalendarIsRefusedAtEachDate) {
  const Read r =
      read(kCaseHeader + "P1,Northgate,community_order,0001-01-01,9999-12-31,medium,B2,male,S1\n", kStaff);
  EXPECT_FALSE(r.snapshot);
  ASSERT_EQ(r.problems.size(), 2u) << listing(r.problems);
  EXPECT_EQ(
      r.problems[0].describe(),
      r.caseload_file + ":2:sentence_start_date: error: must be a date from 1900 to 2200, found 0001-01-01");
  EXPECT_EQ(
      r.problems[1].describe(),
      r.caseload_file + ":2:expected_end_date: error: must be a date from 1900 to 2200, found 9999-12-31");
}

TEST(SnapshotCsvDateRange, AStaffReturnDateBeyondTheCalendarIsRefused) {
  const Read r = read(kCaseHeader,
                      "staff_id,pdu,grade,fte,long_term_sick,sickness_end_date\n"
                      "S1,Northgate,po,1.0,true,2250-01-01\n");
  expect_one(r, r.staff_file, 2, "sickness_end_date", "must be a date from 1900 to 2200, found 2250-01-01");
}

TEST(SnapshotCsvDateRange, TheRangesEndsAreAccepted) {
  const Read r = read(kCaseHeader + "P1,Northgate,licence,1900-01-01,2200-12-31,medium,B2,male,S1\n", kStaff);
  EXPECT_TRUE(r.problems.empty()) << listing(r.problems);
  EXPECT_TRUE(r.snapshot);
}

TEST(SnapshotCsvDateRange, ALicenceWhoseSentenceBeganBefore1990IsARealCase) {
  // A life licensee sentenced in 1985: before the scenario's own range, and taken.
  const Read r = read(kCaseHeader + "P1,Northgate,licence,1985-06-01,2030-12-31,high,A2,male,S1\n", kStaff);
  EXPECT_TRUE(r.problems.empty()) << listing(r.problems);
  EXPECT_TRUE(r.snapshot);
  const Read early =
      read(kCaseHeader + "P1,Northgate,licence,1899-12-31,2030-12-31,high,A2,male,S1\n", kStaff);
  expect_one(early, early.caseload_file, 2, "sentence_start_date",
             "must be a date from 1900 to 2200, found 1899-12-31");
}
