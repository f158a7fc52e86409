#pragma once
// `probsim bench`: one replication in a child process, measured from outside it (wall time, the
// child's peak resident memory, simulated case events per second). Writes no results.

#include <optional>
#include <string>

#include "config/scenario_loader.hpp"

namespace probsim {

// `max_memory`: --max-memory's text, if given, for the message if the replication runs out of memory
// (thrown as ReplicationOutOfMemory, runner/out_of_memory.hpp).
int run_benchmark(const LoadedScenario& loaded, std::uint64_t base_seed, std::size_t threads,
                  const std::optional<std::string>& max_memory);

}  // namespace probsim
