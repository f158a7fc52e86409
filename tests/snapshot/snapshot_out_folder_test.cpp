// Where `probsim snapshot` writes, driven as a user would: a user's own caseload.csv or staff.csv in
// --out is not overwritten, each replication has its own default folder, and a run replacing the run
// directory does not delete a snapshot written inside it; a snapshot that fails leaves the folder as it was.
#include <gtest/gtest.h>

#include "e2e/cli_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// One short run of two replications, as the probe that found these used.
fs::path short_run(const std::string& name) {
  const auto dir = fresh_directory(name);
  const CommandResult run = run_probsim(
      "run scenarios/example_pdu.yaml --set simulation.report_end=2023-03-31 --set "
      "simulation.warm_up_weeks=4 --reps 2 --quiet --out '" +
      (dir / "run").string() + "'");
  EXPECT_EQ(run.exit_status, 0) << run.output;
  return dir;
}

}  // namespace

TEST(SnapshotOutFolder, AUsersOwnCsvIsNotOverwrittenButAnEarlierSnapshotsAre) {
  const auto dir = short_run("snapshot_out_theirs");
  const std::string snapshot = "snapshot '" + (dir / "run").string() + "' --date 2023-01-15 --out '";
  fs::create_directories(dir / "mydata");
  write_file(dir / "mydata" / "caseload.csv", "precious\n");
  const CommandResult refused = run_probsim(snapshot + (dir / "mydata").string() + "'");
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_TRUE(contains(refused.output, (dir / "mydata" / "caseload.csv").string() +
                                           " exists and was not written by probsim snapshot"))
      << refused.output;
  EXPECT_EQ(read_file(dir / "mydata" / "caseload.csv"), "precious\n");
  EXPECT_FALSE(fs::exists(dir / "mydata" / "staff.csv"));

  ASSERT_EQ(run_probsim(snapshot + (dir / "snap").string() + "'").exit_status, 0);
  EXPECT_TRUE(fs::exists(dir / "snap" / "snapshot-of.txt"));
  const CommandResult again = run_probsim(snapshot + (dir / "snap").string() + "' -r 2");
  EXPECT_EQ(again.exit_status, 0) << again.output;
  EXPECT_TRUE(contains(read_file(dir / "snap" / "snapshot-of.txt"), "replication: 2")) << again.output;
}

TEST(SnapshotOutFolder, EachReplicationHasItsOwnDefaultFolder) {
  const auto dir = short_run("snapshot_out_replications");
  const std::string snapshot = "snapshot '" + (dir / "run").string() + "' --date 2023-01-15";
  ASSERT_EQ(run_probsim(snapshot).exit_status, 0);
  const std::string first = read_file(dir / "run" / "snapshot-2023-01-15" / "caseload.csv");
  const CommandResult second = run_probsim(snapshot + " -r 2");
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_TRUE(contains(second.output, (dir / "run" / "snapshot-2023-01-15-r2").string())) << second.output;
  EXPECT_TRUE(fs::exists(dir / "run" / "snapshot-2023-01-15-r2" / "caseload.csv"));
  EXPECT_EQ(read_file(dir / "run" / "snapshot-2023-01-15" / "caseload.csv"), first);
}

TEST(SnapshotOutFolder, ARunDoesNotReplaceARunDirectoryHoldingASnapshot) {
  const auto dir = short_run("snapshot_out_rerun");
  ASSERT_EQ(run_probsim("snapshot '" + (dir / "run").string() + "' --date 2023-01-15").exit_status, 0);
  const std::string caseload = read_file(dir / "run" / "snapshot-2023-01-15" / "caseload.csv");
  const std::string summary = read_file(dir / "run" / "summary.csv");
  const CommandResult rerun = run_probsim(
      "run scenarios/example_pdu.yaml --set simulation.report_end=2023-03-31 --set "
      "simulation.warm_up_weeks=4 --reps 1 --quiet --out '" +
      (dir / "run").string() + "'");
  EXPECT_EQ(rerun.exit_status, 1) << rerun.output;
  EXPECT_TRUE(contains(rerun.output,
                       "holds what probsim snapshot wrote from the earlier run: "
                       "snapshot-2023-01-15/; replacing the run would delete it"))
      << rerun.output;
  EXPECT_EQ(read_file(dir / "run" / "snapshot-2023-01-15" / "caseload.csv"), caseload);
  EXPECT_EQ(read_file(dir / "run" / "summary.csv"), summary);
}

// 2023-02-30 used to be "must be a date from ...", as if it were mistyped.
TEST(SnapshotOutFolder, ADateThatIsNoDayIsSaidToBeSo) {
  const auto dir = short_run("snapshot_out_no_day");
  const CommandResult r = run_probsim("snapshot '" + (dir / "run").string() + "' --date 2023-02-30");
  EXPECT_EQ(r.exit_status, 2) << r.output;
  EXPECT_TRUE(contains(r.output, "--date 2023-02-30 is not a day: February 2023 has 28 days")) << r.output;
}

// The run directory itself, or its replications/, as --out: the CSVs sat among the run's files and the
// next run into it deleted them. Refused, naming the default folder. And the default folder of a snapshot
// written before snapshots left a note is still refreshed, not taken for a user's files.
TEST(SnapshotOutFolder, TheRunDirectoryItselfIsRefusedAndAnOldDefaultFolderIsRefreshed) {
  const auto dir = short_run("snapshot_out_run_itself");
  const std::string snapshot = "snapshot '" + (dir / "run").string() + "' --date 2023-01-15";
  const CommandResult itself = run_probsim(snapshot + " --out '" + (dir / "run").string() + "'");
  EXPECT_EQ(itself.exit_status, 1) << itself.output;
  EXPECT_TRUE(
      contains(itself.output, "is the run directory itself: give the snapshot a folder of its own, such as " +
                                  (dir / "run" / "snapshot-2023-01-15").string()))
      << itself.output;
  const CommandResult inside =
      run_probsim(snapshot + " --out '" + (dir / "run" / "replications").string() + "'");
  EXPECT_EQ(inside.exit_status, 1) << inside.output;
  EXPECT_TRUE(contains(inside.output, "is inside the run's own replications/")) << inside.output;
  EXPECT_FALSE(fs::exists(dir / "run" / "caseload.csv"));
  EXPECT_FALSE(fs::exists(dir / "run" / "replications" / "caseload.csv"));
  // Through one of the run's files: it is a file, not a folder ("own summary.csv/" read as one).
  const CommandResult through_file =
      run_probsim(snapshot + " --out '" + (dir / "run" / "summary.csv").string() + "'");
  EXPECT_EQ(through_file.exit_status, 1) << through_file.output;
  EXPECT_TRUE(contains(through_file.output, "lies under the run's own summary.csv in "))
      << through_file.output;
  EXPECT_TRUE(contains(through_file.output, "a results file, not a folder")) << through_file.output;
  ASSERT_EQ(run_probsim(snapshot).exit_status, 0);
  fs::remove(dir / "run" / "snapshot-2023-01-15" / "snapshot-of.txt");
  const CommandResult old = run_probsim(snapshot);
  EXPECT_EQ(old.exit_status, 0) << old.output;
}

// A batch directory given as the run: pointed at one of its points, as compare does (it was "not a
// finished run"); a date outside the run says which days it may be in words.
TEST(SnapshotOutFolder, ABatchDirectoryIsPointedAtItsPointsAndTheDaysAreSaidPlainly) {
  const auto dir = short_run("snapshot_out_batch");
  fs::create_directories(dir / "batch");
  write_file(dir / "batch" / "sweep.resolved.yaml", "name: b\n");
  const CommandResult batch = run_probsim("snapshot '" + (dir / "batch").string() + "' --date 2023-01-15");
  EXPECT_EQ(batch.exit_status, 1) << batch.output;
  EXPECT_TRUE(contains(batch.output, "is a batch directory; snapshot one of its points, e.g. " +
                                         (dir / "batch" / "points" / "p0001").string()))
      << batch.output;
  const CommandResult late = run_probsim("snapshot '" + (dir / "run").string() + "' --date 2029-01-01");
  EXPECT_EQ(late.exit_status, 2) << late.output;
  EXPECT_TRUE(contains(late.output, "(every simulated day of the run, warm-up included, except its last)"))
      << late.output;
}

// The review's probe: staff.csv and caseload.csv are each replaced atomically but one after the other,
// and when caseload.csv's failed (here a directory in its place; a full disk in use) staff.csv was left
// of the new day beside a note of the old. Now every file is as it was, and no kept copy is left.
TEST(SnapshotOutFolder, ASnapshotThatFailsBetweenItsCsvsLeavesTheFolderAsItWas) {
  const auto dir = short_run("snapshot_out_second_csv_fails");
  const std::string snapshot = "snapshot '" + (dir / "run").string() + "' --out '" + (dir / "snapA").string();
  ASSERT_EQ(run_probsim(snapshot + "' --date 2023-01-15").exit_status, 0);
  fs::remove(dir / "snapA" / "caseload.csv");
  fs::create_directories(dir / "snapA" / "caseload.csv");
  write_file(dir / "snapA" / "caseload.csv" / "inside.txt", "keeps the directory non-empty\n");
  const auto before = files_under(dir / "snapA", "");
  ASSERT_EQ(before.size(), 3U);  // the note, staff.csv and caseload.csv/inside.txt
  const CommandResult failed = run_probsim(snapshot + "' --date 2023-02-20");
  EXPECT_EQ(failed.exit_status, 1) << failed.output;
  EXPECT_TRUE(contains(failed.output, "could not write the snapshot into " + (dir / "snapA").string()))
      << failed.output;
  EXPECT_EQ(files_under(dir / "snapA", ""), before);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "snapA")) ++entries;
  EXPECT_EQ(entries, 3U);  // snapshot-of.txt, staff.csv, caseload.csv/
  EXPECT_TRUE(contains(read_file(dir / "snapA" / "snapshot-of.txt"), "date: 2023-01-15"));
}
