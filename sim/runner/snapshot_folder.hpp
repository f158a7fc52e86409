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

// What writing a snapshot into `folder` changes before its CSVs are in place, so that a write that fails
// (out of memory, a full disk) leaves the folder as it was rather than a note that names another day,
// or a new folder with only a note in it.
class SnapshotFolderChange {
 public:
  // Reads the note there now, if any.
  explicit SnapshotFolderChange(std::filesystem::path folder);
  // Makes the folder and its parents, one level at a time; throws if one cannot be made.
  void make();
  // Puts back the earlier note (or removes the one written since, if there was none) and removes the
  // levels make() made, each only while it is empty. Never throws: it is called on the way out of a
  // failure, and does what it can.
  void undo() noexcept;

 private:
  std::filesystem::path folder_;
  bool had_note_ = false;
  std::optional<std::string> earlier_note_;  // nothing if there was none, or it could not be read
  std::vector<std::filesystem::path> made_;  // outermost first
};

// The folders directly in `run_dir` that hold a snapshot: a snapshot note, or (written before the note
// existed) a name snapshot-* with caseload.csv or staff.csv in it. Sorted, each with a trailing '/'.
[[nodiscard]] std::vector<std::string> snapshot_folders_in(const std::filesystem::path& run_dir);

}  // namespace probsim
