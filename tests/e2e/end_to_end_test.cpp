// The CLI runs the shipped scenarios, and the files it writes have the documented columns and rows.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;

namespace {
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) rows.push_back(probsim::parse_csv_line(line));
  return rows;
}
}  // namespace

TEST(EndToEnd, DefaultScenarioWritesTheDocumentedFiles) {
  const auto out = fresh_directory("e2e") / "example";
  const CommandResult r = run_probsim("run scenarios/example_pdu.yaml --reps 3 --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("caseload_mean"), std::string::npos) << "prints a results table";
  EXPECT_NE(r.output.find(out.string()), std::string::npos) << "says where the files are";

  const auto kpis = read_csv(out / "kpis.csv");
  ASSERT_FALSE(kpis.empty());
  EXPECT_EQ(kpis[0], (std::vector<std::string>{"replication", "level", "unit", "kpi", "value"}));
  std::set<std::string> kpi_names;
  std::set<std::tuple<std::string, std::string, std::string>> unit_kpis;
  for (std::size_t i = 1; i < kpis.size(); ++i) {
    if (kpis[i][1] == "national") kpi_names.insert(kpis[i][3]);
    unit_kpis.insert({kpis[i][1], kpis[i][2], kpis[i][3]});
  }
  for (const char* required : {"referrals", "caseload_mean", "caseload_end", "terminations_sentence_end",
                               "terminations_early", "workload_pct_mean", "workload_pct_p90"})
    EXPECT_TRUE(kpi_names.count(required)) << required;
  EXPECT_EQ(kpis.size() - 1, 3 * unit_kpis.size()) << "one row per replication, unit and KPI";
  EXPECT_EQ(kpis[1][1], "national") << "the nation's rows come first";

  const auto series = read_csv(out / "timeseries.csv");
  EXPECT_EQ(series[0], (std::vector<std::string>{"replication", "date", "level", "unit", "metric", "value"}));
  std::set<std::string> levels, metrics, dates;
  for (std::size_t i = 1; i < series.size(); ++i) {
    levels.insert(series[i][2]);
    metrics.insert(series[i][4]);
    dates.insert(series[i][1]);
  }
  EXPECT_EQ(levels, (std::set<std::string>{"pdu", "region", "national", "team"}));
  for (const char* required : {"caseload", "referrals", "workload_pct_mean"})
    EXPECT_TRUE(metrics.count(required)) << required;
  EXPECT_EQ(dates.size(), 24u) << "monthly over 2023-2024";
  EXPECT_TRUE(dates.count("2023-01-31"));
  EXPECT_TRUE(dates.count("2024-12-31"));

  const auto summary = read_csv(out / "summary.csv");
  EXPECT_EQ(summary[0], (std::vector<std::string>{"level", "unit", "kpi", "n", "mean", "sd", "ci95_low",
                                                  "ci95_high", "p5", "p50", "p95"}));
  EXPECT_EQ(summary.size() - 1, unit_kpis.size());
  for (std::size_t i = 1; i < summary.size(); ++i) {
    EXPECT_EQ(summary[i][3], "3");
    EXPECT_LE(std::stod(summary[i][6]), std::stod(summary[i][4]));
    EXPECT_GE(std::stod(summary[i][7]), std::stod(summary[i][4]));
  }

  const std::string resolved = read_file(out / "scenario.resolved.yaml");
  EXPECT_NE(resolved.find("# base_seed: 1"), std::string::npos);
  EXPECT_NE(resolved.find("# program: probsim"), std::string::npos);
  EXPECT_NE(resolved.find("points_per_case_per_week"), std::string::npos)
      << "includes what the base file gave";
  EXPECT_FALSE(std::filesystem::exists(out / "events.csv"));
  for (const auto& entry : std::filesystem::directory_iterator(out.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos);
}

TEST(EndToEnd, EventsLogHasOneReferralRowPerReferral) {
  const auto out = fresh_directory("events") / "run";
  ASSERT_EQ(
      run_probsim("run scenarios/example_pdu.yaml --reps 1 --events --quiet --out '" + out.string() + "'")
          .exit_status,
      0);
  const auto events = read_csv(out / "events.csv");
  EXPECT_EQ(events[0][0], "replication");
  EXPECT_EQ(events[0].size(), 15u);
  long referrals_in_window = 0;
  for (std::size_t i = 1; i < events.size(); ++i)
    if (events[i][5] == "referral" && events[i][1] >= "2023-01-01") ++referrals_in_window;
  const auto kpis = read_csv(out / "kpis.csv");
  for (const auto& row : kpis) {
    if (row[1] == "national" && row[3] == "referrals") {
      EXPECT_EQ(std::stol(row[4]), referrals_in_window);
    }
  }
}

TEST(EndToEnd, EveryShippedScenarioValidates) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("scenarios"))) {
    if (entry.path().extension() != ".yaml") continue;
    const CommandResult r = run_probsim("validate '" + entry.path().string() + "'");
    EXPECT_EQ(r.exit_status, 0) << entry.path() << "\n" << r.output;
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

TEST(EndToEnd, HelpExplainsEveryCommand) {
  const CommandResult overview = run_probsim("--help");
  EXPECT_EQ(overview.exit_status, 0);
  for (const char* command : {"run", "validate", "bench"}) {
    EXPECT_NE(overview.output.find(command), std::string::npos);
    const CommandResult help = run_probsim(std::string(command) + " --help");
    EXPECT_EQ(help.exit_status, 0) << command;
    EXPECT_NE(help.output.find("Usage: probsim " + std::string(command)), std::string::npos) << help.output;
  }
  const CommandResult run_help = run_probsim("run --help");
  for (const char* option : {"--reps", "--jobs", "--seed", "--out", "--set", "--events"})
    EXPECT_NE(run_help.output.find(option), std::string::npos) << option;
}

TEST(EndToEnd, RefusesToReplaceADirectoryThatIsNotARun) {
  const auto dir = fresh_directory("not-a-run");
  std::ofstream(dir / "precious.txt") << "keep me";
  const CommandResult r =
      run_probsim("run scenarios/example_pdu.yaml --reps 1 --quiet --out '" + dir.string() + "'");
  EXPECT_NE(r.exit_status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "precious.txt"));
}
