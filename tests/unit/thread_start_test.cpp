// A thread or an actor's stack that a replication could not have, as its child process says it
// (runner/thread_start.hpp): what could not start and the system's text, that a limit on threads or
// processes or on memory is the cause, the limits this process has, and what to do. The whole path,
// under a real limit, is in e2e/thread_start_failure_test.cpp.
#include "runner/thread_start.hpp"

#include <gtest/gtest.h>

#include <new>
#include <type_traits>

using namespace probsim;

namespace {

const ThreadStartFailure kRefused("could not start thread 2 of 3 for the day's casework",
                                  "Resource temporarily unavailable");

}  // namespace

TEST(ThreadStart, TheCauseAndTheAdviceFollowWhatCouldNotStart) {
  EXPECT_EQ(describe_thread_start_failure(kRefused, ThreadLimits{}, kThreadAdviceWithJobs),
            "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A limit "
            "on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the "
            "machine had no memory for the stack; run with a smaller --threads or fewer --jobs, or raise "
            "the limit");
}

TEST(ThreadStart, TheLimitsSetAreNamedAsUlimitSetsThem) {
  EXPECT_EQ(describe_thread_start_failure(kRefused, ThreadLimits{40, 1000000, 2000000, 2000000},
                                          kThreadAdviceWithoutJobs),
            "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A limit "
            "on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the "
            "machine had no memory for the stack (here ulimit -u 40, ulimit -v 1000000, ulimit -d 2000000, "
            "ulimit -s 2000000); run with a smaller --threads, or raise the limit");
  EXPECT_NE(
      describe_thread_start_failure(kRefused, ThreadLimits{40, {}, {}, {}}, "x").find("(here ulimit -u 40)"),
      std::string::npos);
}

// Its own failure, not out of memory: nothing that catches std::bad_alloc on the way (to say "ran out
// of memory" and advise --max-memory) catches it.
TEST(ThreadStart, AThreadStartFailureIsNoOutOfMemory) {
  static_assert(!std::is_base_of_v<std::bad_alloc, ThreadStartFailure>);
  static_assert(std::is_base_of_v<std::exception, ThreadStartFailure>);
  EXPECT_STREQ(kRefused.what(),
               "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable");
}
