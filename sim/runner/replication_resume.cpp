#include "runner/replication_resume.hpp"

#include <string>
#include <utility>
#include <vector>

#include "runner/replication_process.hpp"

namespace fs = std::filesystem;

namespace probsim {

std::set<std::uint64_t> keep_complete_replications(const ReplicationSet& set) {
  // One pass over the directory: complete replications are kept; anything else of a replication
  // this process is to run (a temporary file, or files without their kpis file, left by a process
  // that was killed) is removed, so that it starts clean.
  std::set<std::uint64_t> complete;
  const std::set<std::uint64_t> owned(set.replications.begin(), set.replications.end());
  std::vector<std::pair<std::uint64_t, fs::path>> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(set.dir / "replications", error)) {
    const std::string name = entry.path().filename().string();
    const std::uint64_t r = replication_of(name);
    if (r == 0 || (!set.precision && owned.count(r) == 0)) continue;
    if (is_kpis_file(name)) complete.insert(r);
    files.emplace_back(r, entry.path());
  }
  for (const auto& [r, path] : files) {
    const bool temporary = path.filename().string().find(".tmp.") != std::string::npos;
    if (temporary || complete.count(r) == 0) fs::remove(path, error);
  }
  return complete;
}

}  // namespace probsim
