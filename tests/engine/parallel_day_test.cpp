// engine/parallel_day.hpp's threads that cannot be started, and engine/actor_start.hpp's stack check:
// a replication that the system refuses a thread or an actor's stack says which and why
// (engine/thread_start_failure.hpp), where it used to say "Resource temporarily unavailable" alone, or
// abort in SimGrid ("signal 6"). The failure is made on cue by a thread starter passed to the pool, not
// by a limit, so that it is the same on any machine and under any user, root included.
#include "engine/parallel_day.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "engine/actor_start.hpp"
#include "engine/thread_start_failure.hpp"

using namespace probsim;

namespace {

// Starts threads as std::thread does until `refuse_at` (counting from 0), which it refuses as
// pthread_create does under a tight ulimit -u (EAGAIN); counts the threads whose body has returned.
struct RefusingStarter {
  std::size_t refuse_at;
  std::size_t started = 0;
  std::atomic<std::size_t> ended{0};

  ParallelDay::ThreadStarter starter() {
    return [this](std::function<void()> body) {
      if (started == refuse_at) throw std::system_error(EAGAIN, std::generic_category(), "thread");
      ++started;
      return std::thread([this, body = std::move(body)] {
        body();
        ++ended;
      });
    };
  }
};

TEST(ParallelDay, AThreadThatCannotStartIsNamedWithItsNumberItsWorkAndTheSystemsText) {
  RefusingStarter refusing{/*refuse_at=*/2};
  try {
    ParallelDay pool(5, "the day's casework", refusing.starter());
    FAIL() << "the pool was made without its fourth thread";
  } catch (const ThreadStartFailure& failure) {
    // Thread 1 is the caller; helpers 2 and 3 started, and 4 was refused.
    EXPECT_STREQ(failure.what(),
                 "could not start thread 4 of 5 for the day's casework: Resource temporarily unavailable");
  }
  // The helpers already started were stopped and joined before the error went on (a joinable
  // std::thread destroyed would have called std::terminate).
  EXPECT_EQ(refusing.started, 2U);
  EXPECT_EQ(refusing.ended.load(), 2U);
}

TEST(ParallelDay, TheFirstHelperRefusedIsThreadTwo) {
  RefusingStarter refusing{/*refuse_at=*/0};
  EXPECT_THROW(
      {
        try {
          ParallelDay pool(2, "the offices' warm start", refusing.starter());
        } catch (const ThreadStartFailure& failure) {
          EXPECT_STREQ(failure.what(),
                       "could not start thread 2 of 2 for the offices' warm start: Resource "
                       "temporarily unavailable");
          throw;
        }
      },
      ThreadStartFailure);
}

// Out of memory while starting a thread stays out of memory (runner/out_of_memory.hpp says it), and the
// started helpers are joined all the same.
TEST(ParallelDay, OutOfMemoryWhileStartingAThreadIsLeftAsOutOfMemory) {
  std::size_t started = 0;
  std::atomic<std::size_t> ended{0};
  const ParallelDay::ThreadStarter starter = [&](std::function<void()> body) {
    if (started == 1) throw std::bad_alloc();
    ++started;
    return std::thread([&ended, body = std::move(body)] {
      body();
      ++ended;
    });
  };
  EXPECT_THROW(ParallelDay(3, "the day's casework", starter), std::bad_alloc);
  EXPECT_EQ(ended.load(), 1U);
}

// The starter is used for every helper, and a pool it starts runs every item once.
TEST(ParallelDay, APoolOfStartedThreadsRunsEveryItemOnce) {
  RefusingStarter never{/*refuse_at=*/100};
  std::vector<std::atomic<int>> runs(50);
  {
    ParallelDay pool(4, "the day's casework", never.starter());
    EXPECT_EQ(pool.threads(), 4U);
    pool.run(runs.size(), [&](std::size_t i) { ++runs[i]; });
  }
  EXPECT_EQ(never.started, 3U);
  EXPECT_EQ(never.ended.load(), 3U);
  for (const auto& count : runs) EXPECT_EQ(count.load(), 1);
}

// The process's virtual memory (VmSize in /proc/self/status), in KiB: a mapping left behind adds to it.
std::int64_t virtual_memory_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmSize:", 0) == 0) return std::stoll(line.substr(7));
  return -1;
}

// A stack larger than any address space is refused with the system's text and the actor's name, as an
// actor's stack (which runner/thread_start.hpp words as a memory limit, not a thread's); one of SimGrid's
// usual size is not, and is given back: the process's virtual memory has not grown by it.
TEST(ActorStack, AStackThatCannotBeHadIsNamedAndOneThatCanIsGivenBack) {
  try {
    check_actor_stack("offices", std::size_t{1} << 60);
    FAIL() << "a stack of 2^60 bytes was had";
  } catch (const ThreadStartFailure& failure) {
    EXPECT_STREQ(
        failure.what(),
        "could not allocate the stack of the offices actor (1099511627776 MiB): Cannot allocate memory");
    EXPECT_EQ(failure.kind(), ThreadStartFailure::Kind::actor_stack);
  }
  const std::int64_t before = virtual_memory_kib();
  ASSERT_GT(before, 0);
  EXPECT_NO_THROW(check_actor_stack("offices", std::size_t{8} << 20));
  EXPECT_LT(virtual_memory_kib() - before, 8 * 1024) << "the 8 MiB stack stayed mapped";
}

// Every actor's stack is checked at once, before the first is created, with a margin for SimGrid's own
// allocations that follow (which abort when they fail): the message says how many and how much in all.
TEST(ActorStack, TheStacksOfAllTheActorsAreCheckedTogetherAndGivenBack) {
  try {
    check_actor_stacks(4, std::size_t{1} << 58);
    FAIL() << "four stacks of 2^58 bytes were had";
  } catch (const ThreadStartFailure& failure) {
    EXPECT_STREQ(failure.what(),
                 "could not allocate the stacks of the replication's 4 actors (274877906944 MiB each, "
                 "1099511627778 MiB in all with SimGrid's own): Cannot allocate memory");
    EXPECT_EQ(failure.kind(), ThreadStartFailure::Kind::actor_stack);
  }
  const std::int64_t before = virtual_memory_kib();
  EXPECT_NO_THROW(check_actor_stacks(4, std::size_t{8} << 20));
  EXPECT_LT(virtual_memory_kib() - before, 8 * 1024) << "the stacks stayed mapped";
}

}  // namespace
