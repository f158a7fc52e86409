#pragma once
// One replication's child process and its files on disk (DIR/replications/rep-NNNNN.*): running it in
// the child, telling whether it completed, and removing what an unfinished one left. Used by the
// scheduler (runner/replication_scheduler.hpp), which decides when each runs.

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "runner/replication_scheduler.hpp"

namespace probsim {

// Runs one replication in this (child) process, its stop signals back to their defaults, and writes its
// files; returns the exit status: 0, kOutOfMemoryExitStatus (runner/out_of_memory.hpp) if it ran out of
// memory, or 2 (having said why) if it failed otherwise, a thread it could not start included
// (runner/thread_start.hpp).
[[nodiscard]] int replicate_in_child(const ReplicationSet& set, std::uint64_t replication,
                                     std::size_t threads);

// The replication a file in replications/ belongs to ("rep-00012.kpis.csv" → 12), or 0.
[[nodiscard]] std::uint64_t replication_of(const std::string& file_name);
[[nodiscard]] bool is_kpis_file(const std::string& file_name);

// Removes what a stopped or failed replication process left: its temporary files and, unless its kpis
// file made it complete, its other files too.
void remove_unfinished_files(const std::filesystem::path& dir, std::uint64_t r, pid_t child);

// Removes every file of replication r (one beyond where a precision rule stopped).
void remove_replication(const std::filesystem::path& dir, std::uint64_t r);

}  // namespace probsim
