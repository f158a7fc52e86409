#pragma once
// `probsim bench`: one replication in a child process, measured from outside it (wall time, the
// child's peak resident memory, simulated case events per second). Writes no results.

#include "config/scenario_loader.hpp"

namespace probsim {

int run_benchmark(const LoadedScenario& loaded, std::uint64_t base_seed, std::size_t threads);

}  // namespace probsim
