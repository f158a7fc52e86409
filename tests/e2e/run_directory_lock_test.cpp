// What other commands write into a run directory is not lost to a run that replaces it (found by probing
// the commands in session 28): snapshot, report and compare hold the run directory's lock, shared, while
// they write there, so a run into it meanwhile is refused, and they are refused while a run holds it.
// Beside it: a snapshot does not overwrite the CSVs its own run continued from, a trailing slash on
// `run --out` is the directory, and the messages for a batch point's default snapshot folder, a link loop
// and a directory given as compare's --out say what is wrong.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// One replication of example_pdu to 2023-03-31 into `out`; its exit status.
int small_run(const fs::path& out) {
  return run_probsim(
             "run scenarios/example_pdu.yaml --reps 1 --quiet --set simulation.report_end=2023-03-31 --out " +
             quoted(out))
      .exit_status;
}

// Holds `target`'s lock file as another process would, until destroyed.
class HeldLock {
 public:
  HeldLock(const fs::path& target, int mode)
      : fd_(::open((target.string() + ".lock").c_str(), O_RDWR | O_CREAT, 0644)) {
    ok_ = fd_ >= 0 && ::flock(fd_, mode | LOCK_NB) == 0;
  }
  ~HeldLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;
  bool ok() const { return ok_; }

 private:
  int fd_;
  bool ok_ = false;
};

TEST(RunDirectoryLock, SnapshotReportAndCompareAreRefusedWhileARunIntoTheDirectoryHoldsIt) {
  const fs::path dir = fresh_directory("run-lock-held-by-run");
  const fs::path run = dir / "run";
  ASSERT_EQ(small_run(run), 0);
  const HeldLock held(run, LOCK_EX);  // as a run replacing it would
  ASSERT_TRUE(held.ok());
  const std::string in_progress = "a run into " + run.string() + " is in progress";
  const CommandResult snapshot = run_probsim("snapshot " + quoted(run) + " --date 2023-02-01");
  EXPECT_EQ(snapshot.exit_status, 1) << snapshot.output;
  EXPECT_TRUE(contains(snapshot.output, in_progress)) << snapshot.output;
  EXPECT_FALSE(fs::exists(run / "snapshot-2023-02-01"));
  const CommandResult report = run_probsim("report " + quoted(run) + " --quiet");
  EXPECT_EQ(report.exit_status, 1) << report.output;
  EXPECT_TRUE(contains(report.output, in_progress)) << report.output;
  EXPECT_FALSE(fs::exists(run / "report.html"));
  const CommandResult compare =
      run_probsim("compare " + quoted(run) + " " + quoted(run) + " --quiet --out " + quoted(run / "c.csv"));
  EXPECT_EQ(compare.exit_status, 1) << compare.output;
  EXPECT_TRUE(contains(compare.output, in_progress)) << compare.output;
  EXPECT_FALSE(fs::exists(run / "c.csv"));
  // Written elsewhere too: the run being read would be replaced under the replay.
  const CommandResult elsewhere =
      run_probsim("snapshot " + quoted(run) + " --date 2023-02-01 --out " + quoted(dir / "elsewhere"));
  EXPECT_EQ(elsewhere.exit_status, 1) << elsewhere.output;
  EXPECT_TRUE(contains(elsewhere.output, in_progress)) << elsewhere.output;
  EXPECT_FALSE(fs::exists(dir / "elsewhere"));
  // And a run only compared, with the comparison written outside it.
  ASSERT_EQ(small_run(dir / "other"), 0);
  const CommandResult read_only = run_probsim("compare " + quoted(dir / "other") + " " + quoted(run) +
                                              " --quiet --out " + quoted(dir / "c.csv"));
  EXPECT_EQ(read_only.exit_status, 1) << read_only.output;
  EXPECT_TRUE(contains(read_only.output, in_progress)) << read_only.output;
}

TEST(RunDirectoryLock, ARunIsRefusedWhileAnotherCommandWritesIntoTheDirectory) {
  const fs::path dir = fresh_directory("run-lock-held-by-snapshot");
  const fs::path run = dir / "run";
  ASSERT_EQ(small_run(run), 0);
  {
    const HeldLock held(run, LOCK_SH);  // as a snapshot writing its folder there would
    ASSERT_TRUE(held.ok());
    const CommandResult refused = run_probsim(
        "run scenarios/example_pdu.yaml --reps 1 --quiet --set "
        "simulation.report_end=2023-03-31 --out " +
        quoted(run));
    EXPECT_EQ(refused.exit_status, 1) << refused.output;
    EXPECT_TRUE(contains(refused.output, "another probsim is writing or reading " + run.string()))
        << refused.output;
    // Two commands writing beside the run share the lock, and the one that ends first leaves the file.
    EXPECT_EQ(run_probsim("report " + quoted(run) + " --quiet").exit_status, 0);
    EXPECT_TRUE(fs::exists(run.string() + ".lock"));
  }
  // Alone, a command removes the lock file when it ends, and a run may then replace the directory.
  fs::remove(run.string() + ".lock");
  EXPECT_EQ(run_probsim("report " + quoted(run) + " --quiet").exit_status, 0);
  EXPECT_FALSE(fs::exists(run.string() + ".lock")) << "the last holder removes the lock file";
  EXPECT_EQ(
      run_probsim("snapshot " + quoted(run) + " --date 2023-02-01 --out " + quoted(dir / "s")).exit_status,
      0);
  EXPECT_FALSE(fs::exists(run.string() + ".lock"));
  EXPECT_EQ(small_run(run), 0);
}

TEST(RunDirectoryLock, ASymbolicLinkAsRunOutIsRefusedNotReplacedByTheRun) {
  // Publishing renames the staging directory onto --out: a link was replaced by the new run, and the run
  // it pointed to kept its old results, while the lock and the snapshot check followed the link.
  const fs::path dir = fresh_directory("run-out-symlink");
  ASSERT_EQ(small_run(dir / "run"), 0);
  fs::create_directory_symlink(dir / "run", dir / "link");
  const CommandResult refused =
      run_probsim("run scenarios/example_pdu.yaml --reps 1 --quiet --out " + quoted(dir / "link"));
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_TRUE(contains(refused.output, (dir / "link").string() + " is a symbolic link")) << refused.output;
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
}

TEST(RunDirectoryLock, ATrailingSlashOnRunOutIsTheDirectory) {
  // `run --out DIR/` (as a shell completes it) used to fail with "cannot move the results into DIR/".
  const fs::path dir = fresh_directory("run-out-trailing-slash");
  const std::string out = (dir / "run").string() + "/";
  ASSERT_EQ(small_run(out), 0);
  EXPECT_TRUE(fs::exists(dir / "run" / "summary.csv"));
  ASSERT_EQ(small_run(out), 0) << "and it replaces its own earlier run";
  ASSERT_EQ(small_run(out + "."), 0) << "as does DIR/.";
  for (const auto& entry : fs::directory_iterator(dir)) EXPECT_EQ(entry.path().filename(), "run");
}

TEST(SnapshotOut, TheCsvsTheRunContinuedFromAreNotOverwritten) {
  // A rolling chain: snapshot a run into chain/, continue a run from chain/, then snapshot that run back
  // into chain/. The folder has snapshot-of.txt, so only the new check keeps the second run's inputs.
  const fs::path dir = fresh_directory("snapshot-over-own-inputs");
  ASSERT_EQ(small_run(dir / "first"), 0);
  ASSERT_EQ(
      run_probsim("snapshot " + quoted(dir / "first") + " --date 2023-02-28 --out " + quoted(dir / "chain"))
          .exit_status,
      0);
  ASSERT_TRUE(fs::exists(dir / "chain" / "snapshot-of.txt"));
  const std::string pdus =
      "[{name: Northgate, staff: []}, {name: Eastmoor, staff: []}, {name: Southbridge, staff: []}]";
  write_file(dir / "chain.yaml",
             "extends: '" + source_path("scenarios/example_pdu.yaml") +
                 "'\nname: chain\nsimulation: {report_start: 2023-03-01, report_end: 2023-04-30, "
                 "warm_up_weeks: 0, warm_start: snapshot, caseload_csv: chain/caseload.csv, "
                 "staff_csv: chain/staff.csv}\nregions: [{name: Example region, pdus: " +
                 pdus + "}]\n");
  const CommandResult second =
      run_probsim("run " + quoted(dir / "chain.yaml") + " --reps 1 --quiet --out " + quoted(dir / "second"));
  ASSERT_EQ(second.exit_status, 0) << second.output;
  const std::string before = read_file(dir / "chain" / "caseload.csv");
  const CommandResult refused =
      run_probsim("snapshot " + quoted(dir / "second") + " --date 2023-03-20 --out " + quoted(dir / "chain"));
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_TRUE(contains(refused.output, "is the caseload_csv this run read")) << refused.output;
  EXPECT_EQ(read_file(dir / "chain" / "caseload.csv"), before);
  // Another folder is fine.
  EXPECT_EQ(
      run_probsim("snapshot " + quoted(dir / "second") + " --date 2023-03-20 --out " + quoted(dir / "chain2"))
          .exit_status,
      0);
}

TEST(SnapshotOut, ABatchPointsDefaultFolderIsItsOwnAndALinkLoopIsNamedBeforeTheReplay) {
  const fs::path dir = fresh_directory("snapshot-out-messages");
  const fs::path sweep =
      write_sweep(dir, "name: tiny\nscenarios: ['" + source_path("scenarios/example_pdu.yaml") +
                           "']\nset:\n  simulation.report_end: 2023-03-31\nreplications_per_point: 1\n");
  ASSERT_EQ(run_probsim("batch " + quoted(sweep) + " --quiet --out " + quoted(dir / "b")).exit_status, 0);
  // A batch point is a run directory: its default folder beside its results, as a run's (it was refused
  // as inside the batch's own points/ until session 33), and the batch still resumes and aggregates.
  const CommandResult point =
      run_probsim("snapshot " + quoted(dir / "b" / "points" / "p0001") + " --date 2023-02-01");
  EXPECT_EQ(point.exit_status, 0) << point.output;
  EXPECT_TRUE(fs::exists(dir / "b" / "points" / "p0001" / "snapshot-2023-02-01" / "caseload.csv"));
  EXPECT_EQ(run_probsim("batch " + quoted(sweep) + " --quiet --out " + quoted(dir / "b")).exit_status, 0);
  EXPECT_EQ(run_probsim("aggregate " + quoted(dir / "b") + " --quiet").exit_status, 0);

  ASSERT_EQ(small_run(dir / "run"), 0);
  fs::create_symlink(dir / "loop2", dir / "loop1");
  fs::create_symlink(dir / "loop1", dir / "loop2");
  const CommandResult loop =
      run_probsim("snapshot " + quoted(dir / "run") + " --date 2023-02-01 --out " + quoted(dir / "loop1"));
  EXPECT_EQ(loop.exit_status, 1) << loop.output;
  EXPECT_TRUE(contains(loop.output, "--out " + (dir / "loop1").string() + " cannot be used: "))
      << loop.output;
  EXPECT_FALSE(contains(loop.output, "could not write the snapshot"))
      << "refused before the replay: " << loop.output;
}

TEST(RunOptions, AnUnrelatedDirectoryAsOutIsNotAdvisedToBeRemoved) {
  const fs::path dir = fresh_directory("run-out-unrelated");
  fs::create_directories(dir / "mine");
  write_file(dir / "mine" / "notes.txt", "mine\n");
  const CommandResult refused =
      run_probsim("run scenarios/example_pdu.yaml --reps 1 --quiet --out " + quoted(dir / "mine"));
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_TRUE(contains(refused.output, "is not a probsim run directory; choose another --out"))
      << refused.output;
  EXPECT_FALSE(contains(refused.output, "remove it")) << refused.output;
  EXPECT_TRUE(fs::exists(dir / "mine" / "notes.txt"));
}

TEST(CompareOut, ADirectoryNameThatDoesNotExistIsCalledADirectory) {
  const fs::path dir = fresh_directory("compare-out-directory-name");
  ASSERT_EQ(small_run(dir / "run"), 0);
  const CommandResult refused =
      run_probsim("compare " + quoted(dir / "run") + " " + quoted(dir / "run") + " --quiet --out " +
                  quoted(fs::path((dir / "new").string() + "/")));
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_TRUE(contains(refused.output, "names a directory (it ends in /), and there is no such directory"))
      << refused.output;
}

}  // namespace
}  // namespace probsim::testing
