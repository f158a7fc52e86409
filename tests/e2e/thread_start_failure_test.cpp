// A replication whose --threads thread the system will not start: its child process says, in one line
// naming the replication, which thread of how many could not start for what, the system's text, the
// cause and the remedy, and exits 2; the command reports the replication failed as any other, exits 1
// and keeps nothing half-written. It used to say "replication 1 failed: Resource temporarily
// unavailable" alone.
//
// A real limit, the same as root and as any user: each new thread's stack is ulimit -s (2,000,000 KiB
// here), which an address space of ulimit -v 1,000,000 KiB cannot hold, so the first helper thread is
// refused (EAGAIN) whatever the machine, while probsim itself, on one thread, runs well within it.
// (ulimit -u would bind only a user other than root, and counts that user's other processes too.)

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

const std::string kLimit = "ulimit -v 1000000 && ulimit -s 2000000 && ";
const std::string kCause =
    ": Resource temporarily unavailable. A limit on threads or processes (ulimit -u, a cgroup's pids.max) or "
    "on memory was reached, or the machine had no memory for the stack (here ";
// The limits set, in the order ulimit -u, -v, -d, -s: as a user other than root, that user's ulimit -u
// comes first ("here ulimit -u 63704, ..."), and a ulimit -d the host sets comes between -v and -s, so
// the two this test sets are looked for apart; -s is the last named, just before the advice.
const std::string kAddressSpaceSaid = "ulimit -v 1000000, ";
const std::string kStackSaid = "ulimit -s 2000000); ";

std::string example() {
  return quoted(fs::path(source_path("scenarios/example_pdu.yaml")));
}

void expect_no_abort(const CommandResult& result) {
  EXPECT_FALSE(contains(result.output, "signal")) << result.output;
  EXPECT_FALSE(contains(result.output, "terminate called")) << result.output;
  EXPECT_FALSE(contains(result.output, "ran out of memory")) << result.output;
}

TEST(ThreadStartFailure, ARunSaysWhichThreadOfWhichReplicationCouldNotStartAndKeepsNothing) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const fs::path dir = fresh_directory("threads-run");
  const CommandResult result = probsim_under(
      kLimit, "run " + example() + " --reps 2 --jobs 1 --threads 3 --quiet --out " + quoted(dir / "run"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "probsim: example_pdu: replication 1 could not start thread 2 of 3 for the "
                       "offices' warm start" +
                           kCause))
      << result.output;
  EXPECT_TRUE(contains(result.output, kAddressSpaceSaid)) << result.output;
  EXPECT_TRUE(contains(result.output,
                       kStackSaid + "run with a smaller --threads or fewer --jobs, or raise the limit\n"))
      << result.output;
  EXPECT_TRUE(
      contains(result.output, "probsim: example_pdu: replication 1 failed; no results were written\n"))
      << result.output;
  expect_no_abort(result);
  EXPECT_TRUE(fs::is_empty(dir)) << "no run directory, and no staging directory beside it";
}

TEST(ThreadStartFailure, ABatchNamesThePointAndKeepsNoUnfinishedReplication) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const fs::path dir = fresh_directory("threads-batch");
  write_file(dir / "sweep.yaml", "name: threads\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                                     "]\nparameters:\n  regions.0.pdus.Northgate.referrals_per_week: [3, "
                                     "4]\nreplications_per_point: 1\n");
  const CommandResult result =
      probsim_under(kLimit, "batch " + quoted(dir / "sweep.yaml") + " --jobs 1 --threads 3 --quiet --out " +
                                quoted(dir / "batch"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "probsim: point p0001: replication 1 could not start thread 2 of 3 for "
                       "the offices' warm start" +
                           kCause))
      << result.output;
  EXPECT_TRUE(contains(result.output, kAddressSpaceSaid)) << result.output;
  EXPECT_TRUE(contains(result.output, kStackSaid)) << result.output;
  expect_no_abort(result);
  EXPECT_TRUE(fs::is_empty(dir / "batch" / "points" / "p0001" / "replications"));
}

TEST(ThreadStartFailure, BenchSaysItsReplicationCouldNotStartAThreadWithoutAdvisingJobs) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const CommandResult result = probsim_under(kLimit, "bench " + example() + " --threads 3");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "probsim: the benchmark replication could not start thread 2 of 3 for the "
                       "offices' warm start" +
                           kCause))
      << result.output;
  EXPECT_TRUE(contains(result.output, kAddressSpaceSaid)) << result.output;
  EXPECT_TRUE(contains(result.output, kStackSaid + "run with a smaller --threads, or raise the limit\n"))
      << result.output;
  expect_no_abort(result);
}

// One thread, as --threads 1 asks, needs no thread started: the same limit lets the run finish.
TEST(ThreadStartFailure, OneThreadRunsUnderTheSameLimit) {
  if (!probsim_starts_under(kLimit, example())) GTEST_SKIP() << "probsim does not start under " << kLimit;
  const fs::path dir = fresh_directory("threads-one");
  const CommandResult result = probsim_under(
      kLimit, "run " + example() + " --reps 1 --threads 1 --quiet --out " + quoted(dir / "run"));
  EXPECT_EQ(result.exit_status, 0) << result.output;
}

}  // namespace
}  // namespace probsim::testing
