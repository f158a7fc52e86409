#pragma once
// A replication that could not start a thread, or an actor's stack (engine/thread_start_failure.hpp),
// said where it is caught: in a replication's child process (`run`, `batch`, `bench`), which says it
// itself, naming the replication, and exits as any other failure it has said (2), and in `snapshot`'s
// replay (cli/main.cpp). Not out of memory (exit 3, runner/out_of_memory.hpp), whose message names the
// memory limits and advises a smaller scenario or --max-memory. A thread's usual cause is a limit on
// threads or processes, and its remedy a smaller --threads or a raised limit; an actor's stack (8 MiB
// each, whatever --threads and --jobs) is refused by a memory limit on the process (ulimit -v or -d) or
// the machine's memory, and its remedy a raised limit or more free memory.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/thread_start_failure.hpp"

namespace probsim {

// The process's limits a thread or a stack can run into, in `ulimit`'s own units (nothing where there is
// none).
struct ThreadLimits {
  std::optional<std::uint64_t> processes;          // ulimit -u (RLIMIT_NPROC), if it binds this user
  std::optional<std::uint64_t> address_space_kib;  // ulimit -v (RLIMIT_AS)
  std::optional<std::uint64_t> data_kib;           // ulimit -d (RLIMIT_DATA)
  std::optional<std::uint64_t> stack_kib;          // ulimit -s, when above 8192: each thread's stack
};

// This process's limits.
[[nodiscard]] ThreadLimits process_thread_limits();

// The options of the command that met the failure which its advice may name.
struct ThreadStartAdvice {
  bool threads = false;  // --threads: a smaller one starts fewer threads (the actors' stacks stay)
  bool jobs = false;     // --jobs: fewer run fewer replications at once, each in its own process
};
// A replication's child of `run` and `batch`; `bench`'s, which runs one; `snapshot`'s replay, one
// replication on one thread, in the command's own process.
inline constexpr ThreadStartAdvice kAdviceOfRun{true, true};
inline constexpr ThreadStartAdvice kAdviceOfBench{true, false};
inline constexpr ThreadStartAdvice kAdviceOfReplay{false, false};

// A thread: "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A
// limit on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the
// machine had no memory for the stack (here ulimit -u 40); run with a smaller --threads or fewer --jobs,
// or raise the limit", naming every limit set.
// An actor's stack: "could not allocate the stack of the offices actor (8 MiB): Cannot allocate memory.
// A limit on the process's memory was reached (here ulimit -v 70000), or the machine had no memory to
// give; raise the limit, or free memory (...)", naming ulimit -v and -d if set; the machine's memory
// alone if neither is.
[[nodiscard]] std::string describe_thread_start_failure(const ThreadStartFailure& failure,
                                                        const ThreadLimits& limits,
                                                        const ThreadStartAdvice& advice);

}  // namespace probsim
