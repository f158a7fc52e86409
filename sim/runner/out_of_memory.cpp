#include "runner/out_of_memory.hpp"

#include <sys/resource.h>
#include <sys/wait.h>

#include <csignal>

#include "runner/memory_sizes.hpp"

namespace probsim {

namespace {

std::optional<std::uint64_t> limit_kib(int resource) {
  rlimit limit{};
  if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::uint64_t>(limit.rlim_cur / 1024);
}

// "the machine", or "the machine or the process limit (ulimit -v 100000, 98 MiB)": a limit makes the
// likelier cause, but the machine may have run out first.
std::string what_would_not_give(const MemoryLimits& limits) {
  std::string named;
  for (const auto& [option, kib] :
       {std::pair{"-v", limits.address_space_kib}, std::pair{"-d", limits.data_kib}})
    if (kib)
      named += std::string(named.empty() ? "" : "; ") + "ulimit " + option + " " + std::to_string(*kib) +
               ", " + describe_bytes(static_cast<double>(*kib) * 1024.0);
  return named.empty() ? "the machine" : "the machine or the process limit (" + named + ")";
}

}  // namespace

bool ran_out_of_memory(int wait_status) {
  return WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == kOutOfMemoryExitStatus;
}

std::string describe_signal_end(int wait_status) {
  if (!WIFSIGNALED(wait_status)) return "";
  const int signal = WTERMSIG(wait_status);
  return " (signal " + std::to_string(signal) +
         (signal == SIGKILL ? ": killed; most often by the operating system's out-of-memory killer, when "
                              "the machine runs out of memory"
                            : "") +
         ")";
}

MemoryLimits process_memory_limits() {
  return MemoryLimits{limit_kib(RLIMIT_AS), limit_kib(RLIMIT_DATA)};
}

std::string describe_out_of_memory(const std::bad_alloc& error, const MemoryLimits& limits) {
  const auto* replication = dynamic_cast<const ReplicationOutOfMemory*>(&error);
  std::string text = replication ? replication->replication() + " ran out of memory: " : "out of memory: ";
  text += what_would_not_give(limits) + " would not give more";
  if (replication && replication->max_memory())
    text += ", though the estimate was within --max-memory " + *replication->max_memory();
  return text;
}

}  // namespace probsim
