// Structured interventions (SI-2..5) imported from the snapshot caseload's si_ columns (issue 21): on
// day 0 each programme's list and groups are the rows, a person with k sessions attended completes after
// the remaining sessions on the group's days, bad values are refused as FILE:LINE:COLUMN, and a
// simulated day written with its SI columns and imported again gives the same file back.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
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

Scenario load_with(const std::filesystem::path& dir, const std::string& caseload, const std::string& staff,
                   std::vector<std::string> overrides = kDeterministic) {
  write_text(dir / "caseload.csv", caseload);
  write_text(dir / "staff.csv", staff);
  overrides.push_back("simulation.caseload_csv=" + (dir / "caseload.csv").string());
  overrides.push_back("simulation.staff_csv=" + (dir / "staff.csv").string());
  return load_example(overrides);
}

// Person ids of the file order: imported ids count rows within each PDU (Northgate 0, Eastmoor 1).
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

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(SnapshotSi, TheListsAndTheGroupsOnDayZeroAreTheRows) {
  const Scenario s = load_with(scratch("day0"), kHeader + kCases, kStaff);
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
  const Scenario s = load_with(scratch("schedule"), kHeader + kCases, kStaff);
  ASSERT_TRUE(s.snapshot);
  probsim::testing::ModelRun run(s);
  std::vector<InterventionEvent> log;
  const_cast<InterventionsTeam*>(run.service().observed_teams()[0])->set_event_log(&log);
  const auto names = person_of_id(kCases);
  run.run_through(120);

  WorkingCalendar calendar(s.window.day_zero(), s.bank_holidays, 0, s.window.last_day());
  std::vector<Day> tuesdays;
  for (Day d = 0; d <= 120; ++d)
    if (calendar.is_working_day(d) && calendar.weekday_index(d) == 1) tuesdays.push_back(d);
  std::map<std::string, Day> completed;
  for (const InterventionEvent& e : log)
    if (e.kind == InterventionEvent::Kind::completion && names.count(e.case_id))
      completed[names.at(e.case_id)] = e.day;
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
  write_text(dir / "staff.csv", kStaff);
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
  write_text(dir / "caseload.csv", numbered);
  const Scenario s = load_example(kDeterministic);
  std::vector<CsvProblem> problems;
  const auto snapshot = read_snapshot_csvs(
      SnapshotFiles{(dir / "caseload.csv").string(), (dir / "staff.csv").string()}, s, problems);
  EXPECT_FALSE(snapshot);
  std::vector<std::string> found;
  for (const CsvProblem& problem : problems) found.push_back(problem.describe());
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
      {file + ":14:si_sessions_attended", "4 sessions does not fit group 'H' (line 12: 2)"},
      {file + ":15:si_requirement_date", "is before sentence_start_date"},
      {file + ":16:si_status", "is empty; a value is required"},
  };
  ASSERT_EQ(found.size(), expected.size()) << ::testing::PrintToString(found);
  for (const auto& [where, message] : expected) {
    const auto hit = std::find_if(found.begin(), found.end(),
                                  [&](const std::string& f) { return f.rfind(where + ": error: ", 0) == 0; });
    ASSERT_NE(hit, found.end()) << where << "\n" << ::testing::PrintToString(found);
    EXPECT_NE(hit->find(message), std::string::npos) << *hit;
  }
}

TEST(SnapshotSi, RefusedWithInterventionsOff) {
  const auto dir = scratch("off");
  write_text(dir / "staff.csv", kStaff);
  write_text(dir / "caseload.csv", kHeader + kCases.substr(0, kCases.find('\n') + 1));
  const Scenario s = load_example();  // the example runs without interventions
  std::vector<CsvProblem> problems;
  EXPECT_FALSE(read_snapshot_csvs(
      SnapshotFiles{(dir / "caseload.csv").string(), (dir / "staff.csv").string()}, s, problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].describe(),
            (dir / "caseload.csv").string() +
                ":2:si_status: error: a structured intervention is given but the scenario has interventions "
                "off (interventions.enabled); turn them on or leave the si_ columns empty");
}

// A simulated day with SIs under way, written by `probsim snapshot`'s writer: imported, it starts with
// the same lists and groups, so writing it again gives the same file (c1 == c2, byte for byte), and that
// file is the simulated one but for the person and staff ids the import gives.
TEST(SnapshotSi, ASimulatedDayWithItsSiListsRoundTrips) {
  const auto dir = scratch("round_trip");
  Diagnostics diagnostics;
  auto original = load_scenario(source_path("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(original) << diagnostics.describe();
  probsim::testing::ModelRun run(original->scenario, replication_seed(5, 1));
  const Day day = run.day_of(CalendarDate{2023, 6, 30});
  run.run_through(day);
  std::vector<const PduOffice*> offices(run.service().observed_offices());
  write_snapshot_csvs(original->scenario, offices, day, (dir / "c0.csv").string(), (dir / "s0.csv").string(),
                      run.service().observed_teams());

  auto import_and_write = [&](const std::string& from, const std::string& to) {
    const Scenario s = load_example({"interventions.enabled=true", "simulation.report_start=2023-07-01",
                                     "simulation.caseload_csv=" + (dir / ("c" + from + ".csv")).string(),
                                     "simulation.staff_csv=" + (dir / ("s" + from + ".csv")).string()});
    ASSERT_TRUE(s.snapshot);
    ProbationService service(s, replication_seed(9, 1));
    std::vector<const PduOffice*> imported(service.observed_offices());
    write_snapshot_csvs(s, imported, -1, (dir / ("c" + to + ".csv")).string(),
                        (dir / ("s" + to + ".csv")).string(), service.observed_teams());
  };
  import_and_write("0", "1");
  import_and_write("1", "2");
  EXPECT_EQ(read(dir / "c1.csv"), read(dir / "c2.csv"));
  EXPECT_EQ(read(dir / "s1.csv"), read(dir / "s2.csv"));

  // c0 and c1 column by column but for the ids; and the day has SI lists and groups to carry.
  auto columns_without_ids = [&](const std::string& name) {
    std::istringstream in(read(dir / name));
    std::vector<std::string> rows;
    for (std::string line; std::getline(in, line);) {
      line = line.substr(line.find(','));  // person_id
      std::vector<std::string> f;
      std::size_t start = 0;
      for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
        f.push_back(line.substr(start, comma - start));
      f.push_back(line.substr(start));
      f[9].clear();  // practitioner (after the leading empty field of the cut id)
      std::string joined;
      for (const auto& x : f) joined += x + ",";
      rows.push_back(joined);
    }
    return rows;
  };
  EXPECT_EQ(columns_without_ids("c0.csv"), columns_without_ids("c1.csv"));
  std::map<std::string, int> statuses;
  std::set<std::string> groups;
  std::istringstream in(read(dir / "c0.csv"));
  std::string header;
  std::getline(in, header);
  ASSERT_NE(header.find(",si_programme,si_status,si_requirement_date,si_sessions_attended,si_group"),
            std::string::npos)
      << header;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
      f.push_back(line.substr(start, comma - start));
    f.push_back(line.substr(start));
    const std::size_t n = f.size();
    if (!f[n - 4].empty()) statuses[f[n - 5] + "/" + f[n - 4]] += 1;
    if (!f[n - 1].empty()) groups.insert(f[n - 1]);
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
