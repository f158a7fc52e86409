// A snapshot whose writing fails (out of memory, a full disk) leaves its folder as it was
// (runner/snapshot_folder.hpp): a folder it made is removed, and an earlier snapshot's note and CSVs are
// put back, so the note never names a day its CSVs are not, nor is one CSV of another day than the other.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "output/atomic_file.hpp"
#include "runner/snapshot_folder.hpp"
#include "scratch_directory.hpp"

using namespace probsim;
namespace fs = std::filesystem;

namespace {

std::string text_of(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The names in `folder`, hidden ones included.
std::set<std::string> names_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

const CalendarDate kDay = *CalendarDate::parse_iso("2023-02-01");

}  // namespace

TEST(SnapshotFolderChange, AFolderItMadeIsRemovedWithItsParentsAndNote) {
  const fs::path root = probsim::testing::scratch_directory("probsim-snapshot-folder", "made");
  const fs::path folder = root / "a" / "b";
  SnapshotFolderChange change(folder);
  change.make();
  ASSERT_TRUE(fs::is_directory(folder));
  write_snapshot_note(folder, "run", 1, kDay);
  change.undo();
  EXPECT_FALSE(fs::exists(root / "a"));
  EXPECT_TRUE(fs::is_directory(root));
}

TEST(SnapshotFolderChange, AnEarlierSnapshotsNoteIsPutBackAndItsCsvsKept) {
  const fs::path folder = probsim::testing::scratch_directory("probsim-snapshot-folder", "earlier");
  write_snapshot_note(folder, "run", 1, *CalendarDate::parse_iso("2023-01-01"));
  std::ofstream(folder / "caseload.csv") << "person_id\n";
  const std::string earlier = text_of(folder / kSnapshotNoteFile);
  SnapshotFolderChange change(folder);
  change.make();
  write_snapshot_note(folder, "run", 2, kDay);
  ASSERT_NE(text_of(folder / kSnapshotNoteFile), earlier);
  change.undo();
  EXPECT_EQ(text_of(folder / kSnapshotNoteFile), earlier);
  EXPECT_TRUE(fs::exists(folder / "caseload.csv"));
}

TEST(SnapshotFolderChange, AFolderThatWasThereWithoutANoteLosesOnlyTheNote) {
  const fs::path folder = probsim::testing::scratch_directory("probsim-snapshot-folder", "plain");
  std::ofstream(folder / "readme.txt") << "mine\n";
  SnapshotFolderChange change(folder);
  change.make();
  write_snapshot_note(folder, "run", 1, kDay);
  change.undo();
  EXPECT_FALSE(fs::exists(folder / kSnapshotNoteFile));
  EXPECT_TRUE(fs::exists(folder / "readme.txt"));
}

// As `probsim snapshot` writes: the note, then staff.csv, then caseload.csv, each replaced whole; here the
// caseload fails after staff.csv was replaced (a full disk).
TEST(SnapshotFolderChange, AnEarlierSnapshotsCsvsArePutBackWhenTheSecondFails) {
  const fs::path folder = probsim::testing::scratch_directory("probsim-snapshot-folder", "csvs");
  write_snapshot_note(folder, "run", 1, *CalendarDate::parse_iso("2023-01-15"));
  write_file_atomically((folder / "staff.csv").string(), "staff_id\nold\n");
  write_file_atomically((folder / "caseload.csv").string(), "person_id\nold\n");
  const std::string note = text_of(folder / kSnapshotNoteFile);
  const auto before = names_in(folder);
  SnapshotFolderChange change(folder);
  change.make();
  write_snapshot_note(folder, "run", 1, kDay);
  write_file_atomically((folder / "staff.csv").string(), "staff_id\nnew\n");
  change.undo();
  EXPECT_EQ(text_of(folder / kSnapshotNoteFile), note);
  EXPECT_EQ(text_of(folder / "staff.csv"), "staff_id\nold\n");
  EXPECT_EQ(text_of(folder / "caseload.csv"), "person_id\nold\n");
  EXPECT_EQ(names_in(folder), before);  // no kept copy left behind
}

// An old-style default folder (CSVs, no note) gets its CSVs back and no note; a CSV written where there
// was none is removed.
TEST(SnapshotFolderChange, ACsvWrittenWhereThereWasNoneIsRemoved) {
  const fs::path folder = probsim::testing::scratch_directory("probsim-snapshot-folder", "new-csv");
  write_file_atomically((folder / "caseload.csv").string(), "person_id\nold\n");
  SnapshotFolderChange change(folder);
  change.make();
  write_snapshot_note(folder, "run", 1, kDay);
  write_file_atomically((folder / "staff.csv").string(), "staff_id\nnew\n");
  write_file_atomically((folder / "caseload.csv").string(), "person_id\nnew\n");
  change.undo();
  EXPECT_EQ(names_in(folder), std::set<std::string>{"caseload.csv"});
  EXPECT_EQ(text_of(folder / "caseload.csv"), "person_id\nold\n");
}

TEST(SnapshotFolderChange, ANewFolderWithOneCsvWrittenIsRemovedWhole) {
  const fs::path root = probsim::testing::scratch_directory("probsim-snapshot-folder", "new-folder");
  SnapshotFolderChange change(root / "snap");
  change.make();
  write_snapshot_note(root / "snap", "run", 1, kDay);
  write_file_atomically((root / "snap" / "staff.csv").string(), "staff_id\n");
  change.undo();
  EXPECT_FALSE(fs::exists(root / "snap"));
}

TEST(SnapshotFolderChange, ASnapshotThatSucceedsKeepsTheNewFilesOnly) {
  const fs::path folder = probsim::testing::scratch_directory("probsim-snapshot-folder", "done");
  write_snapshot_note(folder, "run", 1, *CalendarDate::parse_iso("2023-01-15"));
  write_file_atomically((folder / "staff.csv").string(), "old\n");
  write_file_atomically((folder / "caseload.csv").string(), "old\n");
  {
    SnapshotFolderChange change(folder);
    change.make();
    write_snapshot_note(folder, "run", 1, kDay);
    write_file_atomically((folder / "staff.csv").string(), "new\n");
    write_file_atomically((folder / "caseload.csv").string(), "new\n");
    change.done();
  }  // and its destructor does not undo it
  EXPECT_EQ(names_in(folder), (std::set<std::string>{kSnapshotNoteFile, "caseload.csv", "staff.csv"}));
  EXPECT_EQ(text_of(folder / "staff.csv"), "new\n");
  EXPECT_NE(text_of(folder / kSnapshotNoteFile).find("date: 2023-02-01"), std::string::npos);
}

// A snapshot killed between its steps leaves its kept copies (and perhaps a temporary file); the next
// one removes those of a process that is gone, and leaves a running one's and any other file alone.
TEST(SnapshotFolderChange, WhatAKilledSnapshotLeftIsRemovedByTheNext) {
  const fs::path root = probsim::testing::scratch_directory("probsim-snapshot-folder", "killed");
  const fs::path folder = root / "snapshot-2023-01-15";
  fs::create_directories(folder);
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  ASSERT_GT(gone, 0);
  ::waitpid(gone, nullptr, 0);
  const std::string dead = temporary_suffix(gone), live = temporary_suffix(1);  // init runs
  for (const std::string& name : {".caseload.csv.kept" + dead, ".snapshot-of.txt.kept" + dead,
                                  "staff.csv" + dead, ".staff.csv.kept" + live, "notes.txt.kept" + dead})
    std::ofstream(folder / name) << "x\n";
  // Not taken for a snapshot's files, nor for a user's CSV that a snapshot would overwrite.
  EXPECT_TRUE(snapshot_folders_in(root).empty());
  EXPECT_FALSE(csv_not_written_by_snapshot(folder));
  SnapshotFolderChange change(folder);
  change.make();
  change.done();
  EXPECT_EQ(names_in(folder), (std::set<std::string>{".staff.csv.kept" + live, "notes.txt.kept" + dead}));
}

// A directory under a CSV's name is not kept aside (the commit over it fails) and stays as it is.
TEST(SnapshotFolderChange, ADirectoryUnderACsvsNameIsLeftAlone) {
  const fs::path folder = probsim::testing::scratch_directory("probsim-snapshot-folder", "directory");
  write_snapshot_note(folder, "run", 1, *CalendarDate::parse_iso("2023-01-15"));
  fs::create_directories(folder / "caseload.csv" / "inside");
  SnapshotFolderChange change(folder);
  change.make();
  write_file_atomically((folder / "staff.csv").string(), "new\n");
  change.undo();
  EXPECT_EQ(names_in(folder), (std::set<std::string>{kSnapshotNoteFile, "caseload.csv"}));
  EXPECT_TRUE(fs::is_directory(folder / "caseload.csv" / "inside"));
}
