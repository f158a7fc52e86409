#pragma once
// What a batch (or one shard of it) would run: the --dry-run listing, and the warning for a shard with
// nothing to do (a --shard 7/10 of a sweep of 4 tasks ran nothing and said nothing).

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "config/sweep_loader.hpp"
#include "runner/shard.hpp"

namespace probsim {

// The tasks `shard` owns of `tasks` (replications, or points under a precision rule).
[[nodiscard]] std::uint64_t tasks_of_shard(const Shard& shard, std::uint64_t tasks);

// The --dry-run listing: the sweep, each point with its values (and seed when independent), and what
// this shard would run into `out`, less the `already_complete` of its replications a resume skips.
void print_dry_run(std::ostream& out_stream, const SweepSpec& sweep, const std::vector<LoadedPoint>& points,
                   const Shard& shard, std::uint64_t tasks, const std::filesystem::path& out,
                   std::uint64_t already_complete = 0);

// "" if the shard has tasks; else a warning that it has none, with the sweep's task count.
[[nodiscard]] std::string idle_shard_warning(const SweepSpec& sweep, const Shard& shard, std::uint64_t tasks);

}  // namespace probsim
