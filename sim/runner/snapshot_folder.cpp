#include "runner/snapshot_folder.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
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

namespace {

// The files a snapshot writes, each replaced whole by a rename.
constexpr const char* kSnapshotFiles[] = {kSnapshotNoteFile, "caseload.csv", "staff.csv"};

std::string kept_name(const std::string& name, long pid) {
  return "." + name + ".kept" + temporary_suffix(pid);
}

// Whether `name` in a snapshot folder is a kept file or a CSV's or note's temporary file that a snapshot
// on this host left when it was killed (its process is gone). Those of a running snapshot, and of
// other hosts (where a process id says nothing), are not.
bool left_by_gone_snapshot(const std::string& name) {
  std::string marker = temporary_suffix(0);  // ".tmp.<host>.0"
  marker.pop_back();
  const std::size_t at = name.rfind(marker);
  if (at == std::string::npos) return false;
  const std::string stem = name.substr(0, at), pid_text = name.substr(at + marker.size());
  if (pid_text.empty() || pid_text.size() > 9 ||
      pid_text.find_first_not_of("0123456789") != std::string::npos)
    return false;
  bool ours = false;
  for (const std::string file : kSnapshotFiles) ours = ours || stem == file || stem == "." + file + ".kept";
  const long pid = std::stol(pid_text);
  return ours && pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

SnapshotFolderChange::SnapshotFolderChange(fs::path folder) : folder_(std::move(folder)) {}

SnapshotFolderChange::~SnapshotFolderChange() {
  if (!finished_) undo();
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
  std::error_code error;
  for (fs::directory_iterator it(folder_, error), end; !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (left_by_gone_snapshot(it->path().filename().string())) fs::remove(it->path(), ignored);
  }
  for (const std::string name : kSnapshotFiles) {
    File& file = files_.emplace_back(File{name, false, {}});
    const fs::path path = folder_ / name;
    const fs::file_status status = fs::symlink_status(path, error);
    // Not known to be there or not: undo could neither put it back nor tell whether to remove it.
    if (error && status.type() != fs::file_type::not_found)
      throw std::runtime_error("cannot read " + path.string() + ": " + error.message());
    file.was_there = fs::exists(status);
    // A directory under the name is left where it is: the rename that would replace it fails.
    if (!file.was_there || fs::is_directory(status)) continue;
    const fs::path aside = folder_ / kept_name(name, ::getpid());
    fs::remove(aside, error);  // one of an earlier process with this pid
    // A hard link is no copy of the data (a full disk still has room for it); a symbolic link is kept
    // as the link it is.
    if (::link(path.c_str(), aside.c_str()) != 0) {
      const int link_error = errno;
      if (fs::is_symlink(status) || !fs::copy_file(path, aside, error)) {
        std::error_code ignored;
        fs::remove(aside, ignored);  // a copy cut short
        throw std::runtime_error("cannot keep " + path.string() + " aside as " + aside.string() + ": " +
                                 os_reason(link_error));
      }
    }
    file.aside = aside;
  }
}

void SnapshotFolderChange::done() noexcept {
  finished_ = true;
  for (const File& file : files_) {
    std::error_code ignored;
    if (!file.aside.empty()) fs::remove(file.aside, ignored);
  }
}

void SnapshotFolderChange::undo() noexcept {
  finished_ = true;
  for (const File& file : files_) {
    std::error_code ignored;
    const fs::path path = folder_ / file.name;
    // Renaming a link over another link to the same file (a CSV the failure came before) does
    // nothing, and would leave the kept one behind.
    if (!file.aside.empty() && fs::equivalent(file.aside, path, ignored))
      fs::remove(file.aside, ignored);
    else if (!file.aside.empty())
      fs::rename(file.aside, path, ignored);
    else if (!file.was_there && !fs::is_directory(fs::symlink_status(path, ignored)))
      fs::remove(path, ignored);
  }
  for (auto level = made_.rbegin(); level != made_.rend(); ++level) {
    std::error_code ignored;
    if (!fs::remove(*level, ignored)) break;  // not empty (or gone): it and those above it stay
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
