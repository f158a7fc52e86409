#pragma once
// A replication that could not start a thread, or an actor's stack (engine/thread_start_failure.hpp),
// said where it is caught: in a replication's child process (`run`, `batch`, `bench`), which says it
// itself, naming the replication, and exits as any other failure it has said (2), and in `snapshot`'s
// replay (cli/main.cpp). Not out of memory (exit 3, runner/out_of_memory.hpp), whose message names the
// memory limits and advises a smaller scenario or --max-memory: the usual cause here is a limit on
// threads or processes, and the remedy a smaller --threads or a raised limit.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/thread_start_failure.hpp"

namespace probsim {

// The process's limits a thread can run into, in `ulimit`'s own units (nothing where there is none).
struct ThreadLimits {
  std::optional<std::uint64_t> processes;          // ulimit -u (RLIMIT_NPROC), if it binds this user
  std::optional<std::uint64_t> address_space_kib;  // ulimit -v (RLIMIT_AS)
  std::optional<std::uint64_t> data_kib;           // ulimit -d (RLIMIT_DATA)
  std::optional<std::uint64_t> stack_kib;          // ulimit -s, when above 8192: each thread's stack
};

// This process's limits.
[[nodiscard]] ThreadLimits process_thread_limits();

// "could not start thread 2 of 3 for the day's casework: Resource temporarily unavailable. A limit on
// threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the machine had no
// memory for the stack (here ulimit -u 40); " + `advice` ("run with a smaller --threads or fewer
// --jobs, or raise the limit").
[[nodiscard]] std::string describe_thread_start_failure(const ThreadStartFailure& failure,
                                                        const ThreadLimits& limits,
                                                        const std::string& advice);

// The advice of a replication's child of `run` and `batch`, and of `bench`'s, which runs one.
inline constexpr const char* kThreadAdviceWithJobs =
    "run with a smaller --threads or fewer --jobs, or raise the limit";
inline constexpr const char* kThreadAdviceWithoutJobs = "run with a smaller --threads, or raise the limit";

}  // namespace probsim
