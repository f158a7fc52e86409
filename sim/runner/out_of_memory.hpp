#pragma once
// Out of memory (std::bad_alloc), said the same way where it is caught (cli/main.cpp says it, with the
// command's advice): an allocation that fails in the command's own process, or inside the model's actors
// in a replication's child process (engine/actor_failure.hpp), which tells its parent by its exit
// status, so that the parent can say "replication R ran out of memory" rather than "failed (signal 6)".
// Either way the message names the process's limit, if one is set. Not caught as out of memory: a
// --threads thread that cannot be created or a SimGrid actor stack that cannot be allocated (said as
// such by the child, runner/thread_start.hpp), a process killed (signal 9).

#include <cstdint>
#include <new>
#include <optional>
#include <string>

namespace probsim {

// The exit status of a replication's child process (`run`, `batch`, `bench`) that ran out of memory.
// A child that fails otherwise exits 2, having said why (replication_process.hpp).
inline constexpr int kOutOfMemoryExitStatus = 3;

// Whether waitpid's `wait_status` is that of a child that ran out of memory.
[[nodiscard]] bool ran_out_of_memory(int wait_status);

// For "replication R failed" + it: how a child process that did not exit ended, "" if it exited. A
// SIGKILL is said to come most often from the operating system's out-of-memory killer (on a machine
// that overcommits memory, Linux's default, a process is more often killed than refused an
// allocation), not always: kill -9, a job scheduler or a cgroup's memory limit send it too.
[[nodiscard]] std::string describe_signal_end(int wait_status);

// A replication's child process ran out of memory: thrown by its parent, once the other replications
// are stopped and what they left unfinished is removed, to main, which says so with the command's
// advice. A std::bad_alloc, so that whatever catches out of memory on the way (to clean up) catches it.
class ReplicationOutOfMemory : public std::bad_alloc {
 public:
  // `replication` names it in the message ("point p0003: replication 2"); `max_memory` is
  // --max-memory's text, when it was given.
  ReplicationOutOfMemory(std::string replication, std::optional<std::string> max_memory)
      : replication_(std::move(replication)), max_memory_(std::move(max_memory)) {}
  [[nodiscard]] const char* what() const noexcept override { return "a replication ran out of memory"; }
  [[nodiscard]] const std::string& replication() const noexcept { return replication_; }
  [[nodiscard]] const std::optional<std::string>& max_memory() const noexcept { return max_memory_; }

 private:
  std::string replication_;
  std::optional<std::string> max_memory_;
};

// The process's limits on its memory, in KiB as `ulimit` sets them (nothing where there is none).
struct MemoryLimits {
  std::optional<std::uint64_t> address_space_kib;  // ulimit -v (RLIMIT_AS)
  std::optional<std::uint64_t> data_kib;           // ulimit -d (RLIMIT_DATA)
};

// This process's limits (a child's are its parent's).
[[nodiscard]] MemoryLimits process_memory_limits();

// What `error` says, for "probsim COMMAND: " + it + "; ADVICE": "out of memory: the machine would not
// give more", "point p0003: replication 2 ran out of memory: the machine or the process limit (ulimit -v
// 100000, 98 MiB) would not give more", and, when --max-memory was given, that the estimate was
// within it.
[[nodiscard]] std::string describe_out_of_memory(const std::bad_alloc& error, const MemoryLimits& limits);

}  // namespace probsim
