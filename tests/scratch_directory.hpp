#pragma once
// Scratch directories for tests, removed when the test process ends.
//
// ctest runs every test in a process of its own, in parallel, so each process gets its own root
// (`<tmp>/<prefix>-<pid>`). Without the removal every run of the suite left its outputs behind: about
// 11 MB per end-to-end test, tens of gigabytes over a day of runs, until the disk was full.

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <system_error>

namespace probsim::testing {

namespace detail {
// The roots this process made, removed by its static destructor at a normal exit. A forked child
// that execs or calls _exit never runs it, so it cannot remove its parent's files.
class ScratchRoots {
 public:
  std::filesystem::path root(const std::string& prefix) {
    auto found = roots_.find(prefix);
    if (found != roots_.end()) return found->second;
    const auto dir = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()));
    roots_.emplace(prefix, dir);
    return dir;
  }
  ~ScratchRoots() {
    for (const auto& [prefix, dir] : roots_) {
      std::error_code ignored;  // a file still open elsewhere must not turn a passing test into a crash
      std::filesystem::remove_all(dir, ignored);
    }
  }

 private:
  std::map<std::string, std::filesystem::path> roots_;
};

inline ScratchRoots& scratch_roots() {
  static ScratchRoots roots;
  return roots;
}
}  // namespace detail

// `<tmp>/<prefix>-<pid>`, created if need be and not emptied, for tests that write several files side
// by side; it goes at exit.
inline std::filesystem::path scratch_root(const std::string& prefix) {
  const auto dir = detail::scratch_roots().root(prefix);
  std::filesystem::create_directories(dir);
  return dir;
}

// `<tmp>/<prefix>-<pid>/<name>`, emptied and created; the whole `<prefix>-<pid>` goes at exit.
inline std::filesystem::path scratch_directory(const std::string& prefix, const std::string& name) {
  const auto dir = detail::scratch_roots().root(prefix) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace probsim::testing
