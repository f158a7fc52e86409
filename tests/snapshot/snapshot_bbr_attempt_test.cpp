// A man's current BBR attempt from the snapshot (issue 21): the optional bbr_sessions_missed (BBR-5
// removes on the third) and bbr_start_date (the order men awaiting a group take places in) are imported
// as given, refused at FILE:LINE:COLUMN when they cannot be, and written back as given (none invented).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "caseload/imported_case.hpp"
#include "output/snapshot_writer.hpp"
#include "service/probation_service.hpp"
#include "snapshot/snapshot_test_support.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kStaff =
    "staff_id,pdu,grade,fte\n"
    "S1,Northgate,po,1.0\n"
    "S2,Northgate,facilitator,1.0\n";
const std::string kHeader =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,domestic_abuse,"
    "bbr_status,bbr_requirement_date,bbr_sessions_attended,bbr_group,bbr_sessions_missed,bbr_start_date\n";
const std::string kRow = "Northgate,community_order,2022-03-01,2025-03-01,medium,B2,male,true,";
// Snapshot day 2023-01-01.
const std::string kCases = "A1," + kRow + "attending,2022-03-01,6,G,2,2022-06-07\n" +    //
                           "A2," + kRow + "attending,2022-03-01,6,G,,\n" +               //
                           "Q1," + kRow + "awaiting_group,2022-03-01,,,,2022-12-05\n" +  //
                           "Q2," + kRow + "awaiting_group,2022-03-01,,,,\n";

// The example with `caseload` and this file's staff.
Scenario load_with(const std::filesystem::path& dir, const std::string& caseload) {
  return load_example_from_csvs(dir, caseload, kStaff, {"interventions.enabled=true"});
}

}  // namespace

TEST(SnapshotBbrAttempt, MissedSessionsAndStartDatesAreImportedAsGiven) {
  const auto dir = scratch("day0");
  const Scenario s = load_with(dir, kHeader + kCases);
  ASSERT_TRUE(s.snapshot);
  ProbationService service(s, replication_seed(1, 1));
  const InterventionsTeam& team = *service.observed_teams()[0];
  std::map<CaseId, std::string> names;
  for (std::uint64_t i = 0; i < 4; ++i)
    names[make_imported_case_id(0, i)] = std::string("A1A2Q1Q2").substr(2 * i, 2);
  std::map<std::string, std::pair<int, Day>> seen;
  for (const Participant& p : team.participants()) seen[names.at(p.case_id)] = {p.misses, p.start_day};
  const Day june_7 = -static_cast<Day>(CalendarDate{2023, 1, 1}.days_since_epoch() -
                                       CalendarDate{2022, 6, 7}.days_since_epoch());
  EXPECT_EQ(seen["A1"], (std::pair<int, Day>{2, june_7}));
  EXPECT_EQ(seen["A2"], (std::pair<int, Day>{0, -1}));  // none given: none missed, started the day before
  EXPECT_EQ(seen["Q1"].second, -27);                    // 2022-12-05
  EXPECT_EQ(seen["Q2"].second, -1);

  // Written back as given: the given start dates, and none invented for A2 and Q2.
  std::vector<const PduOffice*> offices(service.observed_offices());
  write_snapshot_csvs(s, offices, -1, (dir / "c1.csv").string(), (dir / "s1.csv").string(),
                      service.observed_teams());
  std::istringstream in(read_text(dir / "c1.csv"));
  std::string line;
  std::getline(in, line);
  ASSERT_NE(line.find(",bbr_group,bbr_sessions_missed,bbr_start_date,"), std::string::npos) << line;
  std::vector<std::string> tails;
  while (std::getline(in, line)) {
    // The group is written under the run's name for it, `<team>/bbr-1`.
    const std::size_t group = line.find("/bbr-1,");
    tails.push_back(group != std::string::npos ? line.substr(group + 6)
                                               : line.substr(line.find("awaiting_group")));
  }
  ASSERT_EQ(tails.size(), 4u);
  EXPECT_EQ(tails[0].substr(0, 15), ",2,2022-06-07,,");
  EXPECT_EQ(tails[1].substr(0, 5), ",0,,,");
  EXPECT_EQ(tails[2].substr(0, 36), "awaiting_group,2022-03-01,,,,2022-12");
  EXPECT_EQ(tails[3].substr(0, 30), "awaiting_group,2022-03-01,,,,,");
}

TEST(SnapshotBbrAttempt, BadValuesAreRefusedWithFileLineAndColumn) {
  const auto dir = scratch("bad");
  write_text(dir / "staff.csv", kStaff);
  write_text(dir / "caseload.csv", kHeader +                                                      // line
                                       "B1," + kRow + "waiting,2022-03-01,,,1,\n" +               // 2
                                       "B2," + kRow + "attending,2022-03-01,6,G,3,\n" +           // 3
                                       "B3," + kRow + "waiting,2022-03-01,,,,2022-06-01\n" +      // 4
                                       "B4," + kRow + "attending,2022-03-01,6,G,,2023-02-01\n" +  // 5
                                       "B5," + kRow + "attending,2022-03-01,6,G,,2022-02-01\n");  // 6
  const Scenario s = load_example({"interventions.enabled=true"});
  std::vector<CsvProblem> problems;
  EXPECT_FALSE(read_snapshot_csvs(
      SnapshotFiles{(dir / "caseload.csv").string(), (dir / "staff.csv").string()}, s, problems));
  std::vector<std::string> found;
  for (const CsvProblem& p : problems) found.push_back(p.describe());
  const std::string file = (dir / "caseload.csv").string();
  EXPECT_EQ(found,
            (std::vector<std::string>{
                file + ":2:bbr_sessions_missed: error: is given for a man not attending; only attending "
                       "and attending_one_to_one have sessions missed in a current attempt",
                file + ":3:bbr_sessions_missed: error: must be from 0 to 2 sessions (a man missing more is "
                       "removed, BBR-5), found 3",
                file + ":4:bbr_start_date: error: is given for a man not yet started (waiting)",
                file + ":5:bbr_start_date: error: is after the snapshot day 2023-01-01",
                file + ":6:bbr_start_date: error: is before bbr_requirement_date",
            }));
}
