#pragma once
// A thread, or a SimGrid actor's stack, that the system would not give a replication: a --threads
// helper of ParallelDay (std::thread's std::system_error, EAGAIN: a limit on threads or processes,
// ulimit -u or a cgroup's pids.max, or no memory for the thread's stack), or the stack of one of the
// replication's actors (engine/actor_start.hpp). Its own type, not std::bad_alloc, so that it is not
// reported as out of memory: its usual cause is a limit on threads, and its remedy a smaller --threads
// or a raised limit, which runner/thread_start.hpp words with the command's advice.

#include <stdexcept>
#include <string>

namespace probsim {

class ThreadStartFailure : public std::runtime_error {
 public:
  // `what_failed`: "could not start thread 2 of 3 for the day's casework"; `system_error`: the
  // system's own text, "Resource temporarily unavailable".
  ThreadStartFailure(const std::string& what_failed, const std::string& system_error)
      : std::runtime_error(what_failed + ": " + system_error) {}
};

}  // namespace probsim
