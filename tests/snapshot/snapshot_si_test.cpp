// Structured interventions (SI-2..5) imported from the snapshot caseload's si_ columns (issue 21): on
// day 0 each programme's list and groups are the rows, a person with k sessions attended completes after
// the remaining sessions on the group's days, bad values are refused as FILE:LINE:COLUMN, and a
// simulated day written with its SI columns and imported again gives the same file back.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "snapshot/snapshot_programme_support.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kHeader =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,domestic_abuse,"
    "bbr_status,bbr_requirement_date,bbr_sessions_attended,bbr_group,"
    "si_programme,si_status,si_requirement_date,si_sessions_attended,si_group\n";
// Snapshot day 2023-01-01 (a Sunday). The shipped SIs (stepwise and positive_pathways_plus 10 sessions,
// help 15, men only; rolling groups in modules of 5, once a week, on Tuesday); attendance certain, so
// the schedule is exact. One man is on BBR, one case on nothing.
const std::string kCases =
    "W1,Northgate,community_order,2022-09-01,2025-09-01,low,C2,female,true,,,,,stepwise,waiting,2022-09-01,,"
    "\n"
    "W2,Eastmoor,licence,2022-10-01,2025-03-01,medium,C2,male,true,,,,,positive_pathways_plus,waiting,"
    "2022-10-01,,\n"
    "R1,Northgate,community_order,2022-12-20,2025-12-20,low,C1,female,true,,,,,stepwise,in_readiness,"
    "2022-12-20,,\n"
    "A1,Northgate,community_order,2022-03-01,2025-03-01,medium,B2,female,true,,,,,stepwise,attending,"
    "2022-03-01,5,North S\n"
    "A2,Eastmoor,community_order,2022-03-01,2025-03-01,medium,B2,male,true,,,,,stepwise,attending,"
    "2022-03-01,0,North S\n"
    "A3,Northgate,licence,2022-02-01,2025-02-01,high,A2,male,true,,,,,help,attending,2022-02-01,12,Help 1\n"
    "J1,Northgate,community_order,2022-04-01,2025-04-01,low,C1,male,true,,,,,help,awaiting_rejoin,"
    "2022-04-01,5,\n"
    "C1,Northgate,community_order,2021-06-01,2024-06-01,medium,B2,female,true,,,,,stepwise,completed,"
    "2021-06-01,,\n"
    "D1,Northgate,community_order,2021-06-01,2024-06-01,medium,B2,male,true,,,,,help,removed,2021-06-01,"
    "10,\n"
    "B1,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,waiting,2022-09-01,,,,,,,\n"
    "X1,Northgate,community_order,2022-06-01,2024-06-01,medium,B2,female,false,,,,,,,,,\n";

const std::vector<std::string> kDeterministic = {
    "interventions.enabled=true", "interventions.bbr.attendance_probability=1",
    "interventions.structured_interventions.stepwise.attendance_probability=1",
    "interventions.structured_interventions.help.attendance_probability=1"};

}  // namespace

TEST(SnapshotSi, TheListsAndTheGroupsOnDayZeroAreTheRows) {
  const Scenario s =
      load_example_from_csvs(scratch("day0"), kHeader + kCases, kFacilitatorStaff, kDeterministic);
  ASSERT_TRUE(s.snapshot);
  ProbationService service(s, replication_seed(1, 1));
  ASSERT_EQ(service.observed_teams().size(), 1u);
  const InterventionsTeam& team = *service.observed_teams()[0];
  const auto names = person_of_id(kCases);

  struct Seen {
    std::uint32_t programme;
    std::string state;
    int sessions;
    auto operator<=>(const Seen&) const = default;
  };
  std::map<std::string, Seen> seen;
  std::map<std::int32_t, std::set<std::string>> members;
  for (const Participant& p : team.participants()) {
    const std::string who = names.at(p.case_id);
    seen[who] = {p.programme, std::string(kParticipantStateNames[static_cast<std::size_t>(p.state)]),
                 p.sessions_credited};
    if (p.group != kNoGroup) members[p.group].insert(who);
  }
  // Programmes: 0 BBR, 1 stepwise, 2 positive_pathways_plus, 3 help.
  const std::map<std::string, Seen> expected = {
      {"W1", {1, "waiting", 0}},         {"W2", {2, "waiting", 0}},    {"R1", {1, "in_readiness", 0}},
      {"A1", {1, "attending", 5}},       {"A2", {1, "attending", 0}},  {"A3", {3, "attending", 12}},
      {"J1", {3, "awaiting_rejoin", 5}}, {"C1", {1, "completed", 10}}, {"D1", {3, "removed", 10}},
      {"B1", {0, "waiting", 0}}};
  EXPECT_EQ(seen, expected);  // X1, with no programme columns, has no record
  std::set<std::set<std::string>> groups;
  for (const auto& [g, who] : members) groups.insert(who);
  EXPECT_EQ(groups, (std::set<std::set<std::string>>{{"A1", "A2"}, {"A3"}}));
  for (const ProgrammeGroup& g : team.groups()) {
    EXPECT_TRUE(g.open);
    EXPECT_TRUE(g.rolling);
    EXPECT_EQ(g.sessions_per_week, 1);  // the SIs' pace (SI-2..5 [Assume]: weekly)
    EXPECT_EQ(g.sessions_held, g.programme == 1 ? 5 : 12);
    EXPECT_EQ(g.cycle_position, g.programme == 1 ? 5 : 12);
  }
  EXPECT_EQ(team.waiting_to_start(1), 2);  // W1 and R1
  EXPECT_EQ(team.waiting_to_start(2), 1);  // W2
  EXPECT_EQ(team.waiting_to_start(3), 0);
  EXPECT_EQ(team.attending(1), 2);
  EXPECT_EQ(team.attending(3), 1);
  EXPECT_EQ(team.open_groups(), 2);
  // Each requirement counts; imported starts and completions happened before the run.
  EXPECT_EQ(team.counters(1).requirements, 5);
  EXPECT_EQ(team.counters(2).requirements, 1);
  EXPECT_EQ(team.counters(3).requirements, 3);
  for (std::uint32_t prog = 1; prog <= 3; ++prog) {
    EXPECT_EQ(team.counters(prog).starts, 0);
    EXPECT_EQ(team.counters(prog).completions, 0);
  }
  // The two running groups hold their facilitators' hours: 2 facilitators x 2.5 h, once a week, each.
  EXPECT_DOUBLE_EQ(team.reserved_hours_per_week(), 2 * 2 * 2.5);
}

// A person with k sessions attended completes on the (sessions - k)-th session day of the group from
// day 0: its Tuesdays that are working days.
TEST(SnapshotSi, APersonCompletesAfterTheRemainingSessions) {
  const Scenario s =
      load_example_from_csvs(scratch("schedule"), kHeader + kCases, kFacilitatorStaff, kDeterministic);
  ASSERT_TRUE(s.snapshot);
  std::map<std::string, Day> completed = completion_days(s, kCases, 120);
  const std::vector<Day> tuesdays = session_days(s, {1}, 120);
  ASSERT_EQ(completed.count("A1"), 1u);
  ASSERT_EQ(completed.count("A2"), 1u);
  ASSERT_EQ(completed.count("A3"), 1u);
  EXPECT_EQ(completed["A1"], tuesdays[10 - 5 - 1]);
  EXPECT_EQ(completed["A2"], tuesdays[10 - 0 - 1]);
  EXPECT_EQ(completed["A3"], tuesdays[15 - 12 - 1]);
  // J1 rejoins Help's group at its next module start (session 15 = 0 of the next cycle) and needs the
  // 10 sessions he lacks; nobody else completes from the rows in 120 days but these and him.
  EXPECT_EQ(completed["J1"], tuesdays[3 + 10 - 1]);
  EXPECT_EQ(completed.count("C1"), 0u);
  EXPECT_EQ(completed.count("D1"), 0u);
}

TEST(SnapshotSi, BadValuesAreRefusedWithFileLineAndColumn) {
  const auto dir = scratch("bad");
  const std::string p = "Q,Northgate,community_order,2022-09-01,2025-09-01,low,C2,";
  const std::string bad = kHeader +                                                                  // line
                          p + "female,true,,,,,stepwize,waiting,2022-09-01,,\n" +                    // 2
                          p + "female,true,,,,,stepwise,waitin,2022-09-01,,\n" +                     // 3
                          p + "female,true,,,,,help,waiting,2022-09-01,,\n" +                        // 4
                          p + "female,false,,,,,stepwise,waiting,2022-09-01,,\n" +                   // 5
                          p + "female,true,,,,,stepwise,waiting,2023-02-01,,\n" +                    // 6
                          p + "male,true,waiting,2022-09-01,,,stepwise,waiting,2022-09-01,,\n" +     // 7
                          p + "female,true,,,,,stepwise,attending,2022-09-01,10,G\n" +               // 8
                          p + "female,true,,,,,stepwise,awaiting_rejoin,2022-09-01,3,\n" +           // 9
                          p + "female,true,,,,,stepwise,waiting,2022-09-01,2,\n" +                   // 10
                          p + "female,true,,,,,stepwise,attending,2022-09-01,5,\n" +                 // 11
                          p + "female,true,,,,,stepwise,attending,2022-09-01,2,H\n" +                // 12
                          p + "female,true,,,,,positive_pathways_plus,attending,2022-09-01,2,H\n" +  // 13
                          p + "female,true,,,,,stepwise,attending,2022-09-01,4,H\n" +                // 14
                          p + "female,true,,,,,stepwise,waiting,2022-08-01,,\n" +                    // 15
                          p + "female,true,,,,,stepwise,,2022-09-01,,\n";                            // 16
  // Person ids must differ: number them by line.
  std::string numbered;
  std::istringstream in(bad);
  int line = 0;
  for (std::string text; std::getline(in, text); ++line)
    numbered += (line == 0 ? text : "Q" + std::to_string(line + 1) + text.substr(1)) + "\n";
  const std::vector<std::string> found =
      csv_problems(dir, numbered, kFacilitatorStaff, load_example(kDeterministic));
  const std::string file = (dir / "caseload.csv").string();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {file + ":2:si_programme",
       "'stepwize' is not one of the scenario's structured interventions (stepwise, positive_pathways_plus, "
       "help) (did you mean 'stepwise'?)"},
      {file + ":3:si_status", "'waitin' is not one of in_readiness, waiting, awaiting_rejoin"},
      {file + ":4:si_programme", "'help' is for men only (SI-4)"},
      {file + ":5:si_status", "structured interventions are for cases with domestic_abuse true (INT-5)"},
      {file + ":6:si_requirement_date", "is after the snapshot day 2023-01-01"},
      {file + ":7:si_status", "the row gives a BBR requirement too"},
      {file + ":8:si_sessions_attended", "must be from 0 to 9 sessions, found 10"},
      {file + ":9:si_sessions_attended", "keeps whole modules only (5 sessions each in 'stepwise'), found 3"},
      {file + ":10:si_sessions_attended", "is given for a person waiting"},
      {file + ":11:si_group", "is empty; a value is required"},
      {file + ":13:si_group", "group 'H' (first on line 12) runs 'stepwise', not 'positive_pathways_plus'"},
      {file + ":14:si_sessions_attended",
       "4 sessions does not fit group 'H' (1 of its 2 members fit line 12's 2)"},
      {file + ":15:si_requirement_date", "is before sentence_start_date"},
      {file + ":16:si_status", "is empty; a value is required"},
  };
  expect_problems_at(found, expected);
}

TEST(SnapshotSi, RefusedWithInterventionsOff) {
  const auto dir = scratch("off");
  const Scenario s = load_example();  // the example runs without interventions
  const std::vector<std::string> found =
      csv_problems(dir, kHeader + kCases.substr(0, kCases.find('\n') + 1), kFacilitatorStaff, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0],
            (dir / "caseload.csv").string() +
                ":2:si_status: error: a structured intervention is given but the scenario has interventions "
                "off (interventions.enabled); turn them on or leave the si_ columns empty");
}

// A simulated day with SIs under way, written by `probsim snapshot`'s writer: imported, it starts with
// the same lists and groups, so writing it again gives the same file (c1 == c2, byte for byte), and that
// file is the simulated one but for the person and staff ids the import gives.
TEST(SnapshotSi, ASimulatedDayWithItsSiListsRoundTrips) {
  const auto dir = scratch("round_trip");
  ASSERT_NO_FATAL_FAILURE(write_snapshot_round_trip(dir, {}));
  expect_the_round_trip_keeps_the_day(dir);
  // The day has SI lists and groups to carry.
  std::map<std::string, int> statuses;
  std::set<std::string> groups;
  const std::string c0 = read_text(dir / "c0.csv");
  const std::string header = c0.substr(0, c0.find('\n'));
  ASSERT_NE(header.find(",si_programme,si_status,si_requirement_date,si_sessions_attended,si_group"),
            std::string::npos)
      << header;
  for (const auto& row : csv_rows_of(c0)) {
    if (!row.at("si_status").empty()) statuses[row.at("si_programme") + "/" + row.at("si_status")] += 1;
    if (!row.at("si_group").empty()) groups.insert(row.at("si_group"));
  }
  std::cout << ::testing::PrintToString(statuses) << "\n";
  int attending = 0, waiting = 0;
  for (const auto& [k, n] : statuses) {
    if (k.ends_with("/attending")) attending += n;
    if (k.ends_with("/waiting")) waiting += n;
  }
  EXPECT_GT(attending, 3) << ::testing::PrintToString(statuses);
  EXPECT_GT(waiting, 0) << ::testing::PrintToString(statuses);
  EXPECT_GE(groups.size(), 1u);
}
