// The caseload CSV's next_review_due and sara_level (issue 21: "next review due", "SARA level"): each
// case's next periodic review is due on the day its row gives, from day 0 (for a case held on day 0 and
// for one waiting to be allocated), `probsim snapshot` writes both back as read, and bad values are
// refused at FILE:LINE:COLUMN. The periodic reviews themselves are tested in
// tests/unit/periodic_review_due_test.cpp.
#include <gtest/gtest.h>

#include "caseload/imported_case.hpp"
#include "output/snapshot_writer.hpp"
#include "snapshot/snapshot_test_support.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kStaff = "staff_id,pdu,grade,fte\nS1,Northgate,po,1.0\nS2,Eastmoor,po,1.0\n";
const std::string kHeader =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,domestic_abuse,"
    "practitioner,next_review_due,sara_level\n";

}  // namespace

// Snapshot day 2023-01-01 (day 0). R1: due Wednesday 2023-02-15. R2: overdue since 2022-12-20, open and
// late from day 0. R3: no column, so every 16 weeks from its start. R4: held by nobody on day 0 (the
// rule allocates it), due 2023-03-01.
TEST(SnapshotAssessment, EachCasesNextReviewIsDueOnTheDayItsRowGives) {
  const auto dir = scratch("review_due");
  const std::string rows =
      kHeader +
      "R1,Northgate,licence,2022-06-01,2025-06-01,high,A3,male,true,S1,2023-02-15,high\n"
      "R2,Northgate,community_order,2022-03-01,2024-03-01,medium,B2,female,true,S1,2022-12-20,low\n"
      "R3,Northgate,community_order,2022-10-03,2024-10-03,low,C1,male,false,S1,,\n"
      "R4,Eastmoor,community_order,2022-11-01,2024-11-01,low,C1,male,false,,2023-03-01,\n";
  const Scenario s = load_example_from_csvs(dir, rows, kStaff);
  ASSERT_TRUE(s.snapshot);
  SnapshotOffices built(s, replication_seed(1, 1));
  const CalendarDate day0 = s.window.day_zero();
  auto day_of = [&](const CalendarDate& d) {
    return static_cast<Day>(d.days_since_epoch() - day0.days_since_epoch());
  };
  std::map<CaseId, std::optional<Day>> due;
  for (const auto& office : built.offices)
    office->for_each_open_case_slot(
        [&](std::uint32_t slot, const Case& c) { due[c.id] = office->next_periodic_review_due(slot); });
  ASSERT_EQ(due.size(), 4u);
  EXPECT_EQ(due[make_imported_case_id(0, 0)], day_of({2023, 2, 15}));
  EXPECT_EQ(due[make_imported_case_id(0, 1)], day_of({2022, 12, 20}));
  // R3: started 2022-10-03, so reviews fall on 2023-01-23 (112 days on), due 5 working days later.
  EXPECT_EQ(due[make_imported_case_id(0, 2)], built.calendar.add_working_days(day_of({2023, 1, 23}), 5));
  EXPECT_EQ(due[make_imported_case_id(1, 0)], day_of({2023, 3, 1}));

  // Written on the snapshot day, both columns come back as read.
  std::vector<const PduOffice*> offices;
  for (const auto& o : built.offices) offices.push_back(o.get());
  write_snapshot_csvs(s, offices, -1, (dir / "c1.csv").string(), (dir / "s1.csv").string());
  const std::string written = read_text(dir / "c1.csv");
  EXPECT_NE(written.find("/po-001,2023-02-15,high,"), std::string::npos) << written;
  EXPECT_NE(written.find("/po-001,2022-12-20,low,"), std::string::npos) << written;
  EXPECT_NE(written.find(",2023-03-01,,"), std::string::npos) << written;
}

TEST(SnapshotAssessment, BadValuesAreRefusedWithFileLineAndColumn) {
  const auto dir = scratch("assessment_bad");
  const std::string rows = kHeader +
                           "B1,Northgate,licence,2022-06-01,2025-06-01,high,A3,male,true,S1,2022-05-01,\n"
                           "B3,Northgate,licence,2022-06-01,2025-06-01,high,A3,male,true,S1,2023-13-01,\n"
                           "B4,Northgate,licence,2022-06-01,2025-06-01,high,A3,male,false,S1,,medium\n"
                           "B5,Northgate,licence,2022-06-01,2025-06-01,high,A3,male,true,S1,,moderate\n";
  const auto found = csv_problems(dir, rows, kStaff, load_example());
  const std::string file = (dir / "caseload.csv").string();
  expect_problems_at(found, {{file + ":2:next_review_due", "is on or before sentence_start_date"},
                             {file + ":3:next_review_due", "2023-13-01"},
                             {file + ":4:sara_level", "domestic_abuse is not true"},
                             {file + ":5:sara_level", "'moderate' is not one of low, medium, high"}});
}

// BBR-2: a BBR requirement needs SARA medium or high.
TEST(SnapshotAssessment, ABbrRequirementWithSaraLowIsRefused) {
  const auto dir = scratch("assessment_bbr");
  const std::string rows =
      "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,domestic_abuse,"
      "sara_level,bbr_status,bbr_requirement_date\n"
      "B1,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,low,waiting,2022-09-01\n"
      "B2,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,medium,waiting,2022-09-01\n";
  const auto found = csv_problems(dir, rows, kStaff, load_example({"interventions.enabled=true"}));
  const std::string file = (dir / "caseload.csv").string();
  expect_problems_at(found, {{file + ":2:sara_level", "needs SARA medium or high (BBR-2)"}});
}
