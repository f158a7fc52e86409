// Out of memory past the estimate, in a replication's own process: a child of run, batch or bench, and
// snapshot's replay. The simulation runs in SimGrid actors, where an exception would abort the process
// (SimGrid calls std::terminate: "failed (signal 6)"); engine/actor_failure.hpp hands it back to the
// code that runs the engine, the child tells its parent by exit status 3, and the command says which
// replication ran out, under which limit, and how to ask for less, and exits 1 with nothing
// half-written. A real `ulimit -v`, not a hook: the shipped binary reads no test-only setting.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"
#include "e2e/shell_limit_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// probsim starts and reads a scenario under this limit, but a replication of example_pdu at 2,000
// referrals a week from an empty caseload outgrows it within its first simulated months (it reaches
// some 200 MiB by its end), inside the actors. --max-memory 1T lets it past the estimate on any machine.
const std::string kLimit = "ulimit -v 100000; ";
const std::string kLimitSaid =
    "the machine or the process limit (ulimit -v 100000, 98 MiB) would not give more";
const std::string kGrowing =
    " --set regions.0.pdus.Northgate.referrals_per_week=2000 --set simulation.warm_start=empty";

std::string example() {
  return quoted(fs::path(source_path("scenarios/example_pdu.yaml")));
}

// Nothing of SimGrid's abort, nor the parent's report of a signal.
void expect_no_abort(const CommandResult& result) {
  EXPECT_FALSE(contains(result.output, "signal")) << result.output;
  EXPECT_FALSE(contains(result.output, "Uncaught exception")) << result.output;
  EXPECT_FALSE(contains(result.output, "terminate called")) << result.output;
}

TEST(ReplicationOutOfMemory, ARunSaysWhichReplicationRanOutUnderWhichLimitAndKeepsNothing) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const fs::path dir = fresh_directory("oom-run");
  const CommandResult result =
      probsim_under(kLimit, "run " + example() + kGrowing +
                                " --reps 2 --jobs 1 --quiet --max-memory 1T --out " + quoted(dir / "run"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(
      contains(result.output, "probsim run: example_pdu: replication 1 ran out of memory: " + kLimitSaid +
                                  ", though the estimate was within --max-memory 1T; it runs --jobs "
                                  "replications at once; run fewer (--jobs 1), or a smaller scenario"))
      << result.output;
  EXPECT_TRUE(contains(result.output, ". Nothing half-written was kept.\n")) << result.output;
  expect_no_abort(result);
  EXPECT_TRUE(fs::is_empty(dir)) << "no run directory, and no staging directory beside it";
}

TEST(ReplicationOutOfMemory, ABatchSaysWhichPointAndKeepsOnlyTheCompleteReplications) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const fs::path dir = fresh_directory("oom-batch");
  write_file(dir / "sweep.yaml",
             "name: oom\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                 "]\nparameters:\n  regions.0.pdus.Northgate.referrals_per_week: [3, "
                 "2000]\nset:\n  simulation.warm_start: empty\nreplications_per_point: 2\n");
  const CommandResult result = probsim_under(
      kLimit, "batch " + quoted(dir / "sweep.yaml") + " --jobs 1 --quiet --out " + quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  // The advice for a replication's child, which holds one point, not the batch's own (which holds every
  // point: "give the sweep fewer points"), and that what is complete is kept to resume.
  EXPECT_TRUE(
      contains(result.output, "probsim batch: point p0002: replication 1 ran out of memory: " + kLimitSaid +
                                  "; it runs --jobs replications at once; run fewer (--jobs 1), or "
                                  "make the point smaller (fewer PDUs, a shorter report window). The "
                                  "replications already complete are kept: run the same command "
                                  "again to resume. Nothing half-written was kept.\n"))
      << result.output;
  EXPECT_FALSE(contains(result.output, "fewer points")) << result.output;
  expect_no_abort(result);
  // The small point's replications are complete and kept (to resume); the large one left nothing.
  for (const char* file : {"rep-00001.kpis.csv", "rep-00002.kpis.csv"})
    EXPECT_TRUE(fs::exists(dir / "batch" / "points" / "p0001" / "replications" / file)) << file;
  EXPECT_TRUE(fs::is_empty(dir / "batch" / "points" / "p0002" / "replications"));
}

TEST(ReplicationOutOfMemory, BenchSaysItsReplicationRanOut) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const CommandResult result = probsim_under(kLimit, "bench " + example() + kGrowing + " --max-memory 1T");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(
      contains(result.output, "probsim bench: the benchmark replication ran out of memory: " + kLimitSaid +
                                  ", though the estimate was within --max-memory 1T; it runs one "
                                  "replication"))
      << result.output;
  expect_no_abort(result);
}

// The replay of a run that fitted without the limit: out of memory in the replay says so and exits 1, and
// no snapshot folder is made in the run directory.
TEST(ReplicationOutOfMemory, ASnapshotWhoseReplayRunsOutSaysSoAndWritesNothing) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const fs::path dir = fresh_directory("oom-snapshot");
  const CommandResult run =
      run_probsim("run " + example() + kGrowing +
                  " --set simulation.report_end=2023-01-31 --reps 1 --quiet --max-memory 1T --out " +
                  quoted(dir / "run"));
  ASSERT_EQ(run.exit_status, 0) << run.output;
  const CommandResult result =
      probsim_under(kLimit, "snapshot " + quoted(dir / "run") + " --date 2023-01-15");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "probsim snapshot: out of memory: " + kLimitSaid +
                                          "; it replays one replication of the run; run it on a machine with "
                                          "more memory. Nothing half-written was kept.\n"))
      << result.output;
  expect_no_abort(result);
  for (const auto& entry : fs::directory_iterator(dir / "run"))
    EXPECT_EQ(entry.path().filename().string().rfind("snapshot", 0), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace probsim::testing
