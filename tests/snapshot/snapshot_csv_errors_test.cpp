// Bad snapshot CSVs (issue 21): every problem in one pass, each naming the file, the line and the
// column, with a message that says what is wrong. Each test writes the two files, reads them against the
// shipped example scenario (PDUs Northgate, Eastmoor, Southbridge; snapshot day 2023-01-01) and checks
// the problems it expects, and no others.
#include <gtest/gtest.h>

#include "snapshot/snapshot_csv_read.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

TEST(SnapshotCsvErrors, TheValidFilesHaveNoProblems) {
  const Read r = read(kCaseHeader + kCase, kStaff);
  EXPECT_TRUE(r.problems.empty()) << listing(r.problems);
  ASSERT_TRUE(r.snapshot);
  EXPECT_EQ(r.snapshot->cases.size(), 1u);
  EXPECT_EQ(r.snapshot->staff.size(), 4u);
}

TEST(SnapshotCsvErrors, MalformedDate) {
  const Read r =
      read(kCaseHeader + "P1,Northgate,community_order,2022-13-01,2023-06-01,medium,B2,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "sentence_start_date",
             "2022-13-01 is not a date: there is no month 13 (months run 01 to 12)");
}

TEST(SnapshotCsvErrors, DateInAnotherFormat) {
  const Read r =
      read(kCaseHeader + "P1,Northgate,community_order,2022-06-01,01/06/2023,medium,B2,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "expected_end_date", "malformed date '01/06/2023'");
}

TEST(SnapshotCsvErrors, PduNotInTheScenario) {
  const Read r =
      read(kCaseHeader + "P1,Northgat,community_order,2022-06-01,2023-06-01,medium,B2,male,\n", kStaff);
  expect_one(r, r.caseload_file, 2, "pdu",
             "PDU 'Northgat' is not in the scenario (did you mean 'Northgate'?)");
}

TEST(SnapshotCsvErrors, StaffPduNotInTheScenario) {
  const Read r = read(kCaseHeader, kStaff + "S5,Westfield,po,1.0\n");
  expect_one(r, r.staff_file, 6, "pdu", "PDU 'Westfield' is not in the scenario");
}

TEST(SnapshotCsvErrors, PractitionerWithNoStaffRow) {
  const Read r =
      read(kCaseHeader + "P1,Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,S9\n", kStaff);
  expect_one(r, r.caseload_file, 2, "practitioner", "no staff row has staff_id 'S9'");
}

TEST(SnapshotCsvErrors, PractitionerInAnotherPdu) {
  const Read r =
      read(kCaseHeader + "P1,Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,S4\n", kStaff);
  expect_one(r, r.caseload_file, 2, "practitioner", "'S4' works in PDU 'Eastmoor', not in 'Northgate'");
}

TEST(SnapshotCsvErrors, PractitionerOfAGradeThatHoldsNoCases) {
  const Read r =
      read(kCaseHeader + "P1,Eastmoor,community_order,2022-06-01,2023-06-01,medium,B2,male,S3\n", kStaff);
  expect_one(r, r.caseload_file, 2, "practitioner", "'S3' is grade spo, which holds no cases");
}

TEST(SnapshotCsvErrors, EndBeforeStart) {
  const Read r = read(kCaseHeader + "P1,Northgate,licence,2022-06-01,2022-05-01,medium,B2,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "expected_end_date", "is before sentence_start_date");
}

TEST(SnapshotCsvErrors, CaseEndedBeforeTheSnapshotDay) {
  const Read r = read(kCaseHeader + "P1,Northgate,licence,2022-06-01,2022-12-31,medium,B2,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "expected_end_date", "is on or before the snapshot day 2023-01-01");
}

TEST(SnapshotCsvErrors, SentenceStartingAfterTheSnapshotDay) {
  const Read r = read(kCaseHeader + "P1,Northgate,licence,2023-02-01,2024-02-01,medium,B2,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "sentence_start_date", "is after the snapshot day 2023-01-01");
}

TEST(SnapshotCsvErrors, UnknownSentenceType) {
  const Read r =
      read(kCaseHeader + "P1,Northgate,community,2022-06-01,2023-06-01,medium,B2,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "sentence_type",
             "'community' is not one of community_order, suspended_sentence_order, licence (did you mean "
             "'community_order'?)");
}

TEST(SnapshotCsvErrors, UnknownTier) {
  const Read r = read(kCaseHeader + "P1,Northgate,licence,2022-06-01,2023-06-01,medium,E1,male,S1\n", kStaff);
  expect_one(r, r.caseload_file, 2, "tier", "'E1' is not one of A3, A2,");
}

TEST(SnapshotCsvErrors, DuplicatePersonId) {
  const Read r = read(kCaseHeader + kCase + kCase, kStaff);
  expect_one(r, r.caseload_file, 3, "person_id", "duplicate person id 'P1' (first on line 2)");
}

TEST(SnapshotCsvErrors, DuplicateStaffId) {
  const Read r = read(kCaseHeader, kStaff + "S2,Southbridge,pso,1.0\n");
  expect_one(r, r.staff_file, 6, "staff_id", "duplicate staff id 'S2' (first on line 3)");
}

TEST(SnapshotCsvErrors, EmptyCaseloadFile) {
  const Read r = read("", kStaff);
  expect_one(r, r.caseload_file, 1, "header",
             "the file is empty; expected a header row with at least person_id");
}

TEST(SnapshotCsvErrors, StaffFileWithOnlyAByteOrderMarkAndBlankLines) {
  const Read r = read(kCaseHeader, "\xEF\xBB\xBF\r\n\r\n");
  // The case file's header is fine; its one missing practitioner list is no problem with no rows.
  expect_one(r, r.staff_file, 1, "header", "the file is empty");
}

// A staff file with its header only: one problem, not one per case that names a practitioner.
TEST(SnapshotCsvErrors, AStaffFileWithNoRowsIsOneProblem) {
  const Read r =
      read(kCaseHeader + kCase + "P2,Northgate,community_order,2022-06-01,2023-06-01,low,C1,male,S2\n",
           "staff_id,pdu,grade,fte\n");
  expect_one(r, r.staff_file, 1, "header",
             "the file has no staff rows, but 2 rows of the caseload name a practitioner");
}

TEST(SnapshotCsvErrors, UnknownColumnWithSuggestion) {
  const Read r = read(
      "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitoner\n" + kCase,
      kStaff);
  expect_one(r, r.caseload_file, 1, "practitoner", "unknown column (did you mean 'practitioner'?)");
}

// A staff file whose header is wrong has no rows read; the cases naming its staff are not each reported
// as naming nobody (one misspelt column used to give a problem per case as well).
TEST(SnapshotCsvErrors, AStaffHeaderProblemIsNotRepeatedOnEveryCaseThatNamesItsStaff) {
  const Read r =
      read(kCaseHeader + kCase + "P2,Northgate,community_order,2022-06-01,2023-06-01,low,C1,male,S2\n",
           "staff_id,pdu,grade,ftee\nS1,Northgate,po,1.0\nS2,Northgate,pso,0.6\n");
  ASSERT_EQ(r.problems.size(), 2u) << listing(r.problems);  // the unknown column, and fte then missing
  EXPECT_EQ(r.problems[0].column, "ftee");
  EXPECT_NE(r.problems[0].message.find("did you mean 'fte'?"), std::string::npos) << listing(r.problems);
  EXPECT_EQ(r.problems[1].file, r.staff_file);
  EXPECT_FALSE(r.snapshot);
}

TEST(SnapshotCsvErrors, ColumnTheModelCannotRepresentIsRefusedWithTheReason) {
  const Read r = read(kCaseHeader.substr(0, kCaseHeader.size() - 1) + ",structured_intervention\n" +
                          kCase.substr(0, kCase.size() - 1) + ",stepwise\n",
                      kStaff);
  expect_one(r, r.caseload_file, 1, "structured_intervention",
             "column not supported: a structured intervention is given by si_programme, si_status");
}

TEST(SnapshotCsvErrors, RequiredColumnMissing) {
  const Read r = read("person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,sex\n", kStaff);
  expect_one(r, r.caseload_file, 1, "tier", "required column is missing from the header");
}

// With rows under the header, the missing column is the one problem: the rows are not read, so no row
// reports the same column empty (a caseload of 1,141 rows gave 1,141 problems).
TEST(SnapshotCsvErrors, RequiredColumnMissingAboveRowsIsOneProblem) {
  const Read r =
      read("person_id,pdu,sentence_type,sentence_start_date,expected_end_date,tier,sex,practitioner\n" +
               std::string("P1,Northgate,community_order,2022-06-01,2023-06-01,B2,male,S1\n") +
               "P2,Northgate,licence,2022-06-01,2023-06-01,B2,male,S1\n",
           kStaff);
  expect_one(r, r.caseload_file, 1, "rosh", "required column is missing from the header");
}

// A staff row with too many fields is its own one problem, named as the row; the case that names that
// person is not told that no staff row has their id.
TEST(SnapshotCsvErrors, AMalformedStaffRowIsNotRepeatedByTheCasesThatNameIt) {
  const Read r = read(kCaseHeader + kCase, "staff_id,pdu,grade,fte\nS1,Northgate,po,1.0,extra\n");
  expect_one(r, r.staff_file, 2, "row", "the row has 5 fields, the header 4");
}

// Named as the row, where the comma is missing, and where it stops, so the user sees which values moved.
TEST(SnapshotCsvErrors, RowWithTooFewFields) {
  const Read r = read(kCaseHeader + kCase + "P2,Northgate,licence,2022-06-01\n", kStaff);
  expect_one(r, r.caseload_file, 3, "row",
             "the row has 4 fields, the header 9 (it ends before column 'expected_end_date')");
}

TEST(SnapshotCsvErrors, FteOutOfRange) {
  const Read r = read(kCaseHeader, "staff_id,pdu,grade,fte\nS1,Northgate,po,1.5\n");
  expect_one(r, r.staff_file, 2, "fte", "must be from 0.1 to 1 FTE, found 1.5");
}

TEST(SnapshotCsvErrors, BothFteAndContractedHours) {
  const Read r =
      read(kCaseHeader, "staff_id,pdu,grade,fte,contracted_hours_per_week\nS1,Northgate,po,1.0,37\n");
  expect_one(r, r.staff_file, 1, "contracted_hours_per_week", "give either fte or contracted_hours_per_week");
}

TEST(SnapshotCsvErrors, TrainingMonthOnAGradeThatIsNotPqip) {
  const Read r = read(kCaseHeader, "staff_id,pdu,grade,fte,pqip_training_month\nS1,Northgate,po,1.0,4\n");
  expect_one(r, r.staff_file, 2, "pqip_training_month", "applies only to grade pqip");
}

TEST(SnapshotCsvErrors, LongTermSickWithoutAReturnDate) {
  const Read r = read(kCaseHeader, "staff_id,pdu,grade,fte,long_term_sick\nS1,Northgate,po,1.0,true\n");
  expect_one(r, r.staff_file, 2, "sickness_end_date", "is empty; a value is required");
}

TEST(SnapshotCsvErrors, ReductionWithoutAReason) {
  const Read r =
      read(kCaseHeader, "staff_id,pdu,grade,fte,reduction_pct,reduction_reason\nS1,Northgate,po,1.0,20,\n");
  expect_one(r, r.staff_file, 2, "reduction_reason", "is empty; a value is required");
}

TEST(SnapshotCsvErrors, EveryProblemInBothFilesInOnePass) {
  const Read r = read(kCaseHeader + "P1,Northgate,community_order,2022-06-1,2023-06-01,medium,B2,male,S1\n" +
                          "P2,Northgate,licence,2022-06-01,2023-06-01,extreme,B2,male,S1\n" +
                          "P3,Southbridge,licence,2022-06-01,2023-06-01,low,D1,male,S7\n",
                      kStaff + "S5,Southbridge,po,2\n");
  ASSERT_EQ(r.problems.size(), 4u) << listing(r.problems);
  EXPECT_EQ(r.problems[0].describe(), r.staff_file + ":6:fte: error: must be from 0.1 to 1 FTE, found 2");
  EXPECT_EQ(
      r.problems[1].describe(),
      r.caseload_file + ":2:sentence_start_date: error: malformed date '2022-06-1'; expected YYYY-MM-DD");
  EXPECT_EQ(r.problems[2].describe(),
            r.caseload_file + ":3:rosh: error: 'extreme' is not one of low, medium, high, very_high");
  EXPECT_EQ(r.problems[3].describe(),
            r.caseload_file + ":4:practitioner: error: no staff row has staff_id 'S7'");
}

TEST(SnapshotCsvErrors, ByteOrderMarkCrlfAndQuotedFieldsAreAccepted) {
  const std::string caseload =
      "\xEF\xBB\xBF" + kCaseHeader.substr(0, kCaseHeader.size() - 1) + "\r\n" +
      "\"P,1\",Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,S1\r\n";
  std::string staff = "\xEF\xBB\xBFstaff_id,pdu,grade,fte\r\nS1,Northgate,po,1.0\r\n";
  const Read r = read(caseload, staff);
  EXPECT_TRUE(r.problems.empty()) << listing(r.problems);
  ASSERT_TRUE(r.snapshot);
  ASSERT_EQ(r.snapshot->cases.size(), 1u);
  EXPECT_EQ(r.snapshot->cases[0].person_id, "P,1");
  EXPECT_EQ(r.snapshot->cases[0].practitioner, 0);  // "S1", not "S1\r"
  EXPECT_EQ(r.snapshot->staff[0].staff_id, "S1");
}

// Through the scenario loader: the same problems in the loader's one list, printed as
// FILE:LINE:COLUMN: error: message, and no scenario.
TEST(SnapshotCsvErrors, TheLoaderReportsThemAsFileLineColumn) {
  const auto dir = scratch("loader");
  write_text(dir / "caseload.csv",
             kCaseHeader + "P1,Northgate,community_order,2022-06-01,2023-06-01,medium,Z9,male,S1\n");
  write_text(dir / "staff.csv", kStaff);
  write_text(dir / "scenario.yaml", "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
                                        "\nsimulation: {caseload_csv: caseload.csv, staff_csv: staff.csv}\n");
  Diagnostics diagnostics;
  auto loaded = load_scenario((dir / "scenario.yaml").string(), {}, diagnostics);
  EXPECT_FALSE(loaded);
  EXPECT_EQ(diagnostics.describe(),
            (dir / "caseload.csv").string() +
                ":2:tier: error: 'Z9' is not one of A3, A2, A1, A0, B3, B2, B1, B0, C3, "
                "C2, C1, C0, D3, D2, D1, D0\n");
}

// A CSV that is not there is named at the scenario's key and line, with the path as resolved.
TEST(SnapshotCsvErrors, AMissingFileIsNamedAtItsScenarioKey) {
  const auto dir = scratch("missing");
  write_text(dir / "staff.csv", kStaff);
  write_text(dir / "scenario.yaml", "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
                                        "\nsimulation: {caseload_csv: nothere.csv, staff_csv: staff.csv}\n");
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario((dir / "scenario.yaml").string(), {}, diagnostics));
  const std::string text = diagnostics.describe();
  EXPECT_NE(text.find("scenario.yaml:2:"), std::string::npos) << text;
  EXPECT_NE(text.find("key 'simulation.caseload_csv': no such file: " + (dir / "nothere.csv").string()),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("staff_csv"), std::string::npos) << text;
}

// A snapshot with interventions on loads (its BBR list is imported, not drawn: snapshot_bbr_test.cpp);
// a BBR record with interventions off would be dropped, so it is refused.
TEST(SnapshotCsvErrors, ABbrRecordWithInterventionsOffIsRefused) {
  Diagnostics diagnostics;
  EXPECT_TRUE(load_scenario(source_path("scenarios/example_region_snapshot.yaml"),
                            {"interventions.enabled=true"}, diagnostics))
      << diagnostics.describe();
  const Read r = read(
      "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,"
      "domestic_abuse,bbr_status,bbr_requirement_date\n"
      "P1,Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,true,waiting,2022-06-01\n",
      kStaff);
  expect_one(r, r.caseload_file, 2, "bbr_status", "the scenario has interventions off");
}
