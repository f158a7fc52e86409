// Paths the file system refuses and options that would have run to no effect (found by probing the
// commands in session 25): each is refused with a message naming the path or the option, exit 1 or 2,
// before anything runs, and nothing is left behind; or, where the input is valid but costly, it is said
// before the run (a replaced run's other files, a scenario no machine can run).

#include <gtest/gtest.h>
#include <sys/stat.h>

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

// A loop of symbolic links and a name longer than the file system allows used to end every command in
// "terminate called after throwing an instance of 'std::filesystem::__cxx11::filesystem_error'".
TEST(FileSystemRefusals, ALinkLoopOrATooLongNameIsNamedAndExitsOneRatherThanAborting) {
  const fs::path dir = fresh_directory("file-system-refusals");
  fs::create_symlink(dir / "loop", dir / "loop");
  const CommandResult loop = run_probsim("validate '" + (dir / "loop" / "a.yaml").string() + "'");
  EXPECT_EQ(loop.exit_status, 1) << loop.output;
  EXPECT_TRUE(contains(loop.output, "probsim validate: " + (dir / "loop" / "a.yaml").string() + ": "))
      << loop.output;
  EXPECT_FALSE(contains(loop.output, "terminate called")) << loop.output;

  const fs::path too_long = dir / std::string(300, 'x');
  const CommandResult out =
      run_probsim("run scenarios/example_pdu.yaml --reps 1 --quiet --out '" + too_long.string() + "'");
  EXPECT_EQ(out.exit_status, 1) << out.output;
  EXPECT_TRUE(contains(out.output, "File name too long")) << out.output;
  EXPECT_FALSE(contains(out.output, "terminate called")) << out.output;
  fs::remove(dir / "loop");
  EXPECT_TRUE(fs::is_empty(dir));
}

// A pipe or a device given as the scenario used to be called missing ("no such scenario file").
TEST(FileSystemRefusals, APipeGivenAsTheScenarioIsNamedAsNotARegularFile) {
  const fs::path dir = fresh_directory("pipe-scenario");
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
  for (const std::string& path : {(dir / "pipe").string(), std::string("/dev/null")}) {
    const CommandResult result = run_probsim("validate '" + path + "'");
    EXPECT_EQ(result.exit_status, 1) << result.output;
    EXPECT_TRUE(contains(result.output,
                         path + ": error: is not a regular file (a device or pipe?), not a scenario file"))
        << result.output;
  }
}

// The same for a snapshot CSV given as a device, and for an `extends` naming one.
TEST(FileSystemRefusals, ADeviceGivenAsACsvOrAsExtendsIsNamedAsNotARegularFile) {
  const CommandResult csv =
      run_probsim("validate scenarios/example_region_snapshot.yaml --set simulation.staff_csv=/dev/null");
  EXPECT_EQ(csv.exit_status, 1) << csv.output;
  EXPECT_TRUE(contains(csv.output, "is not a regular file (a device or pipe?), not a CSV file: /dev/null"))
      << csv.output;
  const fs::path dir = fresh_directory("device-extends");
  write_file(dir / "e.yaml", "extends: /dev/null\nname: x\n");
  const CommandResult extends = run_probsim("validate '" + (dir / "e.yaml").string() + "'");
  EXPECT_EQ(extends.exit_status, 1) << extends.output;
  EXPECT_TRUE(
      contains(extends.output, "the path it names is not a regular file (a device or pipe?): '/dev/null'"))
      << extends.output;
}

// `snapshot --out` in a place that cannot be made used to fail only after the replay, inside the
// simulation kernel, which aborted with a backtrace.
TEST(SnapshotOut, ADirectoryThatCannotBeMadeIsRefusedBeforeTheReplay) {
  const fs::path dir = fresh_directory("snapshot-out");
  const fs::path run = dir / "run";
  const CommandResult made = run_probsim(
      "run scenarios/example_pdu.yaml --reps 1 --quiet --set "
      "simulation.report_end=2023-06-30 --out '" +
      run.string() + "'");
  ASSERT_EQ(made.exit_status, 0) << made.output;
  // /proc takes no new directories, whoever runs the test.
  const CommandResult refused =
      run_probsim("snapshot '" + run.string() + "' --date 2023-03-01 --out /proc/probsim-test/snapshot");
  EXPECT_EQ(refused.exit_status, 1) << refused.output;
  EXPECT_TRUE(contains(refused.output, "--out /proc/probsim-test/snapshot cannot be created"))
      << refused.output;
  EXPECT_FALSE(contains(refused.output, "Snapshot of replication")) << refused.output;

  const CommandResult empty = run_probsim("snapshot '" + run.string() + "' --date 2023-03-01 --out ''");
  EXPECT_EQ(empty.exit_status, 2) << empty.output;
  EXPECT_TRUE(contains(empty.output, "--out needs a path")) << empty.output;

  // A directory several levels deep is made for the CSVs.
  const fs::path deep = dir / "a" / "b" / "c";
  const CommandResult written =
      run_probsim("snapshot '" + run.string() + "' --date 2023-03-01 --out '" + deep.string() + "'");
  ASSERT_EQ(written.exit_status, 0) << written.output;
  EXPECT_TRUE(fs::exists(deep / "caseload.csv"));
  EXPECT_TRUE(fs::exists(deep / "staff.csv"));
}

// A snapshot CSV given with --set as a relative path with a directory in it is read from the working
// directory; it used to be looked up at "--set key=DIR/DIR/file".
TEST(SnapshotCsvPaths, ARelativePathGivenWithSetIsReadFromTheWorkingDirectory) {
  const CommandResult result = run_probsim(
      "validate scenarios/example_region_snapshot.yaml --set "
      "simulation.caseload_csv=scenarios/data/example_region_caseload.csv --set "
      "simulation.staff_csv=./scenarios/data/example_region_staff.csv");
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_TRUE(contains(result.output, "valid (1 region, 3 PDUs)")) << result.output;
}

// --kpis that can match no KPI used to run everything and then print "(no KPI matches --kpis ...)".
TEST(KpiPatterns, APatternMatchingNoKpiIsRefusedBeforeTheRunWithTheNearestName) {
  const fs::path dir = fresh_directory("kpi-patterns");
  const CommandResult run = run_probsim(
      "run scenarios/example_pdu.yaml --reps 1 --out '" + (dir / "out").string() +
      "' --kpis "
      "'caseload_meen,referr*,si_cohort_completed_kaizen,si_*_kaizen,*_before_start_sentence_end,nosuch'");
  EXPECT_EQ(run.exit_status, 2) << run.output;
  EXPECT_TRUE(contains(run.output, "no KPI matches 'caseload_meen' (did you mean 'caseload_mean'?)"))
      << run.output;
  EXPECT_TRUE(contains(run.output, "no KPI matches 'nosuch'")) << run.output;
  // A glob, and names of a family the catalogue writes with a placeholder (si_cohort_completed_<programme>,
  // bbr_exits_before_start_<reason>), literal or as globs, are accepted.
  for (const char* accepted :
       {"'referr*'", "'si_cohort_completed_kaizen'", "'si_*_kaizen'", "'*_before_start_sentence_end'"})
    EXPECT_FALSE(contains(run.output, accepted)) << accepted << "\n" << run.output;
  EXPECT_TRUE(fs::is_empty(dir));

  const CommandResult compare =
      run_probsim("compare '" + dir.string() + "' '" + dir.string() + "' --kpis 'x_y'");
  EXPECT_EQ(compare.exit_status, 2) << compare.output;
  EXPECT_TRUE(contains(compare.output, "probsim compare: --kpis: no KPI matches 'x_y'")) << compare.output;
}

// A scenario no machine can run is valid as a file, but validate says so, in figures that can be read:
// it used to print a negative count of open cases and an estimate cut short without its unit.
TEST(Validate, AScenarioNoMachineCanRunIsWarnedWithReadableFigures) {
  const CommandResult result = run_probsim(
      "validate scenarios/example_pdu.yaml --set simulation.report_end=2072-12-31 --set "
      "referrals.trend_pct_per_year=1000");
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "estimated memory: 1.45e+46 TiB per replication, for up to 1.56e+55 open "
                       "cases"))
      << result.output;
  EXPECT_TRUE(
      contains(result.output, "probsim validate: warning: one replication is estimated to need 1.45e+46 TiB"))
      << result.output;
  EXPECT_FALSE(contains(result.output, "-9223372036854775808")) << result.output;
}

// A run into a directory holding an earlier run replaces it whole, with what else was in it (a user's
// notes, a folder): said before the run, and the run's own files not listed. (A snapshot written there
// is not removed but refused: snapshot/snapshot_out_folder_test.cpp.)
TEST(RunOptions, ReplacingAnEarlierRunNamesWhatElseItWillRemove) {
  const fs::path dir = fresh_directory("replace-run");
  const std::string run =
      "run scenarios/example_pdu.yaml --reps 1 --quiet --set simulation.report_end=2023-03-31 --out '" +
      (dir / "run").string() + "'";
  ASSERT_EQ(run_probsim(run).exit_status, 0);
  const CommandResult quiet_again = run_probsim(run);
  EXPECT_EQ(quiet_again.exit_status, 0) << quiet_again.output;
  EXPECT_FALSE(contains(quiet_again.output, "will also remove")) << quiet_again.output;
  write_file(dir / "run" / "notes.txt", "mine\n");
  fs::create_directories(dir / "run" / "snapshot-2023-02-01");
  const CommandResult again = run_probsim(run);
  EXPECT_EQ(again.exit_status, 0) << again.output;
  EXPECT_TRUE(contains(again.output,
                       "will also remove what probsim run did not write there: notes.txt "
                       "snapshot-2023-02-01/"))
      << again.output;
}

// A sweep file given to validate, or a scenario to batch, used to fail on a dozen required keys with no
// word of what the file is.
TEST(FileKinds, ASweepGivenAsAScenarioAndAScenarioGivenAsASweepAreNamedAsSuch) {
  const CommandResult sweep = run_probsim("validate scenarios/sweeps/bbr_sensitivity.yaml");
  EXPECT_EQ(sweep.exit_status, 1) << sweep.output;
  EXPECT_TRUE(contains(sweep.output,
                       "scenarios/sweeps/bbr_sensitivity.yaml looks like a sweep file (it has "
                       "'scenarios:'): run it with probsim batch"))
      << sweep.output;
  const CommandResult scenario = run_probsim("batch scenarios/example_pdu.yaml --dry-run");
  EXPECT_EQ(scenario.exit_status, 1) << scenario.output;
  EXPECT_TRUE(contains(scenario.output, "scenarios/example_pdu.yaml looks like a scenario file"))
      << scenario.output;
  const CommandResult good = run_probsim("validate scenarios/example_pdu.yaml --set simulation.nosuch=1");
  EXPECT_FALSE(contains(good.output, "looks like")) << good.output;
}

TEST(RunOptions, AnEmptyOutIsRefusedByEveryCommandThatTakesOne) {
  for (const char* command :
       {"batch scenarios/sweeps/bbr_sensitivity.yaml --dry-run", "compare a b", "report a", "aggregate a"}) {
    const CommandResult result = run_probsim(std::string(command) + " --out ''");
    EXPECT_EQ(result.exit_status, 2) << command << "\n" << result.output;
    EXPECT_TRUE(contains(result.output, "--out needs a path")) << command << "\n" << result.output;
  }
}

// The default directory is results/<name made safe>: 'a/b' and 'a_b' share results/a_b, and a run of
// one used to replace the other's results unasked.
TEST(RunOptions, ARunDoesNotReplaceAnotherScenariosRunInItsDefaultDirectory) {
  const auto dir = fresh_directory("default_out_clash");
  const std::string run = "cd " + quoted(dir) + " && " + probsim_binary() + " run " +
                          quoted(fs::path(source_path("scenarios/example_pdu.yaml"))) +
                          " --reps 1 --quiet --set simulation.report_end=2023-02-28 --set ";
  ASSERT_EQ(run_shell(run + "'name=a/b'").exit_status, 0);
  ASSERT_TRUE(fs::exists(dir / "results" / "a_b" / "kpis.csv"));
  const CommandResult other = run_shell(run + "name=a_b");
  EXPECT_EQ(other.exit_status, 1) << other.output;
  EXPECT_TRUE(contains(other.output,
                       "results/a_b holds the run of scenario 'a/b', whose name gives the same "
                       "directory as 'a_b'; give --out DIR"))
      << other.output;
  // a/b's run is still there, whole.
  EXPECT_TRUE(contains(read_file(dir / "results" / "a_b" / "scenario.resolved.yaml"), "\nname: a/b\n"));
  EXPECT_TRUE(fs::exists(dir / "results" / "a_b" / "kpis.csv"));
  // The same scenario run again replaces its own run, as before.
  EXPECT_EQ(run_shell(run + "'name=a/b'").exit_status, 0);
  // A run whose name cannot be read is not replaced either.
  write_file(dir / "results" / "a_b" / "scenario.resolved.yaml", "[unbalanced\n");
  const CommandResult unreadable = run_shell(run + "'name=a/b'");
  EXPECT_EQ(unreadable.exit_status, 1) << unreadable.output;
  EXPECT_TRUE(contains(unreadable.output, "has no readable name")) << unreadable.output;
}

// A newline in an argument (here the output directory) is written escaped in the '# command:' line, so
// the run's scenario.resolved.yaml stays valid and can be run again.
TEST(RunOptions, ANewlineInAnArgumentLeavesTheResolvedScenarioValid) {
  const auto dir = fresh_directory("newline_argument");
  const fs::path out = dir / "out\nx";
  ASSERT_EQ(
      run_probsim("run scenarios/example_pdu.yaml --reps 1 --quiet --set simulation.report_end=2023-02-28 "
                  "--out " +
                  quoted(out))
          .exit_status,
      0);
  const std::string resolved = read_file(out / "scenario.resolved.yaml");
  EXPECT_TRUE(contains(resolved, "--out $'")) << resolved;
  EXPECT_TRUE(contains(resolved, "\\nx'\n")) << resolved;
  const CommandResult again = run_probsim("validate " + quoted(out / "scenario.resolved.yaml"));
  EXPECT_EQ(again.exit_status, 0) << again.output;
}

// A long name made the run fail as it began ("File name too long" for its working directory), at a length
// that depended on the host's name; past 100 bytes the default directory is cut and a hash added.
TEST(RunOptions, ALongScenarioNameGivesAShortenedDefaultDirectory) {
  const auto dir = fresh_directory("long_name");
  const std::string name(250, 'x');
  const CommandResult r =
      run_shell("cd " + quoted(dir) + " && " + probsim_binary() + " run " +
                quoted(fs::path(source_path("scenarios/example_pdu.yaml"))) +
                " --reps 1 --quiet --set simulation.report_end=2023-02-28 --set name=" + name);
  ASSERT_EQ(r.exit_status, 0) << r.output;
  std::vector<std::string> made;
  for (const auto& entry : fs::directory_iterator(dir / "results"))
    made.push_back(entry.path().filename().string());
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0].size(), 100u) << made[0];
  EXPECT_EQ(made[0].substr(0, 92), std::string(91, 'x') + "-") << made[0];
}

TEST(RunOptions, AnEmptyByIsRefusedNotTakenAsNational) {
  for (const char* command : {"run scenarios/example_pdu.yaml --reps 1", "compare a b"}) {
    const CommandResult result = run_probsim(std::string(command) + " --by ''");
    EXPECT_EQ(result.exit_status, 2) << command << "\n" << result.output;
    EXPECT_TRUE(contains(result.output, "--by takes region, pdu, team or all; an empty one"))
        << command << "\n"
        << result.output;
    // Likewise an empty --kpis, which printed every KPI.
    for (const char* kpis : {"''", "','"}) {
      const CommandResult empty = run_probsim(std::string(command) + " --kpis " + kpis);
      EXPECT_EQ(empty.exit_status, 2) << command << "\n" << empty.output;
      EXPECT_TRUE(contains(empty.output, "--kpis needs KPI names or patterns")) << empty.output;
    }
  }
}

TEST(RunOptions, AnEmptyOutAndAPrecisionAboveTenAreRefusedSayingWhy) {
  const CommandResult empty = run_probsim("run scenarios/example_pdu.yaml --reps 1 --out ''");
  EXPECT_EQ(empty.exit_status, 2) << empty.output;
  EXPECT_TRUE(contains(empty.output, "--out needs a path")) << empty.output;
  const CommandResult precision = run_probsim("run scenarios/example_pdu.yaml --reps 2 --precision 11");
  EXPECT_EQ(precision.exit_status, 2) << precision.output;
  EXPECT_TRUE(contains(precision.output, "it must be above 0 and at most 10")) << precision.output;
}

// `--out .` (the working directory) ran the whole run and then failed to rename onto it; a key set to
// nothing was reported twice, once by each loader that reads it.
TEST(RunOptions, TheWorkingDirectoryAsOutIsRefusedAndAKeyWithoutValueIsReportedOnce) {
  const CommandResult here = run_probsim(
      "run scenarios/example_pdu.yaml -q --reps 1 --set simulation.report_end=2023-03-31 --out .");
  EXPECT_EQ(here.exit_status, 1) << here.output;
  EXPECT_TRUE(contains(here.output, "--out: . is the working directory or holds it")) << here.output;
  const fs::path dir = fresh_directory("key-without-value");
  write_file(dir / "no-regions.yaml",
             "extends: " + source_path("scenarios/example_pdu.yaml") + "\nregions: null\n");
  const CommandResult none = run_probsim("validate " + quoted(dir / "no-regions.yaml"));
  EXPECT_EQ(none.exit_status, 1) << none.output;
  const std::size_t first = none.output.find("key 'regions': has no value");
  EXPECT_NE(first, std::string::npos) << none.output;
  EXPECT_EQ(none.output.find("key 'regions': has no value", first + 1), std::string::npos) << none.output;
}

}  // namespace
}  // namespace probsim::testing
