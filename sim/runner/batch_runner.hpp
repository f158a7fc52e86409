#pragma once
// `probsim batch SWEEP`: every point of a sweep × its replications, or one shard of them, into one
// batch directory that several shards may share (docs/guides/sweeps-and-batches.md). Shards write disjoint
// files; re-running skips replications already complete; the last process to find the whole batch
// complete aggregates it.

#include <optional>
#include <string>

#include "runner/run_options.hpp"
#include "runner/shard.hpp"

namespace probsim {

struct BatchOptions {
  std::string sweep_path;
  std::string out_dir;  // empty: results/<sweep name>
  std::size_t jobs = 1;
  std::size_t threads = 0;  // per replication; 0: threads_per_replication's default
  Shard shard;
  bool quiet = false;
  bool dry_run = false;  // validate and list the points and tasks, run nothing
  std::optional<std::string> max_memory;  // --max-memory's text; without it, the memory available
  std::string command_line;
};

// Returns the exit status (0 done, 1 bad sweep or failure).
int run_batch(const BatchOptions& options);

}  // namespace probsim
