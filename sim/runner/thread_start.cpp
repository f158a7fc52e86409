#include "runner/thread_start.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <initializer_list>
#include <utility>

namespace probsim {

namespace {

std::optional<std::uint64_t> limit(int resource, std::uint64_t unit) {
  rlimit value{};
  if (::getrlimit(resource, &value) != 0 || value.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::uint64_t>(value.rlim_cur / unit);
}

using NamedLimit = std::pair<const char*, std::optional<std::uint64_t>>;

// "ulimit -u 40, ulimit -v 1000000", of those set; empty if none is.
std::string name_limits(std::initializer_list<NamedLimit> limits) {
  std::string named;
  for (const auto& [option, value] : limits)
    if (value)
      named += std::string(named.empty() ? "" : ", ") + "ulimit " + option + " " + std::to_string(*value);
  return named;
}

std::string describe_thread(const ThreadLimits& limits, const ThreadStartAdvice& advice) {
  const std::string named = name_limits({{"-u", limits.processes},
                                         {"-v", limits.address_space_kib},
                                         {"-d", limits.data_kib},
                                         {"-s", limits.stack_kib}});
  return "A limit on threads or processes (ulimit -u, a cgroup's pids.max) or on memory was reached, or the "
         "machine had no memory for the stack" +
         (named.empty() ? "" : " (here " + named + ")") + "; " +
         (advice.threads ? std::string("run with a smaller --threads") +
                               (advice.jobs ? " or fewer --jobs" : "") + ", or raise the limit"
                         : "raise the limit");
}

// An actor's stack is a mapping of the process's: ulimit -u and -s, --threads, and (for a limit of the
// process's) --jobs have nothing to do with it.
std::string describe_actor_stack(const ThreadLimits& limits, const ThreadStartAdvice& advice) {
  const std::string named = name_limits({{"-v", limits.address_space_kib}, {"-d", limits.data_kib}});
  if (named.empty())
    return std::string(
               "The machine had no memory to give (no limit on the process's memory, ulimit -v or "
               "-d, is set); free memory") +
           (advice.jobs ? ", or run fewer --jobs" : "");
  return "A limit on the process's memory was reached (here " + named +
         "), or the machine had no memory to give; raise the limit, or free memory" +
         (advice.jobs ? " (fewer --jobs leaves more of the machine's memory, but does not change a limit, "
                        "which each process has to itself)"
                      : "");
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
                                          const ThreadStartAdvice& advice) {
  return std::string(failure.what()) + ". " +
         (failure.kind() == ThreadStartFailure::Kind::actor_stack ? describe_actor_stack(limits, advice)
                                                                  : describe_thread(limits, advice));
}

}  // namespace probsim
