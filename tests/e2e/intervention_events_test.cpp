// events.csv as a researcher follows men through their programmes (issue 18, part 4): every intervention
// row carries the requirement's date, warm-start requirements included, and with --events-sessions a
// row per group session each member attended or missed, which adds up to the KPIs and, man by man, to
// the programme's length. Without the option the file has exactly the rows it had before.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

// Columns of events.csv (docs/reference/outputs.md).
constexpr std::size_t kReplication = 0, kDate = 1, kCaseId = 3, kEvent = 5, kRequirementDate = 14;
constexpr std::size_t kColumns = 15;

// bbr_capacity: Durham's BBR list of 1 January 2023 (the warm start) and a year of requirements,
// with Stepwise, PPP and Help beside it.
const char* const kProgrammes[] = {"bbr_", "stepwise_", "positive_pathways_plus_", "help_"};
const std::map<std::string, int> kGroupSessions = {
    {"bbr", 24}, {"stepwise", 10}, {"positive_pathways_plus", 10}, {"help", 15}};
constexpr const char* kReportStart = "2023-01-01";

std::string programme_of(const std::string& event) {
  for (const char* prefix : kProgrammes) {
    const std::string p(prefix);
    if (event.rfind(p, 0) == 0) return p.substr(0, p.size() - 1);
  }
  return {};
}

bool is_session_row(const std::string& event) {
  return event.find("_session_attended") != std::string::npos ||
         event.find("_session_missed") != std::string::npos;
}

std::filesystem::path run_bbr_capacity(const std::string& name, const std::string& events_flag) {
  const auto out = fresh_directory(name) / "run";
  const CommandResult r = run_probsim("run scenarios/bbr_capacity.yaml --reps 2 --jobs 2 --seed 5 --quiet " +
                                      events_flag + " --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  return out;
}

class InterventionEvents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    plain_ = new std::filesystem::path(run_bbr_capacity("intervention_events_plain", "--events"));
    sessions_ =
        new std::filesystem::path(run_bbr_capacity("intervention_events_sessions", "--events-sessions"));
  }
  static void TearDownTestSuite() {
    delete plain_;
    delete sessions_;
  }
  static std::filesystem::path* plain_;
  static std::filesystem::path* sessions_;
};
std::filesystem::path* InterventionEvents::plain_ = nullptr;
std::filesystem::path* InterventionEvents::sessions_ = nullptr;

TEST_F(InterventionEvents, EveryInterventionRowCarriesItsRequirementDateNotAfterTheEvent) {
  const std::string header = read_file(*plain_ / "events.csv").substr(0, 200);
  EXPECT_NE(header.find("termination_reason,requirement_date\n"), std::string::npos) << header;
  int intervention_rows = 0, warm_start_requirements = 0, requirements_in_window = 0;
  for (const auto& f : csv_rows(*plain_ / "events.csv")) {
    ASSERT_EQ(f.size(), kColumns);
    if (programme_of(f[kEvent]).empty()) {
      EXPECT_TRUE(f[kRequirementDate].empty()) << "a supervision row has no requirement: " << f[kEvent];
      continue;
    }
    ++intervention_rows;
    ASSERT_EQ(f[kRequirementDate].size(), 10u) << f[kEvent] << " on " << f[kDate];
    EXPECT_LE(f[kRequirementDate], f[kDate]) << f[kEvent] << " of case " << f[kCaseId];
    if (f[kEvent] == "bbr_requirement") {
      if (f[kDate] == kReportStart && f[kRequirementDate] < kReportStart) {
        ++warm_start_requirements;  // the list of 1 January 2023, made up to 66 weeks before
      } else {
        ++requirements_in_window;
        EXPECT_EQ(f[kRequirementDate], f[kDate]) << "a requirement made in the run is logged that day";
      }
    }
  }
  EXPECT_GT(intervention_rows, 1000);
  EXPECT_GT(warm_start_requirements, 100) << "the warm-start list's requirements predate report_start";
  EXPECT_GT(requirements_in_window, 100);
}

TEST_F(InterventionEvents, SessionRowsAppearOnlyWithTheOptionAndAddNothingElse) {
  std::multiset<std::string> without, with_sessions_removed;
  int session_rows = 0;
  std::set<std::string> session_events;
  for (const auto& f : csv_rows(*plain_ / "events.csv")) {
    EXPECT_FALSE(is_session_row(f[kEvent])) << "a session row without --events-sessions";
    std::string row;
    for (const auto& field : f) row += field + ",";
    without.insert(row);
  }
  for (const auto& f : csv_rows(*sessions_ / "events.csv")) {
    if (is_session_row(f[kEvent])) {
      ++session_rows;
      session_events.insert(f[kEvent]);
      continue;
    }
    std::string row;
    for (const auto& field : f) row += field + ",";
    with_sessions_removed.insert(row);
  }
  EXPECT_EQ(without, with_sessions_removed);
  EXPECT_GT(session_rows, 1000);
  for (const char* e : {"bbr_session_attended", "bbr_session_missed", "stepwise_session_attended"})
    EXPECT_TRUE(session_events.count(e)) << e;
  // The option changes only the log: the KPIs are the same file.
  EXPECT_EQ(read_file(*plain_ / "kpis.csv"), read_file(*sessions_ / "kpis.csv"));
}

TEST_F(InterventionEvents, SessionRowsAddUpToTheKpisAndToEachCompletersProgramme) {
  // (replication, "bbr"|"si", attended|missed) -> rows; the window is the whole run (no warm-up).
  std::map<std::tuple<std::string, std::string, std::string>, double> totals;
  struct Course {
    bool started = false, completed = false, removed = false;
    int sessions = 0;
    std::string first_session, last_session, start, completion;
  };
  std::map<std::tuple<std::string, std::string, std::string>, Course> courses;  // rep, case, programme
  for (const auto& f : csv_rows(*sessions_ / "events.csv")) {
    const std::string programme = programme_of(f[kEvent]);
    if (programme.empty()) continue;
    Course& c = courses[{f[kReplication], f[kCaseId], programme}];
    const std::string step = f[kEvent].substr(programme.size() + 1);
    if (is_session_row(f[kEvent])) {
      const std::string kind = step == "session_attended" ? "attended" : "missed";
      totals[std::make_tuple(f[kReplication], std::string(programme == "bbr" ? "bbr" : "si"), kind)] += 1;
      c.sessions += 1;
      if (c.first_session.empty()) c.first_session = f[kDate];
      c.last_session = f[kDate];
    } else if (step == "start") {
      c.started = true;
      c.start = f[kDate];
    } else if (step == "completion") {
      c.completed = true;
      c.completion = f[kDate];
    } else if (step == "removed_non_attendance") {
      c.removed = true;
    }
  }
  int checked = 0;
  for (const auto& f : national_kpi_rows(csv_rows(*sessions_ / "kpis.csv"))) {
    for (const char* group : {"bbr", "si"})
      for (const char* kind : {"attended", "missed"}) {
        if (f[1] != std::string(group) + "_sessions_" + kind) continue;
        const double logged = totals[std::make_tuple(f[0], std::string(group), std::string(kind))];
        EXPECT_EQ(logged, std::stod(f[2])) << f[1] << " replication " << f[0];
        EXPECT_GT(logged, 0) << f[1];
        ++checked;
      }
  }
  EXPECT_EQ(checked, 2 * 4);

  // A man who started and completed in the run without a removal attended or missed (and caught up)
  // each of the programme's group sessions once, between his start and his completion.
  int completers = 0;
  for (const auto& [key, c] : courses) {
    const std::string& programme = std::get<2>(key);
    if (c.sessions > 0) {
      EXPECT_TRUE(c.started) << "sessions without a start: case " << std::get<1>(key);
    }
    if (!c.started || !c.completed || c.removed) continue;
    EXPECT_EQ(c.sessions, kGroupSessions.at(programme)) << programme << " case " << std::get<1>(key);
    EXPECT_GE(c.first_session, c.start);
    EXPECT_EQ(c.last_session, c.completion) << "the completion is the last session's day (no delay here)";
    ++completers;
  }
  EXPECT_GT(completers, 100);
}

}  // namespace
}  // namespace probsim::testing
