// Unbalanced quotes in the snapshot CSVs: a quoted field that runs on past its line takes later lines in
// as one field. It is reported once, at the line and column where the quote opened, and the rows it took
// in are not reported again by each case that names a person on them.
#include <gtest/gtest.h>

#include "snapshot/snapshot_csv_read.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

TEST(SnapshotCsvQuotes, UnclosedQuote) {
  const Read r =
      read(kCaseHeader + kCase + "\"P2,Northgate,licence,2022-06-01,2023-06-01,medium,B2,male,S1\n", kStaff);
  EXPECT_FALSE(r.snapshot);
  ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_EQ(r.problems[0].column, "person_id") << listing(r.problems);
  EXPECT_NE(r.problems[0].message.find("never closed"), std::string::npos) << listing(r.problems);
}

// What quotes are for is still read: a comma inside quotes, a doubled quote, a quoted last column and
// CRLF line ends.
TEST(SnapshotCsvQuotes, LegitimatelyQuotedFieldsAreRead) {
  const Read r =
      read(kCaseHeader + "\"P1\",Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,\"S1\"\r\n",
           "staff_id,pdu,grade,fte\r\n\"S1\",\"Northgate\",po,1.0\r\n");
  EXPECT_TRUE(r.problems.empty()) << listing(r.problems);
  EXPECT_TRUE(r.snapshot);
  const Read commas = read(
      kCaseHeader + "\"P,1 \"\"x\"\"\",Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,S1\n",
      kStaff);
  EXPECT_TRUE(commas.problems.empty()) << listing(commas.problems);
  EXPECT_TRUE(commas.snapshot);
}

// A stray quote pairs with another lines later: the rows between are read as one field of the first. The
// message says where the quoted field runs to, not only that the row is short.
TEST(SnapshotCsvQuotes, AStrayQuotePairedLinesLaterNamesTheLinesItTookIn) {
  const Read r =
      read(kCaseHeader + kCase + "\"P2,Northgate,licence,2022-06-01,2023-06-01,medium,B2,male,S1\n" +
               "P3,Northgate,licence,2022-06-01,2023-06-01,medium,B2,male,S1\n" +
               "P4,Northgate,licence,2022-06-01,2023-06-01,me\"dium,B2,male,S1\n",
           kStaff);
  EXPECT_FALSE(r.snapshot);
  ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_NE(
      r.problems[0].message.find("a quoted field runs from this line to line 5 (3 lines read as one row): "
                                 "is a quote (\") unbalanced?"),
      std::string::npos)
      << listing(r.problems);
}

// The probe's case: a quote opened at a staff row's id and never closed swallows every later staff row;
// the cases naming those people were each reported as naming nobody (78 problems for one quote).
TEST(SnapshotCsvQuotes, AQuoteNeverClosedInTheStaffIsOneProblemNotOnePerCaseNamingItsRows) {
  const Read r =
      read(kCaseHeader + kCase + "P2,Northgate,licence,2022-06-01,2023-06-01,medium,B2,male,S2\n" +
               "P3,Eastmoor,licence,2022-06-01,2023-06-01,medium,B2,male,S4\n",
           "staff_id,pdu,grade,fte\n\"S1,Northgate,po,1.0\nS2,Northgate,pso,0.6\nS3,Eastmoor,spo,1.0\n"
           "S4,Eastmoor,po,1.0\n");
  ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
  EXPECT_EQ(
      r.problems[0].describe(),
      r.staff_file +
          ":2:staff_id: error: a quoted field opened on this line is never closed: it runs to the end of "
          "the file (4 lines read as one field, to line 5); is a quote (\") unbalanced?");
  EXPECT_FALSE(r.snapshot);
}

// Named at the column the quote opened in, not at `header` (which stands for the whole file).
TEST(SnapshotCsvQuotes, AQuoteNeverClosedOnTheLastRowIsNamedAtItsColumn) {
  const Read r = read(kCaseHeader, kStaff + "S5,Eastmoor,\"po,1.0\n");
  expect_one(r, r.staff_file, 6, "grade",
             "a quoted field opened on this line is never closed; is a quote (\") unbalanced?");
}

// A quote never closed in the header takes in the whole file: one problem, not an unknown column named by
// the file's text and a missing column for every one it swallowed.
TEST(SnapshotCsvQuotes, AQuoteNeverClosedInTheHeaderIsOneProblem) {
  const Read r = read(kCaseHeader + kCase, "\"staff_id,pdu,grade,fte\nS1,Northgate,po,1.0\n");
  ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
  EXPECT_EQ(r.problems[0].line, 1);
  EXPECT_EQ(r.problems[0].column, "header");
  EXPECT_NE(r.problems[0].message.find("never closed: the rest of the file was read as part of the header"),
            std::string::npos)
      << listing(r.problems);
}

// A stray quote paired with another lines later in the staff file: the people on the lines between are
// not each reported by the cases that name them.
TEST(SnapshotCsvQuotes, StaffOnLinesAStrayQuoteTookInAreNotReportedByTheirCases) {
  const Read r =
      read(kCaseHeader + kCase + "P2,Northgate,licence,2022-06-01,2023-06-01,medium,B2,male,S2\n",
           "staff_id,pdu,grade,fte\n\"S1,Northgate,po,1.0\nS2,Northgate,pso,0.6\nS3,Eastm\"oor,spo,1.0\n");
  ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
  EXPECT_EQ(r.problems[0].line, 2);
  EXPECT_NE(
      r.problems[0].message.find("the row has 3 fields, the header 4; a quoted field runs from this line to "
                                 "line 4 (3 lines read as one row)"),
      std::string::npos)
      << listing(r.problems);
}

TEST(SnapshotCsvQuotes, OneFieldIsCountedInTheSingular) {
  const Read r = read(kCaseHeader, kStaff + "S5\n");
  expect_one(r, r.staff_file, 6, "row", "the row has 1 field, the header 4 (it ends before column 'pdu')");
}
