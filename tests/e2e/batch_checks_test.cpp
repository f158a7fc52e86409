// What `probsim batch` checks before it runs anything: a bad sweep or bad usage starts nothing, a dry run
// lists the points and the shard's share, and every shipped sweep is valid.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

TEST(BatchChecks, ABadSweepOrBadUsageStartsNothing) {
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

TEST(BatchChecks, DryRunListsThePointsAndTheShardsShare) {
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

TEST(BatchChecks, TheShippedSweepsAreValid) {
  std::size_t sweeps = 0;
  for (const auto& entry : fs::directory_iterator(source_path("scenarios/sweeps"))) {
    if (entry.path().extension() != ".yaml") continue;
    ++sweeps;
    const CommandResult r = run_probsim("batch " + quoted(entry.path()) + " --dry-run");
    EXPECT_EQ(r.exit_status, 0) << entry.path() << "\n" << r.output;
  }
  EXPECT_GE(sweeps, 1u);
}
