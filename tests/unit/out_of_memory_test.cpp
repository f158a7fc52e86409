// Out of memory, as main says it (runner/out_of_memory.hpp): in the command's own process, or in a
// replication's child process, which tells its parent by exit status 3; with the process's limits, if
// any. The whole path, under a real ulimit, is in e2e/memory_limit_test.cpp.
#include "runner/out_of_memory.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>
#include <new>

using namespace probsim;

TEST(OutOfMemory, TheCommandsOwnSaysTheMachineWhenNoLimitIsSet) {
  EXPECT_EQ(describe_out_of_memory(std::bad_alloc(), MemoryLimits{}),
            "out of memory: the machine would not give more");
}

TEST(OutOfMemory, ALimitIsNamedAsUlimitSetsItAndInBytes) {
  EXPECT_EQ(describe_out_of_memory(std::bad_alloc(), MemoryLimits{100000, std::nullopt}),
            "out of memory: the machine or the process limit (ulimit -v 100000, 98 MiB) would not give more");
  EXPECT_EQ(describe_out_of_memory(std::bad_alloc(), MemoryLimits{4194304, 2097152}),
            "out of memory: the machine or the process limit (ulimit -v 4194304, 4.0 GiB; ulimit -d 2097152, "
            "2.0 GiB) would not give more");
}

TEST(OutOfMemory, AReplicationIsNamedWithMaxMemoryWhenItWasGiven) {
  const ReplicationOutOfMemory error("point p0003: replication 2", std::string("8G"));
  EXPECT_EQ(describe_out_of_memory(error, MemoryLimits{}),
            "point p0003: replication 2 ran out of memory: the machine would not give more, though the "
            "estimate was within --max-memory 8G");
  EXPECT_EQ(
      describe_out_of_memory(ReplicationOutOfMemory("example_pdu: replication 1", std::nullopt),
                             MemoryLimits{100000, std::nullopt}),
      "example_pdu: replication 1 ran out of memory: the machine or the process limit (ulimit -v 100000, "
      "98 MiB) would not give more");
}

TEST(OutOfMemory, OnlyExitStatusThreeIsOutOfMemory) {
  EXPECT_TRUE(ran_out_of_memory(W_EXITCODE(kOutOfMemoryExitStatus, 0)));
  EXPECT_FALSE(ran_out_of_memory(W_EXITCODE(0, 0)));
  EXPECT_FALSE(ran_out_of_memory(W_EXITCODE(2, 0)));
  EXPECT_FALSE(ran_out_of_memory(W_EXITCODE(0, 6)));  // SIGABRT: not told to be out of memory
}

// Most often, not always: kill -9, a job scheduler or a cgroup's limit send SIGKILL too.
TEST(OutOfMemory, AKilledReplicationIsSaidToBeMostOftenWhatTheOutOfMemoryKillerDoes) {
  EXPECT_EQ(describe_signal_end(W_EXITCODE(2, 0)), "");
  EXPECT_EQ(describe_signal_end(W_EXITCODE(0, SIGABRT)), " (signal 6)");
  EXPECT_EQ(describe_signal_end(W_EXITCODE(0, SIGKILL)),
            " (signal 9: killed; most often by the operating system's out-of-memory killer, when the "
            "machine runs out of memory)");
}
