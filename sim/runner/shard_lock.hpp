#pragma once
// What keeps two processes from running one shard of a batch directory at once (two unsharded batches
// started together, a Slurm task re-queued while it still runs): each would run every replication of
// it. A batch process holds `.shard-i-of-N.lock` beside the points, exclusively, until it ends; a second
// process on that shard is refused. It is an flock(2) lock (through OutputLock), released when the
// process ends however it ends, so a file a killed process left holds nothing and is taken over.
// Not detected: one directory split two ways at once (an unsharded batch beside `--shard 1/2`); the
// results are still right, but the replications the two have in common run twice.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <variant>

#include "runner/output_lock.hpp"
#include "runner/shard.hpp"

namespace probsim {

// Takes the shard's lock in batch directory `out` (which exists): the lock, held while it lives, or the
// refusal when another process holds it. Where the lock cannot be taken for another reason (some
// cluster file systems refuse flock), says so on `log` and returns no lock: batches ran there before
// this lock, and must still.
[[nodiscard]] std::variant<std::optional<OutputLock>, std::string> acquire_shard_lock(
    const std::filesystem::path& out, const Shard& shard, std::ostream& log);

// The same test without taking or writing anything, for a dry run: the refusal a run would meet now.
[[nodiscard]] std::optional<std::string> shard_lock_conflict(const std::filesystem::path& out,
                                                             const Shard& shard);

}  // namespace probsim
