// A thread or an actor's stack that a replication could not have, as its child process says it
// (runner/thread_start.hpp): what could not start and the system's text, the cause (for a thread, a
// limit on threads or processes or on memory; for a stack, a memory limit on the process or the
// machine's memory), the limits this process has that bear on it, and what to do. The whole path, under
// a real limit, is in e2e/thread_start_failure_test.cpp.
#include "runner/thread_start.hpp"

#include <gtest/gtest.h>

#include <new>
#include <type_traits>

using namespace probsim;

namespace {

const ThreadStartFailure kRefused(ThreadStartFailure::Kind::thread,
                                  "could not start thread 2 of 3 for the day's casework",
                                  "Resource temporarily unavailable");
const ThreadStartFailure kNoStack(ThreadStartFailure::Kind::actor_stack,
                                  "could not allocate the stack of the offices actor (8 MiB)",
                                  "Cannot allocate memory");

}  // namespace

TEST(ThreadStart, TheCauseAndTheAdviceFollowWhatCouldNotStart) {
  EXPECT_EQ(describe_thread_start_failure(kRefused, ThreadLimits{}, kAdviceOfRun),
            "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A limit "
            "on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the "
            "machine had no memory for the stack; run with a smaller --threads or fewer --jobs, or raise "
            "the limit");
  EXPECT_EQ(describe_thread_start_failure(kRefused, ThreadLimits{}, kAdviceOfReplay),
            "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A limit "
            "on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the "
            "machine had no memory for the stack; raise the limit");
}

TEST(ThreadStart, TheLimitsSetAreNamedAsUlimitSetsThem) {
  EXPECT_EQ(
      describe_thread_start_failure(kRefused, ThreadLimits{40, 1000000, 2000000, 2000000}, kAdviceOfBench),
      "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A limit "
      "on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the "
      "machine had no memory for the stack (here ulimit -u 40, ulimit -v 1000000, ulimit -d 2000000, "
      "ulimit -s 2000000); run with a smaller --threads, or raise the limit");
  EXPECT_NE(describe_thread_start_failure(kRefused, ThreadLimits{40, {}, {}, {}}, kAdviceOfRun)
                .find("(here ulimit -u 40)"),
            std::string::npos);
}

// An actor's stack is a mapping of the process's, 8 MiB whatever --threads: a memory limit on the
// process (ulimit -v, -d) or the machine's memory refuses it, and neither --threads nor ulimit -u or -s
// has anything to do with it. --jobs frees the machine's memory, not a limit each process has.
TEST(ThreadStart, AnActorsStackIsAMemoryLimitOnTheProcessOrTheMachinesMemory) {
  EXPECT_EQ(
      describe_thread_start_failure(kNoStack, ThreadLimits{40, 70000, {}, 2000000}, kAdviceOfRun),
      "could not allocate the stack of the offices actor (8 MiB): Cannot allocate memory. A limit on the "
      "process's memory was reached (here ulimit -v 70000), or the machine had no memory to give; raise "
      "the limit, or free memory (fewer --jobs leaves more of the machine's memory, but does not change "
      "a limit, which each process has to itself)");
  EXPECT_EQ(
      describe_thread_start_failure(kNoStack, ThreadLimits{{}, 70000, 90000, {}}, kAdviceOfBench),
      "could not allocate the stack of the offices actor (8 MiB): Cannot allocate memory. A limit on the "
      "process's memory was reached (here ulimit -v 70000, ulimit -d 90000), or the machine had no "
      "memory to give; raise the limit, or free memory");
  EXPECT_EQ(describe_thread_start_failure(kNoStack, ThreadLimits{40, {}, {}, 2000000}, kAdviceOfRun),
            "could not allocate the stack of the offices actor (8 MiB): Cannot allocate memory. The machine "
            "had no memory to give (no limit on the process's memory, ulimit -v or -d, is set); free memory, "
            "or run fewer --jobs");
  EXPECT_EQ(describe_thread_start_failure(kNoStack, ThreadLimits{}, kAdviceOfReplay),
            "could not allocate the stack of the offices actor (8 MiB): Cannot allocate memory. The machine "
            "had no memory to give (no limit on the process's memory, ulimit -v or -d, is set); free memory");
  for (const ThreadStartAdvice& advice : {kAdviceOfRun, kAdviceOfBench, kAdviceOfReplay}) {
    const std::string said =
        describe_thread_start_failure(kNoStack, ThreadLimits{40, 70000, 90000, 2000000}, advice);
    EXPECT_EQ(said.find("--threads"), std::string::npos) << said;
    EXPECT_EQ(said.find("-u"), std::string::npos) << said;
    EXPECT_EQ(said.find("-s"), std::string::npos) << said;
  }
}

// Its own failure, not out of memory: nothing that catches std::bad_alloc on the way (to say "ran out
// of memory" and advise --max-memory) catches it.
TEST(ThreadStart, AThreadStartFailureIsNoOutOfMemory) {
  static_assert(!std::is_base_of_v<std::bad_alloc, ThreadStartFailure>);
  static_assert(std::is_base_of_v<std::exception, ThreadStartFailure>);
  EXPECT_STREQ(kRefused.what(),
               "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable");
  EXPECT_EQ(kRefused.kind(), ThreadStartFailure::Kind::thread);
  EXPECT_EQ(kNoStack.kind(), ThreadStartFailure::Kind::actor_stack);
}
