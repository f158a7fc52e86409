#pragma once
// `probsim aggregate DIR...`: merges the outputs of a batch's shards, whether they wrote into one
// shared directory or each into its own, into one batch directory: per point kpis.csv,
// timeseries.csv and summary.csv (exactly as `probsim run` would write them for that point), and one
// long sweep_summary.csv. The result does not depend on how the batch was sharded.

#include <string>
#include <vector>

namespace probsim {

struct AggregateOptions {
  std::vector<std::string> dirs;  // batch directories of the same sweep
  std::string out_dir;            // empty: the one directory given
  bool quiet = false;
};

// Returns the exit status: 0 when every point is complete and summarised; 1 for a problem, or when
// points are incomplete (the complete ones are still summarised; sweep_summary.csv is written only
// when every point is complete, so it never looks whole when it is not); 2 for bad usage.
int run_aggregate(const AggregateOptions& options);

}  // namespace probsim
