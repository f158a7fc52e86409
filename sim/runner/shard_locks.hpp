#pragma once
// What keeps two processes from running the same replications of one batch directory at once. Shards
// split a sweep's replications between processes by i/N; two processes on one shard (two unsharded
// batches started together, a Slurm task re-queued while it still runs), or on shards of different N
// (an unsharded batch beside `--shard 1/2`), would run some replications twice. Each batch process
// holds, beside the points:
// - `.shards-of-N.lock`, shared: the batch is split N ways;
// - `.shard-i-of-N.lock`, exclusive: this process runs shard i.
// A process is refused if another holds its shard, or any other N's file. The files are flock(2) locks
// (through OutputLock), released when the process ends, however it ends; a file left by a killed
// process holds nothing and is taken over.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <variant>

#include "runner/output_lock.hpp"
#include "runner/shard.hpp"

namespace probsim {

// The two locks of one shard, held while this object lives.
struct ShardLocks {
  std::optional<OutputLock> split;  // .shards-of-N, shared
  std::optional<OutputLock> shard;  // .shard-i-of-N, exclusive
};

// Takes the shard's locks in batch directory `out` (which exists). Returns the refusal, naming the
// conflict, when another process holds them or another split's. Where the file system cannot lock (some
// cluster file systems refuse flock), says so on `log` and returns locks that hold nothing: batches ran
// there before these locks, and must still.
[[nodiscard]] std::variant<ShardLocks, std::string> acquire_shard_locks(const std::filesystem::path& out,
                                                                        const Shard& shard,
                                                                        std::ostream& log);

// The same test without taking or writing anything, for a dry run: the refusal a run would meet now.
[[nodiscard]] std::optional<std::string> shard_lock_conflict(const std::filesystem::path& out,
                                                             const Shard& shard);

}  // namespace probsim
