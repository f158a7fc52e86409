#pragma once
// The files of a batch directory that every shard writes with the same content
// (runner/batch_files.hpp): sweep.resolved.yaml, points.csv and each point's scenario.resolved.yaml. The
// first shard to start writes each; every later one, and every re-run, checks that what is there is
// what its own sweep gives, so that one batch directory never mixes two sweeps, two versions of a
// scenario file, or two versions of a snapshot CSV. Apart from `probsim batch` itself
// (runner/batch_runner.cpp), which decides what runs once these agree.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/sweep_loader.hpp"

namespace probsim {

// Writes the shared files into the batch directory `out`, whose points/ folder exists, or checks them
// against those there; each point's replications/ folder is made too. Returns what disagrees, as a
// message with advice, or nothing. `command_line` is recorded in sweep.resolved.yaml's header. Throws
// what the file system throws (a folder that cannot be made).
[[nodiscard]] std::optional<std::string> publish_shared_files(const std::filesystem::path& out,
                                                              const SweepSpec& sweep,
                                                              const std::vector<LoadedPoint>& points,
                                                              const std::string& command_line);

// The same checks of what `out` already holds, writing nothing (a dry run): a batch that would be refused
// is refused by its dry run too, not told that it would run.
[[nodiscard]] std::optional<std::string> check_shared_files(const std::filesystem::path& out,
                                                            const SweepSpec& sweep,
                                                            const std::vector<LoadedPoint>& points);

}  // namespace probsim
