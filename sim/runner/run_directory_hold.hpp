#pragma once
// The shared lock that snapshot, report and compare hold on a run directory while they read it or write
// into it (a snapshot folder, report.html, a comparison). A run into that directory replaces all of it
// when it ends: while any of them holds the lock, such a run is refused, and while a run holds it, they
// are, so neither a snapshot of a vanishing run nor a page deleted with it can happen.

#include <filesystem>
#include <optional>
#include <string>

#include "runner/output_lock.hpp"

namespace probsim {

struct RunDirectoryHold {
  std::optional<OutputLock> lock;  // empty when the path is in no run directory, or none could be made
  std::string refused;             // a run into the directory holds it now: the command must stop
  std::string warning;             // the lock file could not be made: the command goes on, unguarded
};

// The run directory being read: `read` itself when it is one (it has a scenario.resolved.yaml), else the
// run directory it lies in (a comparison.csv given to report), if any.
[[nodiscard]] RunDirectoryHold hold_run_directory(const std::filesystem::path& read);

// The run directory that `written` (a file or folder about to be made) would sit in, at any depth.
[[nodiscard]] RunDirectoryHold hold_run_directory_of(const std::filesystem::path& written);

}  // namespace probsim
