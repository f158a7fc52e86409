// `probsim batch` and `probsim aggregate`: results do not depend on how a sweep is sharded, a batch
// point is the run with the same scenario and seed, and a bad sweep starts nothing.
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
  EXPECT_NE(partial.output.find("p0002: 1 of 3 replications complete (missing replications 2, 3)"), std::string::npos)
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

TEST(BatchSharding, ABadSweepOrBadUsageStartsNothing) {
  const auto dir = fresh_directory("bad_sweep");
  const auto bad =
      write_sweep(dir, small_sweep("bad", "replication_per_point: 3\n") + "parameters_extra: 1\n");
  const CommandResult r = run_probsim("batch " + quoted(bad) + " --out " + quoted(dir / "out"));
  EXPECT_EQ(r.exit_status, 1) << r.output;
  EXPECT_NE(
      r.output.find(bad.string() + ":11:1: error: key 'replication_per_point': unknown key (did you mean "
                                   "'replications_per_point'?)"),
      std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(bad.string() + ":12:1: error: key 'parameters_extra'"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("nothing was run"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "out"));

  // A value that is wrong for the scenario is reported at its place in the sweep, naming the point.
  const std::string text = small_sweep("bad_value");
  const std::string bad_rate = std::string(text).replace(text.find("[5, 7]"), 6, "[5, -7]");
  const auto bad_point = write_sweep(dir, bad_rate);
  const CommandResult point = run_probsim("batch " + quoted(bad_point) + " --out " + quoted(dir / "out"));
  EXPECT_EQ(point.exit_status, 1) << point.output;
  EXPECT_NE(
      point.output.find(bad_point.string() + ":6:52: error: key 'regions[0].pdus[0].referrals_per_week': "
                                             "expected a number at least 0, found -7 (in 2 points, "
                                             "the first p0002)"),
      std::string::npos)
      << point.output;
  EXPECT_FALSE(fs::exists(dir / "out"));

  // A misspelt top-level key does not hide the points' problems: both are listed in one pass.
  const auto both = write_sweep(dir, bad_rate + "seed: 3\n");
  const CommandResult together = run_probsim("batch " + quoted(both) + " --out " + quoted(dir / "out"));
  EXPECT_EQ(together.exit_status, 1) << together.output;
  EXPECT_NE(together.output.find(both.string() + ":11:1: error: key 'seed': unknown key"), std::string::npos)
      << together.output;
  EXPECT_NE(together.output.find("key 'regions[0].pdus[0].referrals_per_week': expected a number at least 0"),
            std::string::npos)
      << together.output;
  EXPECT_NE(together.output.find("2 problems found; nothing was run"), std::string::npos) << together.output;
  EXPECT_NE(together.output.find("(the points were checked as the sweep stands"), std::string::npos)
      << together.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  // A misspelt required key is both unknown and missing; the points are still checked.
  std::string misspelt = bad_rate;
  misspelt.replace(misspelt.find("replications_per_point"), 22, "replication_per_point");
  const auto required = write_sweep(dir, misspelt);
  const CommandResult three = run_probsim("batch " + quoted(required) + " --out " + quoted(dir / "out"));
  EXPECT_EQ(three.exit_status, 1) << three.output;
  EXPECT_NE(three.output.find("did you mean 'replications_per_point'"), std::string::npos) << three.output;
  EXPECT_NE(three.output.find("key 'regions[0].pdus[0].referrals_per_week': expected a number at least 0"),
            std::string::npos)
      << three.output;
  EXPECT_NE(three.output.find("3 problems found; nothing was run"), std::string::npos) << three.output;
  // A problem the points depend on (no scenarios) stops the check there: nothing to check them against.
  std::string no_scenarios = misspelt;
  no_scenarios.replace(no_scenarios.find("scenarios:"), 10, "scenario:");
  const CommandResult stopped =
      run_probsim("batch " + quoted(write_sweep(dir, no_scenarios)) + " --out " + quoted(dir / "out"));
  EXPECT_EQ(stopped.exit_status, 1) << stopped.output;
  EXPECT_EQ(stopped.output.find("referrals_per_week"), std::string::npos) << stopped.output;
  EXPECT_FALSE(fs::exists(dir / "out"));

  const auto good = quoted(write_sweep(dir, small_sweep("good")));
  for (const char* usage : {"--shard 4/3", "--shard 0/2", "--shard two", "--jobs 0"}) {
    const CommandResult u = run_probsim("batch " + good + " --out " + quoted(dir / "out") + " " + usage);
    EXPECT_EQ(u.exit_status, 2) << usage << "\n" << u.output;
  }
  const CommandResult no_launcher = run_shell(
      "env -u SLURM_ARRAY_TASK_ID -u SLURM_STEP_NUM_TASKS -u OMPI_COMM_WORLD_RANK -u OMPI_COMM_WORLD_SIZE -u "
      "PMI_RANK -u PMI_SIZE " +
      probsim_binary() + " batch " + good + " --out " + quoted(dir / "out") + " --shard auto");
  EXPECT_EQ(no_launcher.exit_status, 2) << no_launcher.output;
  EXPECT_NE(no_launcher.output.find("found no launcher"), std::string::npos) << no_launcher.output;
  EXPECT_FALSE(fs::exists(dir / "out"));

  // An --out that holds something else is left alone.
  fs::create_directories(dir / "other");
  write_file(dir / "other" / "notes.txt", "mine");
  const CommandResult other = run_probsim("batch " + good + " --out " + quoted(dir / "other"));
  EXPECT_EQ(other.exit_status, 1) << other.output;
  EXPECT_NE(other.output.find("not a batch directory"), std::string::npos) << other.output;
  EXPECT_EQ(read_file(dir / "other" / "notes.txt"), "mine");
  EXPECT_FALSE(fs::exists(dir / "other" / "points"));

  const CommandResult help = run_probsim("batch --help");
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_NE(help.output.find("--shard"), std::string::npos);
  EXPECT_EQ(run_probsim("aggregate").exit_status, 2);
  EXPECT_EQ(run_probsim("aggregate " + quoted(dir / "nowhere")).exit_status, 1);
}

TEST(BatchSharding, DryRunListsThePointsAndTheShardsShare) {
  const auto dir = fresh_directory("dry_run");
  const auto sweep = quoted(write_sweep(dir, small_sweep("dry")));
  const CommandResult r =
      run_probsim("batch " + sweep + " --out " + quoted(dir / "out") + " --shard 2/3 --dry-run");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("5 points x 3 replications"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("p0005"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("shard 2/3 would run 5 of 15 replications"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  // One point of one replication is said in the singular ("1 points x 1 replications" before).
  write_file(dir / "one.yaml", "name: one\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                                   "]\nreplications_per_point: 1\n");
  const CommandResult one = run_probsim("batch " + quoted(dir / "one.yaml") + " --dry-run");
  ASSERT_EQ(one.exit_status, 0) << one.output;
  EXPECT_NE(one.output.find("sweep one: 1 point x 1 replication, base seed"), std::string::npos)
      << one.output;
  EXPECT_NE(one.output.find("would run 1 of 1 replication into"), std::string::npos) << one.output;
  // A shard with nothing to do is said to be idle (it ran nothing and said nothing).
  const CommandResult idle = run_probsim("batch " + quoted(dir / "one.yaml") + " --shard 2/3 --dry-run");
  ASSERT_EQ(idle.exit_status, 0) << idle.output;
  EXPECT_NE(idle.output.find("probsim batch: warning: shard 2/3 has nothing to run: the sweep has 1 "
                             "replication, fewer than the 3 shards; shards past 1 are idle"),
            std::string::npos)
      << idle.output;
  EXPECT_EQ(one.output.find("nothing to run"), std::string::npos) << one.output;
}

TEST(BatchSharding, TheShippedSweepsAreValid) {
  std::size_t sweeps = 0;
  for (const auto& entry : fs::directory_iterator(source_path("scenarios/sweeps"))) {
    if (entry.path().extension() != ".yaml") continue;
    ++sweeps;
    const CommandResult r = run_probsim("batch " + quoted(entry.path()) + " --dry-run");
    EXPECT_EQ(r.exit_status, 0) << entry.path() << "\n" << r.output;
  }
  EXPECT_GE(sweeps, 1u);
}
