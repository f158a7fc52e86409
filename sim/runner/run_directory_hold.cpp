#include "runner/run_directory_hold.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

// The first directory from `start` upwards that holds a run, locked shared.
RunDirectoryHold hold_from(const fs::path& start) {
  std::error_code error;
  const fs::path absolute = fs::absolute(start, error);
  if (error) return {};
  for (fs::path dir = without_trailing_separator(absolute); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "scenario.resolved.yaml", error)) {
      std::string why;
      bool held_elsewhere = false;
      auto lock = OutputLock::acquire(dir, why, OutputLock::Mode::shared, &held_elsewhere);
      const std::string failure = lock ? "" : why;
      return {std::move(lock), held_elsewhere ? failure : "", held_elsewhere ? "" : failure};
    }
    if (dir == dir.root_path()) break;
  }
  return {};
}

}  // namespace

RunDirectoryHold hold_run_directory(const fs::path& read) {
  return hold_from(read);
}

RunDirectoryHold hold_run_directory_of(const fs::path& written) {
  const fs::path parent = without_trailing_separator(written).parent_path();
  return hold_from(parent.empty() ? fs::path(".") : parent);
}

}  // namespace probsim
