#pragma once
// `probsim run`: N replications, each in its own child process (one SimGrid Engine per process), at
// most J at a time; then the merged, documented outputs in one directory that appears whole or not at
// all. Results depend only on (scenario, base seed, replication index), never on J.

#include "config/scenario_loader.hpp"
#include "runner/run_options.hpp"

namespace probsim {

// Returns the process exit status. Progress and the results table go to stderr / stdout.
int run_experiment(const LoadedScenario& loaded, const RunOptions& options);

}  // namespace probsim
