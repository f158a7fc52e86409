// A snapshot whose writing fails (out of memory, a full disk) leaves its folder as it was
// (runner/snapshot_folder.hpp): a folder it made is removed, and an earlier snapshot's note is put back,
// so the note never names a day its CSVs are not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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
