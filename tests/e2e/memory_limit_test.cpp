// Runs that would exhaust memory are refused before anything is allocated (issue 23): a referral rate
// no PDU could have, by the scenario loader with FILE:LINE and the key; a run estimated to need more than
// the machine has, or than --max-memory allows, with the figures and the key that drives them.
// Nothing here is ever run at a size that could harm the machine: every case must be refused.

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// example_pdu with Northgate's referrals_per_week (line 23) set to `rate`, written beside `dir`.
fs::path example_with_rate(const fs::path& dir, const std::string& rate) {
  std::string text = read_file(source_path("scenarios/example_pdu.yaml"));
  text = std::regex_replace(text, std::regex("extends: base/"),
                            "extends: " + source_path("scenarios/base") + "/");
  text = std::regex_replace(text, std::regex("referrals_per_week: 6\n"), "referrals_per_week: " + rate + "\n",
                            std::regex_constants::format_first_only);
  const fs::path path = dir / ("example_" + rate + ".yaml");
  write_file(path, text);
  return path;
}

TEST(MemoryLimits, AHundredThousandReferralsAWeekInOnePduIsRefusedAtItsLineNotByBadAlloc) {
  const fs::path dir = fresh_directory("memory-rate");
  const fs::path scenario = example_with_rate(dir, "100000");
  for (const std::string& command : {std::string("validate"), "run --out " + quoted(dir / "out")}) {
    const CommandResult result = run_probsim(command + " " + quoted(scenario));
    EXPECT_EQ(result.exit_status, 1) << result.output;
    EXPECT_TRUE(contains(result.output, scenario.string() +
                                            ":23:29: error: key 'regions[0].pdus[0].referrals_per_week': at "
                                            "most 5000 referrals a week in one PDU, found 100000"))
        << result.output;
    EXPECT_FALSE(contains(result.output, "bad_alloc")) << result.output;
    EXPECT_FALSE(fs::exists(dir / "out"));
  }
  // The bound itself is a valid scenario, and validate says what it would need.
  const CommandResult bound = run_probsim("validate " + quoted(example_with_rate(dir, "5000")));
  EXPECT_EQ(bound.exit_status, 0) << bound.output;
  EXPECT_TRUE(
      std::regex_search(bound.output, std::regex("estimated memory: 4[0-9][0-9] MiB per replication")))
      << bound.output;
}

TEST(MemoryLimits, ARunOverTheMachinesMemoryIsRefusedNamingTheFiguresAndTheKeys) {
  const fs::path dir = fresh_directory("memory-machine");
  // A referral trend of +1000% a year compounded over 30 years: far more cases than any machine holds.
  const CommandResult result = run_probsim(
      "run scenarios/example_pdu.yaml --reps 1 --set referrals.trend_pct_per_year=1000 --set "
      "simulation.report_end=2053-01-01 --out " +
      quoted(dir / "out"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "of memory this machine has available. Nothing was run."))
      << result.output;
  EXPECT_TRUE(contains(result.output, "key 'regions[0].pdus[0].referrals_per_week': 6 referrals a week x "))
      << result.output;
  EXPECT_TRUE(contains(result.output, "from referrals.trend_pct_per_year over the window")) << result.output;
  EXPECT_TRUE(fs::is_empty(dir)) << "nothing is written";
}

TEST(MemoryLimits, MaxMemoryRefusesWarnsOrLetsARunGo) {
  const fs::path dir = fresh_directory("memory-max");
  const std::string run =
      "run scenarios/example_pdu.yaml --reps 2 --jobs 2 --set simulation.report_end=2023-02-28 --quiet";
  // Two replications of about 41 MiB at once: refused under 60 MiB...
  CommandResult result = run_probsim(run + " --max-memory 60M --out " + quoted(dir / "refused"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(
      contains(result.output, "the run needs an estimated 83 MiB (2 replications at once, each about 41 MiB"))
      << result.output;
  EXPECT_TRUE(contains(result.output, "more than the 60 MiB --max-memory allows")) << result.output;
  EXPECT_FALSE(fs::exists(dir / "refused"));
  // ...run with a warning under 100 MiB (over half of it)...
  result = run_probsim(run + " --max-memory 100M --out " + quoted(dir / "warned"));
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_TRUE(contains(result.output, "warning: the run needs an estimated 83 MiB")) << result.output;
  EXPECT_TRUE(fs::exists(dir / "warned" / "summary.csv"));
  // ...and silently under 1 GiB.
  result = run_probsim(run + " --max-memory 1G --out " + quoted(dir / "fits"));
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_FALSE(contains(result.output, "memory")) << result.output;
  // A size that is not one.
  result = run_probsim(run + " --max-memory 8X --out " + quoted(dir / "bad"));
  EXPECT_EQ(result.exit_status, 2) << result.output;
  EXPECT_TRUE(contains(result.output, "--max-memory takes a size such as 8G, 512M or 2048K, found '8X'"));
  EXPECT_FALSE(fs::exists(dir / "bad"));
}

TEST(MemoryLimits, ABatchIsCheckedOnItsLargestPointEvenInADryRun) {
  const fs::path dir = fresh_directory("memory-batch");
  const CommandResult result =
      run_probsim("batch " + quoted(write_sweep(dir, small_sweep("memory"))) +
                  " --jobs 2 --dry-run --max-memory 60M --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  // The grid's largest point: Northgate at 7 referrals a week, with Southbridge's 9 POs rather than 5 (the
  // staff count too, at 1 KiB a person: p0004 rather than p0002).
  EXPECT_TRUE(contains(result.output, "probsim batch: point p0004: the run needs an estimated"))
      << result.output;
  EXPECT_TRUE(contains(result.output, "key 'regions[0].pdus[0].referrals_per_week': 7 referrals a week"))
      << result.output;
  EXPECT_FALSE(fs::exists(dir / "batch"));
}

// A shard's replications, not --jobs, bound how many run at once: a shard of one replication started with
// --jobs at a large node's cores was refused for 64 replications' memory (`run` caps --jobs at --reps).
TEST(MemoryLimits, AShardIsCheckedOnTheReplicationsItRunsNotOnJobs) {
  const fs::path dir = fresh_directory("memory-batch-shard");
  const std::string batch = "batch " + quoted(write_sweep(dir, small_sweep("memory"))) +
                            " --jobs 64 --dry-run --max-memory 60M --out " + quoted(dir / "batch");
  const CommandResult one = run_probsim(batch + " --shard 1/15");  // 15 replications: one for this shard
  EXPECT_EQ(one.exit_status, 0) << one.output;
  const CommandResult all = run_probsim(batch);  // all 15 at once
  EXPECT_EQ(all.exit_status, 1) << all.output;
  EXPECT_TRUE(contains(all.output, "(15 replications at once")) << all.output;
}

// example_pdu under a grid of Northgate's rate (`northgate` values from `first`, step 1 or -1) by
// Eastmoor's (`eastmoor` values from 1).
std::string grid_sweep(int first, int northgate, int eastmoor) {
  std::string north, east;
  const int step = first < 0 ? -1 : 1;
  for (int i = 0; i < northgate; ++i) north += (i ? "," : "") + std::to_string(first + step * i);
  for (int i = 1; i <= eastmoor; ++i) east += (i > 1 ? "," : "") + std::to_string(i);
  return "name: grid\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
         "]\nparameters:\n  regions.0.pdus.Northgate.referrals_per_week: [" + north +
         "]\n  regions.0.pdus.Eastmoor.referrals_per_week: [" + east + "]\nreplications_per_point: 1\n";
}

// 20,000 points of example_pdu hold some 300 MiB once built. Over --max-memory they are refused before
// any is built: every Northgate rate is negative, and no point is told so.
TEST(MemoryLimits, ASweepWhosePointsWouldNotFitIsRefusedBeforeAnyIsBuilt) {
  const fs::path dir = fresh_directory("memory-points");
  const CommandResult result = run_probsim("batch " + quoted(write_sweep(dir, grid_sweep(-1, 200, 100))) +
                                           " --dry-run --max-memory 64M --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "sweep.yaml:4:3: error: key 'parameters': the sweep's 20000 points would "
                       "hold an estimated"))
      << result.output;
  EXPECT_TRUE(contains(result.output,
                       "(regions.0.pdus.Northgate.referrals_per_week: 200 values x "
                       "regions.0.pdus.Eastmoor.referrals_per_week: 100 values; up to "))
      << result.output;
  EXPECT_TRUE(contains(result.output, "more than the 64 MiB --max-memory allows. Nothing was built or run."))
      << result.output;
  EXPECT_TRUE(contains(result.output, "1 problem found")) << result.output;
  EXPECT_FALSE(contains(result.output, "found -1")) << result.output;
  EXPECT_FALSE(fs::exists(dir / "batch"));
}

// A snapshot scenario's points each hold their CSVs parsed: 100 points of example_region_snapshot are
// some 2 MiB of scenario values but 34 MiB with the CSVs' 1,214 rows, so 24 MiB, which the values alone
// fit, refuses them before any is built, naming the CSV keys and files that drive the estimate.
TEST(MemoryLimits, ASnapshotSweepIsRefusedForItsCsvRows) {
  const fs::path dir = fresh_directory("memory-points-snapshot");
  std::string rates;
  for (int i = 1; i <= 100; ++i) rates += (i > 1 ? "," : "") + std::to_string(i);
  const fs::path sweep = write_sweep(
      dir, "name: snapshot_grid\nscenarios: [" + source_path("scenarios/example_region_snapshot.yaml") +
               "]\nparameters:\n  regions.0.pdus.Northgate.referrals_per_week: [" + rates +
               "]\nreplications_per_point: 1\n");
  const CommandResult result =
      run_probsim("batch " + quoted(sweep) + " --dry-run --max-memory 24M --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(
      contains(result.output,
               "sweep.yaml:4:3: error: key 'parameters': the sweep's 100 points would hold an estimated "))
      << result.output;
  EXPECT_TRUE(contains(
      result.output,
      " bytes for each of the 1214 rows of its snapshot CSVs (simulation.caseload_csv: 1140 rows "
      "of " +
          source_path("scenarios/data/example_region_caseload.csv") + ", simulation.staff_csv: 74 rows of " +
          source_path("scenarios/data/example_region_staff.csv") + "), and 32 bytes for each of its "))
      << result.output;
  EXPECT_TRUE(contains(result.output, "more than the 24 MiB --max-memory allows. Nothing was built or run."))
      << result.output;
  EXPECT_TRUE(contains(result.output, "1 problem found")) << result.output;
  EXPECT_FALSE(fs::exists(dir / "batch"));
}

// A --max-memory that is not a size is said before anything is read: the sweep's points are not built
// (every Northgate rate here is negative, and no point is told so), nor is a scenario loaded (it does not
// exist, and the file is not named).
TEST(MemoryLimits, AMaxMemoryThatIsNotASizeIsSaidBeforeTheSweepOrScenarioIsRead) {
  const fs::path dir = fresh_directory("memory-bad-size");
  CommandResult result = run_probsim("batch " + quoted(write_sweep(dir, grid_sweep(-1, 3, 2))) +
                                     " --dry-run --max-memory lots --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 2) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "probsim batch: --max-memory takes a size such as 8G, 512M or 2048K, found 'lots'"))
      << result.output;
  EXPECT_FALSE(contains(result.output, "found -1")) << result.output;
  EXPECT_FALSE(fs::exists(dir / "batch"));
  for (const std::string command : {"run", "bench"}) {
    result = run_probsim(command + " " + quoted(dir / "missing.yaml") + " --max-memory 0");
    EXPECT_EQ(result.exit_status, 2) << result.output;
    EXPECT_TRUE(contains(result.output, "probsim " + command +
                                            ": --max-memory takes a size such as 8G, 512M "
                                            "or 2048K, found '0'"))
        << result.output;
    EXPECT_FALSE(contains(result.output, "missing.yaml")) << result.output;
  }
}

// The built points stay in the batch's process while its replications run, so --max-memory counts them
// beside the replications: 44 MiB for p0400's one replication fits in 48 MiB, and with 8 MiB of points
// it does not.
TEST(MemoryLimits, ABatchsBuiltPointsCountBesideItsReplications) {
  const fs::path dir = fresh_directory("memory-points-beside");
  const CommandResult result =
      run_probsim("batch " + quoted(write_sweep(dir, grid_sweep(1, 20, 20))) +
                  " --jobs 1 --dry-run --max-memory 48M --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "probsim batch: point p0400: the run needs an estimated 52 MiB (1 "
                       "replication at once, each about 44 MiB"))
      << result.output;
  EXPECT_TRUE(contains(result.output,
                       "; and 8 MiB for the sweep's 400 built points), more than the 48 MiB "
                       "--max-memory allows"))
      << result.output;
  EXPECT_FALSE(fs::exists(dir / "batch"));
}

// Past the estimate (--max-memory far above it), a process limit the estimate cannot see: the batch says it
// ran out of memory and exits 1, rather than "terminate called" and exit 134.
TEST(MemoryLimits, ABatchThatRunsOutOfMemoryAnywaySaysSoAndExitsOne) {
  const fs::path dir = fresh_directory("memory-bad-alloc");
  const std::string limit = "ulimit -v 100000; ";
  // A build that cannot start under the limit at all (a sanitizer's shadow memory) cannot show this.
  const fs::path one = dir / "one.yaml";
  write_file(one, "name: one\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                      "]\nreplications_per_point: 1\n");
  if (run_shell(limit + probsim_binary() + " batch " + quoted(one) + " --dry-run").exit_status != 0)
    GTEST_SKIP() << "probsim does not start under " << limit;
  const CommandResult result =
      run_shell(limit + probsim_binary() + " batch " + quoted(write_sweep(dir, grid_sweep(1, 100, 100))) +
                " --dry-run --max-memory 1T --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "probsim batch: out of memory: the machine or the process limit (ulimit -v 100000, "
                       "98 MiB) would not give more; it holds every point of the sweep"))
      << result.output;
  EXPECT_FALSE(contains(result.output, "terminate called")) << result.output;
  EXPECT_FALSE(fs::exists(dir / "batch"));
}

}  // namespace
}  // namespace probsim::testing
