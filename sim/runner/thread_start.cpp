#include "runner/thread_start.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <utility>

namespace probsim {

namespace {

std::optional<std::uint64_t> limit(int resource, std::uint64_t unit) {
  rlimit value{};
  if (::getrlimit(resource, &value) != 0 || value.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::uint64_t>(value.rlim_cur / unit);
}

}  // namespace

ThreadLimits process_thread_limits() {
  ThreadLimits limits;
  // The kernel holds a process to RLIMIT_NPROC unless its real user is root (uid 0) or it has
  // CAP_SYS_RESOURCE or CAP_SYS_ADMIN (as root usually has): by the real uid, not the effective one
  // (a set-uid-root binary run by another user is still held). Naming a limit that does not bind would
  // send the user after it.
  if (::getuid() != 0) limits.processes = limit(RLIMIT_NPROC, 1);
  limits.address_space_kib = limit(RLIMIT_AS, 1024);
  limits.data_kib = limit(RLIMIT_DATA, 1024);
  // glibc gives each new thread a stack of ulimit -s (when set): a large one takes memory a thread at a
  // time. The usual 8192 is not worth naming.
  const auto stack = limit(RLIMIT_STACK, 1024);
  if (stack && *stack > 8192) limits.stack_kib = stack;
  return limits;
}

std::string describe_thread_start_failure(const ThreadStartFailure& failure, const ThreadLimits& limits,
                                          const std::string& advice) {
  std::string named;
  for (const auto& [option, value] :
       {std::pair{"-u", limits.processes}, std::pair{"-v", limits.address_space_kib},
        std::pair{"-d", limits.data_kib}, std::pair{"-s", limits.stack_kib}})
    if (value)
      named += std::string(named.empty() ? "" : ", ") + "ulimit " + option + " " + std::to_string(*value);
  return std::string(failure.what()) +
         ". A limit on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or "
         "the "
         "machine had no memory for the stack" +
         (named.empty() ? "" : " (here " + named + ")") + "; " + advice;
}

}  // namespace probsim
