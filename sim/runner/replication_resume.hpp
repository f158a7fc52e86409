#pragma once
// Resuming a replication set in its run directory: a replication is complete exactly when its kpis file
// exists (its files are written with that one last), so what a killed process left of any other is
// removed before it runs again. Used by the scheduler (runner/replication_scheduler.hpp) as it starts.

#include <cstdint>
#include <set>

#include "runner/replication_scheduler.hpp"

namespace probsim {

// The set's complete replications in dir/replications (with a precision rule, any; without one, those
// among set.replications). Removes the temporary files and the files without their kpis file of the
// replications the set is to run, so that each starts clean; complete ones are kept.
[[nodiscard]] std::set<std::uint64_t> keep_complete_replications(const ReplicationSet& set);

}  // namespace probsim
