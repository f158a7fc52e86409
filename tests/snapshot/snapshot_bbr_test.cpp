// The BBR list and the groups running, imported from the snapshot caseload (issue 21): on day 0 the
// list and each group's members are the rows, a man with k sessions attended completes after the
// remaining sessions on the group's days, bad values are refused as FILE:LINE:COLUMN, and a simulated
// day written with its BBR columns and imported again gives the same file back.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "caseload/imported_case.hpp"
#include "output/snapshot_writer.hpp"
#include "service/probation_service.hpp"
#include "snapshot/snapshot_test_support.hpp"
#include "unit/model_run.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kStaff =
    "staff_id,pdu,grade,fte\n"
    "S1,Northgate,po,1.0\n"
    "S2,Northgate,facilitator,1.0\n"
    "S3,Northgate,facilitator,1.0\n"
    "S4,Eastmoor,po,1.0\n";
const std::string kHeader =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,domestic_abuse,"
    "bbr_status,bbr_requirement_date,bbr_sessions_attended,bbr_group\n";
// Snapshot day 2023-01-01 (a Sunday). Rolling BBR groups of 24 sessions in modules of 6, twice a week on
// Tuesday and Thursday (the shipped defaults); attendance certain, so the schedule is exact.
const std::string kCases =
    "W1,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,waiting,2022-09-01,,\n"
    "W2,Eastmoor,licence,2022-10-01,2025-03-01,medium,C2,male,true,waiting,2022-10-01,,\n"
    "W3,Northgate,community_order,2022-12-01,2025-12-01,low,C1,male,true,waiting,2022-12-01,,\n"
    "R1,Northgate,community_order,2022-12-20,2025-12-20,low,C1,male,true,in_readiness,2022-12-20,,\n"
    "A1,Northgate,community_order,2022-03-01,2025-03-01,medium,B2,male,true,attending,2022-03-01,6,North A\n"
    "A2,Eastmoor,community_order,2022-03-01,2025-03-01,medium,B2,male,true,attending,2022-03-01,12,North A\n"
    "A3,Northgate,licence,2022-02-01,2025-02-01,high,A2,male,true,attending,2022-02-01,20,North B\n"
    "C1,Northgate,community_order,2021-06-01,2024-06-01,medium,B2,male,true,completed,2021-06-01,,\n"
    "X1,Northgate,community_order,2022-06-01,2024-06-01,medium,B2,female,false,,,,\n";

const std::vector<std::string> kDeterministic = {"interventions.enabled=true",
                                                 "interventions.bbr.attendance_probability=1"};

Scenario load_with(const std::filesystem::path& dir, const std::string& caseload, const std::string& staff,
                   std::vector<std::string> overrides = kDeterministic) {
  write_text(dir / "caseload.csv", caseload);
  write_text(dir / "staff.csv", staff);
  overrides.push_back("simulation.caseload_csv=" + (dir / "caseload.csv").string());
  overrides.push_back("simulation.staff_csv=" + (dir / "staff.csv").string());
  return load_example(overrides);
}

// Person ids of the example file order: imported ids count rows within each PDU (Northgate 0, Eastmoor 1).
std::map<CaseId, std::string> person_of_id(const std::string& cases) {
  std::map<CaseId, std::string> names;
  std::map<std::string, std::uint64_t> next;
  std::istringstream in(cases);
  for (std::string line; std::getline(in, line);) {
    const std::string id = line.substr(0, line.find(','));
    const std::string pdu = line.substr(id.size() + 1, line.find(',', id.size() + 1) - id.size() - 1);
    const std::uint32_t index = pdu == "Northgate" ? 0 : pdu == "Eastmoor" ? 1 : 2;
    names[make_imported_case_id(index, next[pdu]++)] = id;
  }
  return names;
}

// The rows of a CSV with no quoted fields, keyed by the header's names.
std::vector<std::map<std::string, std::string>> csv_rows_of(const std::string& text) {
  std::istringstream in(text);
  auto split = [](const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
      fields.push_back(line.substr(start, comma - start));
    fields.push_back(line.substr(start));
    return fields;
  };
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto fields = split(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST(SnapshotBbr, TheListAndTheGroupsOnDayZeroAreTheRows) {
  const Scenario s = load_with(scratch("day0"), kHeader + kCases, kStaff);
  ASSERT_TRUE(s.snapshot);
  ProbationService service(s, replication_seed(1, 1));
  ASSERT_EQ(service.observed_teams().size(), 1u);
  const InterventionsTeam& team = *service.observed_teams()[0];
  const auto names = person_of_id(kCases);

  EXPECT_EQ(team.waiting_to_start(0), 4);  // W1..W3 waiting and R1 in readiness (BBRN-3 counts both)
  EXPECT_EQ(team.attending(0), 3);
  EXPECT_EQ(team.open_groups(), 2);
  std::map<std::string, std::set<std::string>> members;  // by group, the person ids in it
  std::map<std::string, std::pair<std::string, int>> state;
  for (const Participant& p : team.participants()) {
    const std::string who = names.at(p.case_id);
    state[who] = {std::string(kParticipantStateNames[static_cast<std::size_t>(p.state)]),
                  p.sessions_credited};
    if (p.group != kNoGroup) members[std::to_string(p.group)].insert(who);
  }
  const std::map<std::string, std::pair<std::string, int>> expected = {
      {"W1", {"waiting", 0}},      {"W2", {"waiting", 0}},   {"W3", {"waiting", 0}},
      {"R1", {"in_readiness", 0}}, {"A1", {"attending", 6}}, {"A2", {"attending", 12}},
      {"A3", {"attending", 20}},   {"C1", {"completed", 24}}};
  EXPECT_EQ(state, expected);  // X1, with no BBR columns, has no record
  std::set<std::set<std::string>> groups;
  for (const auto& [g, who] : members) groups.insert(who);
  EXPECT_EQ(groups, (std::set<std::set<std::string>>{{"A1", "A2"}, {"A3"}}));
  // Imported starts and completions happened before the run.
  EXPECT_EQ(team.counters(0).starts, 0);
  EXPECT_EQ(team.counters(0).completions, 0);
  EXPECT_EQ(team.counters(0).requirements, 8);
  EXPECT_GT(team.reserved_hours_per_week(), 0.0);  // the running groups hold their facilitators' hours
}

// A man with k sessions attended completes on the (24 - k)-th session day of his group from day 0: the
// group's Tuesdays and Thursdays that are working days.
TEST(SnapshotBbr, AManCompletesAfterHisRemainingSessions) {
  const Scenario s = load_with(scratch("schedule"), kHeader + kCases, kStaff);
  ASSERT_TRUE(s.snapshot);
  probsim::testing::ModelRun run(s);
  std::vector<InterventionEvent> log;
  const_cast<InterventionsTeam*>(run.service().observed_teams()[0])->set_event_log(&log);
  const auto names = person_of_id(kCases);
  run.run_through(120);

  WorkingCalendar calendar(s.window.day_zero(), s.bank_holidays, 0, s.window.last_day());
  std::vector<Day> session_days;
  for (Day d = 0; d <= 120; ++d) {
    const int weekday = calendar.weekday_index(d);
    if (calendar.is_working_day(d) && (weekday == 1 || weekday == 3)) session_days.push_back(d);
  }
  std::map<std::string, Day> completed;
  for (const InterventionEvent& e : log)
    if (e.kind == InterventionEvent::Kind::completion && names.count(e.case_id))
      completed[names.at(e.case_id)] = e.day;
  ASSERT_EQ(completed.count("A3"), 1u);
  ASSERT_EQ(completed.count("A2"), 1u);
  ASSERT_EQ(completed.count("A1"), 1u);
  EXPECT_EQ(completed["A3"], session_days[24 - 20 - 1]);
  EXPECT_EQ(completed["A2"], session_days[24 - 12 - 1]);
  EXPECT_EQ(completed["A1"], session_days[24 - 6 - 1]);
  // The first session after day 0 (Sunday 2023-01-01) is Tuesday 2023-01-03.
  EXPECT_EQ(s.window.date_of(session_days[0]).iso(), "2023-01-03");
}

TEST(SnapshotBbr, BadValuesAreRefusedWithFileLineAndColumn) {
  const auto dir = scratch("bad");
  write_text(dir / "staff.csv", kStaff);
  const std::string bad =
      kHeader +
      "B1,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,waitin,2022-09-01,,\n"
      "B2,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,attending,2022-09-01,30,G\n"
      "B3,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,attending,2022-09-01,3,\n"
      "B4,Northgate,community_order,2022-09-01,2025-09-01,high,B2,female,true,waiting,2022-09-01,,\n"
      "B5,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,waiting,2023-02-01,,\n"
      "B6,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,awaiting_rejoin,2022-09-01,7,\n"
      "B7,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,attending,2022-09-01,6,H\n"
      "B8,Eastmoor,community_order,2022-09-01,2025-09-01,high,B2,male,true,attending,2022-09-01,8,H\n"
      "B9,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,waiting,2022-09-01,4,\n"
      "B10,Northgate,community_order,2022-09-01,2025-09-01,high,B2,male,true,,2022-09-01,,\n";
  write_text(dir / "caseload.csv", bad);
  const Scenario s = load_example(kDeterministic);
  std::vector<CsvProblem> problems;
  const auto snapshot = read_snapshot_csvs(
      SnapshotFiles{(dir / "caseload.csv").string(), (dir / "staff.csv").string()}, s, problems);
  EXPECT_FALSE(snapshot);
  std::vector<std::string> found;
  for (const CsvProblem& p : problems) found.push_back(p.describe());
  const std::string file = (dir / "caseload.csv").string();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {file + ":2:bbr_status", "'waitin' is not one of in_readiness, waiting"},
      {file + ":3:bbr_sessions_attended", "must be from 0 to 23 sessions, found 30"},
      {file + ":4:bbr_group", "is empty; a value is required"},
      {file + ":5:bbr_status", "BBR is for men with domestic_abuse true"},
      {file + ":6:bbr_requirement_date", "is after the snapshot day 2023-01-01"},
      {file + ":7:bbr_sessions_attended", "keeps whole modules only (6 sessions each"},
      {file + ":9:bbr_sessions_attended", "8 sessions does not fit group 'H' (line 8: 6)"},
      {file + ":10:bbr_sessions_attended", "is given for a man waiting"},
      {file + ":11:bbr_status", "is empty; a value is required"},
  };
  // Rows first, then the checks between a group's members.
  ASSERT_EQ(found.size(), expected.size()) << ::testing::PrintToString(found);
  for (const auto& [where, message] : expected) {
    const auto hit = std::find_if(found.begin(), found.end(),
                                  [&](const std::string& f) { return f.rfind(where + ": error: ", 0) == 0; });
    ASSERT_NE(hit, found.end()) << where << "\n" << ::testing::PrintToString(found);
    EXPECT_NE(hit->find(message), std::string::npos) << *hit;
  }
}

// A simulated day with BBR under way, written by `probsim snapshot`'s writer: imported, it starts with
// the same list and groups, so writing it again gives the same file (c1 == c2, byte for byte), and that
// file is the simulated one but for the person ids the import gives.
TEST(SnapshotBbr, ASimulatedDayWithItsBbrListRoundTrips) {
  const auto dir = scratch("round_trip");
  Diagnostics diagnostics;
  // Closed groups of at least 10 (rolling groups of 6 in the defaults, which take joiners at each module
  // start): men wait on the list for a cohort to fill, so the day has a list as well as groups.
  const std::vector<std::string> rules = {"interventions.bbr.format=closed",
                                          "interventions.bbr.group_size_min=10"};
  auto original = load_scenario(source_path("scenarios/example_pdu.yaml"), rules, diagnostics);
  ASSERT_TRUE(original) << diagnostics.describe();
  probsim::testing::ModelRun run(original->scenario, replication_seed(5, 1));
  const Day day = run.day_of(CalendarDate{2023, 6, 30});
  run.run_through(day);
  std::vector<const PduOffice*> offices(run.service().observed_offices());
  write_snapshot_csvs(original->scenario, offices, day, (dir / "c0.csv").string(), (dir / "s0.csv").string(),
                      run.service().observed_teams());

  auto import_and_write = [&](const std::string& from, const std::string& to) {
    std::vector<std::string> overrides = rules;
    overrides.insert(overrides.end(), {"interventions.enabled=true", "simulation.report_start=2023-07-01",
                                       "simulation.caseload_csv=" + (dir / ("c" + from + ".csv")).string(),
                                       "simulation.staff_csv=" + (dir / ("s" + from + ".csv")).string()});
    const Scenario s = load_example(overrides);
    EXPECT_TRUE(s.snapshot);
    ProbationService service(s, replication_seed(9, 1));
    std::vector<const PduOffice*> imported(service.observed_offices());
    write_snapshot_csvs(s, imported, -1, (dir / ("c" + to + ".csv")).string(),
                        (dir / ("s" + to + ".csv")).string(), service.observed_teams());
  };
  import_and_write("0", "1");
  import_and_write("1", "2");
  auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(read(dir / "c1.csv"), read(dir / "c2.csv"));
  EXPECT_EQ(read(dir / "s1.csv"), read(dir / "s2.csv"));

  // c0 and c1 row by row, but for the ids the import gives people and staff; and the day has a list and
  // groups to carry.
  auto rows_without_ids = [&](const std::string& name) {
    auto rows = csv_rows_of(read(dir / name));
    for (auto& row : rows) row.erase("person_id"), row.erase("practitioner");
    return rows;
  };
  EXPECT_EQ(rows_without_ids("c0.csv"), rows_without_ids("c1.csv"));
  std::map<std::string, int> statuses;
  std::set<std::string> groups;
  for (const auto& row : csv_rows_of(read(dir / "c0.csv"))) {
    if (!row.at("bbr_status").empty()) statuses[row.at("bbr_status")] += 1;
    if (!row.at("bbr_group").empty()) groups.insert(row.at("bbr_group"));
  }
  EXPECT_GT(statuses["waiting"], 0) << ::testing::PrintToString(statuses);
  EXPECT_GT(statuses["attending"], 3) << ::testing::PrintToString(statuses);
  EXPECT_GE(groups.size(), 1u);
}
