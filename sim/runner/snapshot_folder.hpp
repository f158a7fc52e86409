#pragma once
// The folder `probsim snapshot` writes its two CSVs into, and the note that marks it as the snapshot's.
// The note lets a second snapshot replace the CSVs of a first without overwriting a user's own
// caseload.csv or staff.csv, and lets `probsim run` see a snapshot inside a run directory it would replace.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.hpp"

namespace probsim {

// Written beside caseload.csv and staff.csv by every snapshot: which run, replication and day they are.
inline constexpr const char* kSnapshotNoteFile = "snapshot-of.txt";

// The default folder inside the run directory: snapshot-DATE for replication 1 (as before replications
// were named), snapshot-DATE-rR for another, so two replications' snapshots of one day do not collide.
[[nodiscard]] std::string default_snapshot_folder(const CalendarDate& date, std::uint64_t replication);

// The path of caseload.csv or staff.csv in `folder` that a snapshot would overwrite but did not write
// (the folder has no snapshot note), if there is one.
[[nodiscard]] std::optional<std::filesystem::path> csv_not_written_by_snapshot(
    const std::filesystem::path& folder);

// Marks `folder` as the snapshot's: written before the CSVs, so a snapshot stopped between them can be
// repeated into the same folder.
void write_snapshot_note(const std::filesystem::path& folder, const std::string& run_dir,
                         std::uint64_t replication, const CalendarDate& date);

// What writing a snapshot into `folder` changes, so that a write that fails (out of memory, a full disk)
// leaves the folder as it was: not a note that names another day, nor one CSV of the new day beside one
// of the old (staff.csv and caseload.csv are each replaced atomically, but one after the other), nor a
// new folder with only some of the files in it.
//
// The note and the CSVs there before are kept aside as hard links (copies where the file system has no
// links) named `.NAME.kept.tmp.<host>.<pid>` in the folder: no snapshot file, by name (".tmp." marks a
// file that is never a finished result, atomic_file.hpp). A process killed between the steps leaves them
// behind; the next snapshot into the folder removes those of processes that are gone.
class SnapshotFolderChange {
 public:
  explicit SnapshotFolderChange(std::filesystem::path folder);
  // Undoes the change unless done() or undo() was called.
  ~SnapshotFolderChange();
  SnapshotFolderChange(const SnapshotFolderChange&) = delete;
  SnapshotFolderChange& operator=(const SnapshotFolderChange&) = delete;
  // Makes the folder and its parents, one level at a time, removes what a gone snapshot left in it, and
  // keeps aside the files a snapshot replaces; throws if a level cannot be made or a file not kept (the
  // folder is then as it was, once undo() has run).
  void make();
  // The snapshot is whole: the kept files are removed. Never throws; one it cannot remove is left for
  // the next snapshot to reclaim.
  void done() noexcept;
  // Puts back each kept file, removes a note or CSV written where there was none, and removes the levels
  // make() made, each only while it is empty. Never throws: it is called on the way out of a failure,
  // and does what it can.
  void undo() noexcept;

 private:
  struct File {
    std::string name;
    bool was_there = false;       // under this name before make(), as a file or anything else
    std::filesystem::path aside;  // where it is kept; empty if it was not there, or is a directory
  };
  std::filesystem::path folder_;
  std::vector<File> files_;
  std::vector<std::filesystem::path> made_;  // outermost first
  bool finished_ = false;
};

// The folders directly in `run_dir` that hold a snapshot: a snapshot note, or (written before the note
// existed) a name snapshot-* with caseload.csv or staff.csv in it. Sorted, each with a trailing '/'.
[[nodiscard]] std::vector<std::string> snapshot_folders_in(const std::filesystem::path& run_dir);

}  // namespace probsim
