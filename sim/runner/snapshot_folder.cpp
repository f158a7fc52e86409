#include "runner/snapshot_folder.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>

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

SnapshotFolderChange::SnapshotFolderChange(fs::path folder) : folder_(std::move(folder)) {
  std::error_code error;
  const fs::path note = folder_ / kSnapshotNoteFile;
  had_note_ = fs::exists(note, error);
  if (!had_note_ || !fs::is_regular_file(note, error)) return;
  std::ifstream in(note, std::ios::binary);
  std::ostringstream text;
  if (in && text << in.rdbuf()) earlier_note_ = text.str();
}

void SnapshotFolderChange::make() {
  fs::path built;
  for (const auto& part : folder_) {
    built /= part;
    if (part.empty() || built == built.root_path()) continue;
    if (::mkdir(built.c_str(), 0777) == 0)
      made_.push_back(built);
    else if (errno != EEXIST)
      throw std::runtime_error("cannot create " + built.string() + ": " + os_reason(errno));
  }
}

void SnapshotFolderChange::undo() noexcept {
  try {
    std::error_code ignored;
    const fs::path note = folder_ / kSnapshotNoteFile;
    if (!had_note_)
      fs::remove(note, ignored);
    else if (earlier_note_)
      write_file_atomically(note.string(), *earlier_note_);
    for (auto level = made_.rbegin(); level != made_.rend(); ++level)
      if (!fs::remove(*level, ignored)) break;  // not empty (or gone): it and those above it stay
  } catch (...) {  // a failure here too (out of memory again): the folder is left as it is
  }
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
