#pragma once
// Shared by the tests of programmes imported from a snapshot (BBR and the structured interventions,
// snapshot_bbr_test.cpp and snapshot_si_test.cpp): which imported case is which person of the CSV,
// the day each completes in a run, a group's session days, and a simulated day written, imported and
// written again.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "caseload/imported_case.hpp"
#include "output/snapshot_writer.hpp"
#include "service/probation_service.hpp"
#include "snapshot/snapshot_test_support.hpp"
#include "unit/model_run.hpp"

namespace probsim::snapshot_testing {

// Staff who can run groups: in Northgate a PO and two facilitators (a group needs two), in Eastmoor a PO.
inline const std::string kFacilitatorStaff =
    "staff_id,pdu,grade,fte\n"
    "S1,Northgate,po,1.0\n"
    "S2,Northgate,facilitator,1.0\n"
    "S3,Northgate,facilitator,1.0\n"
    "S4,Eastmoor,po,1.0\n";

// Person ids of the example file order: imported ids count rows within each PDU (Northgate 0, Eastmoor 1).
inline std::map<CaseId, std::string> person_of_id(const std::string& cases) {
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
inline std::vector<std::map<std::string, std::string>> csv_rows_of(const std::string& text) {
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

// The rows of the caseload CSV at `path` but for the ids an import gives people and staff (person_id,
// practitioner): what a round trip keeps.
inline std::vector<std::map<std::string, std::string>> caseload_rows_without_ids(
    const std::filesystem::path& path) {
  auto rows = csv_rows_of(read_text(path));
  for (auto& row : rows) row.erase("person_id"), row.erase("practitioner");
  return rows;
}

// The day each person of `cases` (the CSV's rows) completes a programme in a run of `s` (ModelRun's
// seed) through `last_day`, by person id; the first team's completions.
inline std::map<std::string, Day> completion_days(const Scenario& s, const std::string& cases, Day last_day) {
  probsim::testing::ModelRun run(s);
  std::vector<InterventionEvent> log;
  const_cast<InterventionsTeam*>(run.service().observed_teams()[0])->set_event_log(&log);
  const auto names = person_of_id(cases);
  run.run_through(last_day);
  std::map<std::string, Day> completed;
  for (const InterventionEvent& e : log)
    if (e.kind == InterventionEvent::Kind::completion && names.count(e.case_id))
      completed[names.at(e.case_id)] = e.day;
  return completed;
}

// The working days of `s` to `last_day` that fall on one of `weekdays` (0 Monday): a group's session days.
inline std::vector<Day> session_days(const Scenario& s, const std::set<int>& weekdays, Day last_day) {
  WorkingCalendar calendar(s.window.day_zero(), s.bank_holidays, 0, s.window.last_day());
  std::vector<Day> days;
  for (Day d = 0; d <= last_day; ++d)
    if (calendar.is_working_day(d) && weekdays.count(calendar.weekday_index(d)) > 0) days.push_back(d);
  return days;
}

// The shipped example_pdu with `rules`, run to 2023-06-30 (seed 5) and written by `probsim snapshot`'s
// writer as c0.csv and s0.csv in `dir`; then imported (with `rules`, interventions on, reporting from
// 2023-07-01, seed 9) and written as c1/s1, and c1/s1 imported and written as c2/s2.
inline void write_snapshot_round_trip(const std::filesystem::path& dir,
                                      const std::vector<std::string>& rules) {
  Diagnostics diagnostics;
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
    ASSERT_TRUE(s.snapshot);
    ProbationService service(s, replication_seed(9, 1));
    std::vector<const PduOffice*> imported(service.observed_offices());
    write_snapshot_csvs(s, imported, -1, (dir / ("c" + to + ".csv")).string(),
                        (dir / ("s" + to + ".csv")).string(), service.observed_teams());
  };
  import_and_write("0", "1");
  import_and_write("1", "2");
}

// After write_snapshot_round_trip: the import keeps the day. Written again it gives the same files (c1 and
// c2, s1 and s2, byte for byte), and they are the simulated day's rows (c0) but for the ids the import
// gives people and staff.
inline void expect_the_round_trip_keeps_the_day(const std::filesystem::path& dir) {
  EXPECT_EQ(read_text(dir / "c1.csv"), read_text(dir / "c2.csv"));
  EXPECT_EQ(read_text(dir / "s1.csv"), read_text(dir / "s2.csv"));
  EXPECT_EQ(caseload_rows_without_ids(dir / "c0.csv"), caseload_rows_without_ids(dir / "c1.csv"));
}

}  // namespace probsim::snapshot_testing
