// `probsim batch` and `probsim aggregate`: results do not depend on how a sweep is sharded, and a batch
// point is the run with the same scenario and seed. What batch checks before it runs: batch_checks_test.cpp.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {
std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) rows.push_back(probsim::parse_csv_line(line));
  return rows;
}
}  // namespace

TEST(BatchSharding, OneTwoAndThreeShardsGiveIdenticalSummaries) {
  const auto dir = fresh_directory("sharding");
  const auto sweep = quoted(write_sweep(dir, small_sweep("sharding")));

  const CommandResult one =
      run_probsim("batch " + sweep + " --out " + quoted(dir / "one") + " --jobs 2 --quiet");
  ASSERT_EQ(one.exit_status, 0) << one.output;

  // Two shards at once, sharing one directory (as a job array on a shared file system would).
  const std::string shard =
      probsim_binary() + " batch " + sweep + " --out " + quoted(dir / "two") + " --jobs 1 ";
  const CommandResult two = run_shell(shard + "--shard 1/2 & first=$!; " + shard +
                                      "--shard 2/2 & second=$!; wait $first && wait $second");
  ASSERT_EQ(two.exit_status, 0) << two.output;
  const CommandResult aggregate_two = run_probsim("aggregate " + quoted(dir / "two") + " --quiet");
  ASSERT_EQ(aggregate_two.exit_status, 0) << aggregate_two.output;

  // Three shards, each into a directory of its own (as on node-local disks), merged by aggregate.
  for (int i = 1; i <= 3; ++i) {
    const CommandResult part =
        run_probsim("batch " + sweep + " --out " + quoted(dir / ("three-" + std::to_string(i))) +
                    " --jobs 2 --shard " + std::to_string(i) + "/3");
    ASSERT_EQ(part.exit_status, 0) << part.output;
    EXPECT_NE(part.output.find("shard " + std::to_string(i) + "/3: finished its part (5 replications run"),
              std::string::npos)
        << part.output;
  }
  // One shard's directory alone is incomplete: aggregate says which points and writes no sweep summary.
  const CommandResult partial = run_probsim("aggregate " + quoted(dir / "three-1"));
  EXPECT_EQ(partial.exit_status, 1) << partial.output;
  EXPECT_NE(partial.output.find("5 of 5 points are incomplete"), std::string::npos) << partial.output;
  EXPECT_NE(partial.output.find("p0002: 1 of 3 replications complete (missing replications 2, 3)"),
            std::string::npos)
      << partial.output;
  EXPECT_FALSE(fs::exists(dir / "three-1" / "sweep_summary.csv"));
  const CommandResult merged =
      run_probsim("aggregate " + quoted(dir / "three-1") + " " + quoted(dir / "three-2") + " " +
                  quoted(dir / "three-3") + " --out " + quoted(dir / "three"));
  ASSERT_EQ(merged.exit_status, 0) << merged.output;

  const auto reference = batch_results(dir / "one");
  EXPECT_EQ(reference.size(), 2u + 5u * 4u) << "points.csv, sweep_summary.csv, 4 files per point";
  EXPECT_TRUE(reference.count("sweep_summary.csv"));
  EXPECT_TRUE(reference.count("points/p0005/summary.csv"));
  EXPECT_EQ(batch_results(dir / "two"), reference);
  EXPECT_EQ(batch_results(dir / "three"), reference);
  EXPECT_EQ(batch_results(dir / "three", true), batch_results(dir / "one", true)) << "replications too";
}

// A replication file spoilt after the batch (cut short, or a value edited by hand) is named itself, at
// its line, before anything is merged; no sweep_summary.csv is left for `report` to read as current.
TEST(BatchSharding, AggregateNamesASpoiltReplicationFileAndLeavesNoStaleSummary) {
  const auto dir = fresh_directory("spoilt_replication");
  const auto sweep = quoted(write_sweep(dir, small_sweep("spoilt", "", "3")));
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  ASSERT_TRUE(fs::exists(dir / "batch" / "sweep_summary.csv"));
  const fs::path rep = replications_of(dir / "batch", "p0001") / "rep-00001.kpis.csv";
  const std::string text = read_file(rep);
  write_file(rep, text.substr(0, 100));  // cut mid-line
  const CommandResult cut = run_probsim("aggregate " + quoted(dir / "batch"));
  EXPECT_EQ(cut.exit_status, 1) << cut.output;
  EXPECT_NE(cut.output.find(rep.string() + ": is cut short"), std::string::npos) << cut.output;
  EXPECT_FALSE(fs::exists(dir / "batch" / "sweep_summary.csv"));
  // A value made text: the replication file and its line.
  std::string edited = text;
  const std::size_t second_line = edited.find('\n') + 1;
  edited.insert(edited.find('\n', second_line), "x");  // the second row's value ends in x
  write_file(rep, edited);
  const CommandResult typed = run_probsim("aggregate " + quoted(dir / "batch"));
  EXPECT_EQ(typed.exit_status, 1) << typed.output;
  EXPECT_NE(typed.output.find(rep.string() + ":2:"), std::string::npos) << typed.output;
  // Cut at a line's end: every row passes, but the file is short of the point's other two replications. It
  // is named, and the point's merged kpis.csv is left as it was (it was replaced by the short merge).
  const std::string merged = read_file(dir / "batch" / "points" / "p0001" / "kpis.csv");
  write_file(rep, text.substr(0, text.find('\n', text.size() / 2) + 1));
  const CommandResult short_file = run_probsim("aggregate " + quoted(dir / "batch"));
  EXPECT_EQ(short_file.exit_status, 1) << short_file.output;
  EXPECT_NE(short_file.output.find(rep.string() + ": has "), std::string::npos) << short_file.output;
  EXPECT_NE(short_file.output.find(" rows where the point's other replications have "), std::string::npos)
      << short_file.output;
  EXPECT_EQ(read_file(dir / "batch" / "points" / "p0001" / "kpis.csv"), merged);
  write_file(rep, text);  // mended: aggregated again
  EXPECT_EQ(run_probsim("aggregate " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  EXPECT_TRUE(fs::exists(dir / "batch" / "sweep_summary.csv"));
  // Refused before anything is merged: the target is left as it was, and its summary is named as old.
  fs::rename(dir / "batch" / "points.csv", dir / "points.csv");
  const CommandResult early = run_probsim("aggregate " + quoted(dir / "batch"));
  EXPECT_EQ(early.exit_status, 1) << early.output;
  EXPECT_NE(early.output.find("sweep_summary.csv in " + (dir / "batch").string() +
                              " is from an earlier aggregation and was not updated"),
            std::string::npos)
      << early.output;
}

TEST(BatchSharding, SweepSummaryHasTheDocumentedColumnsAndTheSweptValues) {
  const auto dir = fresh_directory("sweep_summary");
  const auto sweep = quoted(write_sweep(dir, small_sweep("columns")));
  const CommandResult r = run_probsim("batch " + sweep + " --out " + quoted(dir / "out") + " --jobs 2");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("sweep_summary.csv (5 points x"), std::string::npos) << r.output;

  const std::string southbridge = "regions.0.pdus.Southbridge.staff.0.headcount";
  const std::string northgate = "regions.0.pdus.Northgate.referrals_per_week";
  const std::string eastmoor = "regions.0.pdus.Eastmoor.referrals_per_week";
  const auto points = read_csv(dir / "out" / "points.csv");
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[0],
            (std::vector<std::string>{"point", "scenario", "base_seed", southbridge, northgate, eastmoor}));
  // A key a point does not set shows the value it has in that point's scenario.
  EXPECT_EQ(points[1], (std::vector<std::string>{"p0001", source_path("scenarios/example_pdu.yaml"), "7", "5",
                                                 "5", "4"}));
  EXPECT_EQ(points[4][0], "p0004");
  EXPECT_EQ(points[4][3], "9");
  EXPECT_EQ(points[4][4], "7");
  EXPECT_EQ(points[5], (std::vector<std::string>{"p0005", source_path("scenarios/example_pdu.yaml"), "7", "5",
                                                 "6", "2"}));

  const auto summary = read_csv(dir / "out" / "sweep_summary.csv");
  ASSERT_GT(summary.size(), 1u);
  EXPECT_EQ(summary[0],
            (std::vector<std::string>{"point", "scenario", southbridge, northgate, eastmoor, "kpi", "n",
                                      "mean", "sd", "ci95_low", "ci95_high", "p5", "p50", "p95"}));
  // sweep_summary.csv compares points by their national KPIs.
  const auto p4_summary = national_summary_rows(read_csv(dir / "out" / "points" / "p0004" / "summary.csv"));
  std::size_t p4_rows = 0;
  for (std::size_t i = 1; i < summary.size(); ++i) {
    if (summary[i][0] != "p0004") continue;
    ++p4_rows;
    EXPECT_EQ(summary[i][2], "9");
    EXPECT_EQ(summary[i][6], "3") << "n";
    // The same numbers as the point's own summary.csv, row for row.
    const std::vector<std::string> tail(summary[i].begin() + 5, summary[i].end());
    EXPECT_EQ(tail, p4_summary.at(p4_rows));
  }
  EXPECT_EQ(p4_rows, p4_summary.size() - 1);
  EXPECT_EQ(summary.size() - 1, 5 * p4_rows);
}

TEST(BatchSharding, ABatchPointIsTheRunWithTheSameScenarioAndSeed) {
  const auto dir = fresh_directory("point_is_run");
  const auto sweep = quoted(write_sweep(dir, small_sweep("point_is_run")));
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  const CommandResult run = run_probsim(
      "run scenarios/example_pdu.yaml --reps 3 --seed 7 --quiet --set simulation.report_end=2023-06-30 --set "
      "simulation.warm_up_weeks=8 --set regions.0.pdus.Southbridge.staff.0.headcount=9 --set "
      "regions.0.pdus.Northgate.referrals_per_week=7 --out " +
      quoted(dir / "run"));
  ASSERT_EQ(run.exit_status, 0) << run.output;
  for (const char* file : {"kpis.csv", "timeseries.csv", "summary.csv"})
    EXPECT_EQ(read_file(dir / "batch" / "points" / "p0004" / file), read_file(dir / "run" / file)) << file;

  // Common random numbers across points by default: p0001 and p0003 differ only in Southbridge's
  // staff, so the same people arrive in both, and `compare` pairs them.
  const CommandResult compared =
      run_probsim("compare " + quoted(dir / "batch" / "points" / "p0001") + " " +
                  quoted(dir / "batch" / "points" / "p0003") + " --out " + quoted(dir / "p1_p3.csv"));
  ASSERT_EQ(compared.exit_status, 0) << compared.output;
  EXPECT_NE(compared.output.find("common random numbers"), std::string::npos) << compared.output;
  const auto rows = national_summary_rows(read_csv(dir / "p1_p3.csv"));
  bool saw_referrals = false, saw_workload = false;
  for (const auto& row : rows) {
    if (row[0] == "referrals") {
      saw_referrals = true;
      EXPECT_EQ(row[4], "0") << "same referrals in both points";
    }
    if (row[0] == "workload_pct_mean") {
      saw_workload = true;
      EXPECT_LT(std::stod(row[4]), 0.0) << "four more officers in Southbridge lower the workload";
      EXPECT_EQ(row[8], "true");
    }
  }
  EXPECT_TRUE(saw_referrals && saw_workload);
}

TEST(BatchSharding, IndependentPointSeedsGiveEachPointItsOwnRandomNumbers) {
  const auto dir = fresh_directory("independent");
  const auto sweep = quoted(write_sweep(dir, small_sweep("independent", "point_seeds: independent\n")));
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  const auto points = read_csv(dir / "batch" / "points.csv");
  EXPECT_NE(points[1][2], "7");
  EXPECT_NE(points[1][2], points[3][2]);
  auto referrals = [&](const std::string& point) {
    std::string values;
    for (const auto& row : national_kpi_rows(read_csv(dir / "batch" / "points" / point / "kpis.csv")))
      if (row[1] == "referrals") values += row[2] + " ";
    return values;
  };
  EXPECT_NE(referrals("p0001"), referrals("p0003"));
  // The point's own seed is recorded, and running it alone with that seed reproduces it.
  const std::string resolved = read_file(dir / "batch" / "points" / "p0003" / "scenario.resolved.yaml");
  EXPECT_NE(resolved.find("# base_seed: " + points[3][2] + "\n"), std::string::npos) << resolved;
  const CommandResult alone =
      run_probsim("run " + quoted(dir / "batch" / "points" / "p0003" / "scenario.resolved.yaml") +
                  " --reps 3 --seed " + points[3][2] + " --quiet --out " + quoted(dir / "alone"));
  ASSERT_EQ(alone.exit_status, 0) << alone.output;
  EXPECT_EQ(read_file(dir / "alone" / "kpis.csv"),
            read_file(dir / "batch" / "points" / "p0003" / "kpis.csv"));
}
