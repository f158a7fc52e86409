#pragma once
// A thread, or a SimGrid actor's stack, that the system would not give a replication: a --threads
// helper of ParallelDay (std::thread's std::system_error, EAGAIN: a limit on threads or processes,
// ulimit -u or a cgroup's pids.max, or no memory for the thread's stack), or the stack of one of the
// replication's actors (engine/actor_start.hpp: a mapping that a memory limit on the process, ulimit -v
// or -d, or the machine's memory refused). Its own type, not std::bad_alloc, so that it is not reported
// as out of memory; its kind says which, for runner/thread_start.hpp words the two apart: a thread's
// remedy is a smaller --threads or a raised limit, a stack's (whose size --threads does not change) a
// raised memory limit or more free memory.

#include <stdexcept>
#include <string>

namespace probsim {

class ThreadStartFailure : public std::runtime_error {
 public:
  enum class Kind {
    thread,       // a thread that could not start: ParallelDay's helper, or a thread context's actor
    actor_stack,  // the stack of a swapped context's actor, which could not be mapped
  };

  // `what_failed`: "could not start thread 2 of 3 for the day's casework"; `system_error`: the
  // system's own text, "Resource temporarily unavailable".
  ThreadStartFailure(Kind kind, const std::string& what_failed, const std::string& system_error)
      : std::runtime_error(what_failed + ": " + system_error), kind_(kind) {}

  [[nodiscard]] Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace probsim
