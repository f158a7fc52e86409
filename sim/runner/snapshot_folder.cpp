#include "runner/snapshot_folder.hpp"

#include <algorithm>

#include "output/atomic_file.hpp"

namespace fs = std::filesystem;

namespace probsim {

std::string default_snapshot_folder(const CalendarDate& date, std::uint64_t replication) {
  return "snapshot-" + date.iso() + (replication == 1 ? "" : "-r" + std::to_string(replication));
}

std::optional<fs::path> csv_not_written_by_snapshot(const fs::path& folder) {
  std::error_code error;
  if (fs::exists(folder / kSnapshotNoteFile, error)) return std::nullopt;
  for (const char* name : {"caseload.csv", "staff.csv"})
    if (fs::exists(folder / name, error)) return folder / name;
  return std::nullopt;
}

void write_snapshot_note(const fs::path& folder, const std::string& run_dir, std::uint64_t replication,
                         const CalendarDate& date) {
  write_file_atomically((folder / kSnapshotNoteFile).string(),
                        "# caseload.csv and staff.csv here were written by probsim snapshot; a later "
                        "snapshot into this folder replaces them.\n"
                        "run: " +
                            fs::absolute(run_dir).lexically_normal().string() +
                            "\nreplication: " + std::to_string(replication) + "\ndate: " + date.iso() + "\n");
}

std::vector<std::string> snapshot_folders_in(const fs::path& run_dir) {
  std::vector<std::string> folders;
  std::error_code error;
  for (fs::directory_iterator it(run_dir, error), end; !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (!it->is_directory(ignored)) continue;
    const fs::path& folder = it->path();
    const std::string name = folder.filename().string();
    const bool noted = fs::exists(folder / kSnapshotNoteFile, ignored);
    const bool named = name.rfind("snapshot-", 0) == 0 && (fs::exists(folder / "caseload.csv", ignored) ||
                                                           fs::exists(folder / "staff.csv", ignored));
    if (noted || named) folders.push_back(name);
  }
  std::sort(folders.begin(), folders.end());  // by name: "snapshot-D" before "snapshot-D-r2"
  for (auto& folder : folders) folder += "/";
  return folders;
}

}  // namespace probsim
