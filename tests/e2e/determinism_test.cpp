// Same scenario and seed ⇒ byte-identical kpis.csv, timeseries.csv and summary.csv, whatever --jobs
// or --threads;
// a different seed gives different results.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/cli_test_support.hpp"

using namespace probsim::testing;

namespace {
// `probsim run ARGUMENTS --quiet`, into dir/name; the run must succeed.
void run_into(const std::filesystem::path& dir, const std::string& name, const std::string& arguments) {
  const CommandResult r = run_probsim("run " + arguments + " --quiet --out '" + (dir / name).string() + "'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
}
}  // namespace

TEST(Determinism, SameSeedGivesByteIdenticalFilesWhateverTheJobCount) {
  const auto dir = fresh_directory("determinism");
  auto run = [&](const std::string& name, const std::string& flags) {
    run_into(dir, name, "scenarios/example_pdu.yaml --reps 4 --events " + flags);
  };
  run("serial", "--seed 5 --jobs 1");
  run("parallel", "--seed 5 --jobs 3");
  run("other_seed", "--seed 6 --jobs 2");
  for (const char* file :
       {"kpis.csv", "timeseries.csv", "summary.csv", "events.csv", "replications/rep-00003.kpis.csv"}) {
    const std::string serial = read_file(dir / "serial" / file);
    EXPECT_FALSE(serial.empty()) << file;
    EXPECT_EQ(serial, read_file(dir / "parallel" / file)) << file;
  }
  EXPECT_NE(read_file(dir / "serial" / "kpis.csv"), read_file(dir / "other_seed" / "kpis.csv"));
  EXPECT_NE(read_file(dir / "serial" / "timeseries.csv"), read_file(dir / "other_seed" / "timeseries.csv"));
}

// The offices of a replication may run their day on several threads (--threads). bbr_capacity has
// several PDUs sharing one interventions team, whose order of hearing about cases changes its results
// (and events.csv's row order), so it catches notices delivered in an order that depends on threads.
TEST(Determinism, SameSeedGivesByteIdenticalFilesWhateverTheThreadCount) {
  const auto dir = fresh_directory("determinism_threads");
  auto run = [&](const std::string& name, const std::string& flags) {
    run_into(dir, name, "scenarios/bbr_capacity.yaml --reps 2 --jobs 1 --events " + flags);
  };
  run("one_thread", "--threads 1");
  run("three_threads", "--threads 3");
  for (const char* file : {"kpis.csv", "timeseries.csv", "summary.csv", "events.csv"}) {
    const std::string serial = read_file(dir / "one_thread" / file);
    EXPECT_FALSE(serial.empty()) << file;
    EXPECT_EQ(serial, read_file(dir / "three_threads" / file)) << file;
  }
}

// Regions' staff events and interventions teams' days also run on the replication's threads when no
// event log is written (engine/workforce_actor.hpp, engine/daily_phase_actor.hpp), and one after
// another in scenario order when one is. tests/scenarios/twin_regions.yaml has two regions and two teams, so
// this catches either touching the other's state, and an event log whose order depends on threads.
TEST(Determinism, RegionsAndTeamsOnThreadsGiveTheSameFilesAsInTurn) {
  const auto dir = fresh_directory("determinism_regions_teams");
  auto run = [&](const std::string& name, const std::string& flags) {
    run_into(dir, name, "tests/scenarios/twin_regions.yaml --reps 2 --jobs 1 " + flags);
  };
  run("one_thread", "--threads 1");
  run("three_threads", "--threads 3");
  run("one_thread_events", "--threads 1 --events");
  run("three_threads_events", "--threads 3 --events");
  for (const char* file : {"kpis.csv", "timeseries.csv", "summary.csv"}) {
    const std::string serial = read_file(dir / "one_thread" / file);
    EXPECT_FALSE(serial.empty()) << file;
    EXPECT_EQ(serial, read_file(dir / "three_threads" / file)) << file;
    EXPECT_EQ(serial, read_file(dir / "three_threads_events" / file)) << file;
  }
  const std::string events = read_file(dir / "one_thread_events" / "events.csv");
  EXPECT_FALSE(events.empty());
  EXPECT_EQ(events, read_file(dir / "three_threads_events" / "events.csv"));
}

TEST(Determinism, RerunningTheResolvedScenarioReproducesTheRun) {
  const auto dir = fresh_directory("rerun");
  ASSERT_EQ(run_probsim("run scenarios/example_pdu.yaml --reps 2 --seed 3 --quiet --set "
                        "simulation.warm_up_weeks=30 --out '" +
                        (dir / "first").string() + "'")
                .exit_status,
            0);
  const CommandResult again =
      run_probsim("run '" + (dir / "first" / "scenario.resolved.yaml").string() +
                  "' --reps 2 --seed 3 --quiet --out '" + (dir / "again").string() + "'");
  ASSERT_EQ(again.exit_status, 0) << again.output;
  EXPECT_EQ(read_file(dir / "first" / "kpis.csv"), read_file(dir / "again" / "kpis.csv"));
  EXPECT_EQ(read_file(dir / "first" / "timeseries.csv"), read_file(dir / "again" / "timeseries.csv"));
}
