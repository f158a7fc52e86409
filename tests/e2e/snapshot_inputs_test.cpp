// A run from a snapshot (warm_start: snapshot) records its CSVs' checksums in scenario.resolved.yaml, so a
// CSV edited after the run is not silently replayed by `probsim snapshot`, nor mixed into a batch by a
// later shard (found by probing the commands in session 25).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// A copy of the shipped snapshot scenario and its two CSVs in `dir`, so that a test can edit a CSV.
fs::path copied_snapshot_scenario(const fs::path& dir) {
  fs::copy(source_path("scenarios/data"), dir / "data", fs::copy_options::recursive);
  std::string text = read_file(source_path("scenarios/example_region_snapshot.yaml"));
  const std::string extends = "extends: base/england_wales_defaults.yaml";
  const std::size_t at = text.find(extends);
  if (at != std::string::npos)
    text.replace(at, extends.size(),
                 "extends: '" + source_path("scenarios/base/england_wales_defaults.yaml") + "'");
  write_file(dir / "scenario.yaml", text);
  return dir / "scenario.yaml";
}

// One replication of the copied scenario to 2023-03-31, into `dir`/run; its exit status.
int run_copied_snapshot_scenario(const fs::path& dir) {
  const fs::path scenario = copied_snapshot_scenario(dir);
  return run_probsim("run " + quoted(scenario) +
                     " --reps 1 --quiet --set simulation.report_end=2023-03-31 --out " + quoted(dir / "run"))
      .exit_status;
}

void drop_last_line(const fs::path& file) {
  std::string text = read_file(file);
  text.pop_back();  // the final newline
  text.erase(text.rfind('\n') + 1);
  write_file(file, text);
}

TEST(SnapshotInputs, AReplayRefusesACsvEditedSinceTheRun) {
  const fs::path dir = fresh_directory("snapshot-inputs-replay");
  ASSERT_EQ(run_copied_snapshot_scenario(dir), 0);
  EXPECT_TRUE(contains(read_file(dir / "run" / "scenario.resolved.yaml"), "# input caseload_csv: "));
  const std::string replay = "snapshot " + quoted(dir / "run") + " --date 2023-02-01 --out ";
  EXPECT_EQ(run_probsim(replay + quoted(dir / "before")).exit_status, 0);
  drop_last_line(dir / "data" / "example_region_caseload.csv");
  const CommandResult after = run_probsim(replay + quoted(dir / "after"));
  EXPECT_EQ(after.exit_status, 1) << after.output;
  EXPECT_TRUE(contains(after.output, "example_region_caseload.csv has changed since")) << after.output;
  EXPECT_FALSE(fs::exists(dir / "after"));
}

// `probsim batch` of a sweep over the copied scenario: two points of one replication, so that each of two
// shards runs one.
std::string two_point_batch(const fs::path& dir) {
  const fs::path scenario = copied_snapshot_scenario(dir);
  const fs::path sweep = write_sweep(
      dir,
      "name: snapshot_inputs\nscenarios: ['" + scenario.string() +
          "']\npoints:\n  - {simulation.report_end: 2023-03-31}\n  - {simulation.report_end: 2023-02-28}\n"
          "replications_per_point: 1\nbase_seed: 3\n");
  return "batch " + quoted(sweep) + " --quiet --jobs 1";
}

TEST(SnapshotInputs, ALaterShardRefusesACsvEditedSinceTheFirst) {
  const fs::path dir = fresh_directory("snapshot-inputs-shards");
  const std::string batch = two_point_batch(dir) + " --out " + quoted(dir / "batch");
  ASSERT_EQ(run_probsim(batch + " --shard 1/2").exit_status, 0);
  drop_last_line(dir / "data" / "example_region_staff.csv");
  const CommandResult second = run_probsim(batch + " --shard 2/2");
  EXPECT_EQ(second.exit_status, 1) << second.output;
  EXPECT_TRUE(contains(second.output, "example_region_staff.csv has changed since")) << second.output;
  // Not the replay's way round it, deleting the record: the point would then be of two inputs.
  EXPECT_FALSE(contains(second.output, "delete that '# input' line")) << second.output;
  EXPECT_TRUE(contains(second.output, "to run with the file as it is now, use another --out"))
      << second.output;
  EXPECT_FALSE(fs::exists(dir / "batch" / "sweep_summary.csv"));
}

// A batch point of a snapshot scenario named its CSVs by the scenario file's relative paths, which from the
// point's folder named no file: the point's replay (snapshot, or its header's re-run) failed.
TEST(SnapshotInputs, ABatchPointOfASnapshotScenarioNamesItsCsvsSoItCanBeReplayed) {
  const fs::path dir = fresh_directory("snapshot-inputs-point-replay");
  ASSERT_EQ(run_probsim(two_point_batch(dir) + " --out " + quoted(dir / "batch")).exit_status, 0);
  const CommandResult replay =
      run_probsim("snapshot " + quoted(dir / "batch" / "points" / "p0001") + " --date 2023-02-01");
  EXPECT_EQ(replay.exit_status, 0) << replay.output;
  EXPECT_TRUE(fs::exists(dir / "batch" / "points" / "p0001" / "snapshot-2023-02-01" / "staff.csv"));
}

// The paths are set aside when a later shard compares a point's record (the '# input' checksums hold what
// the files are): a batch begun when they were written relative, or a shard started through a link to the
// same folder, was refused its resume as "a scenario file changed".
TEST(SnapshotInputs, ALaterShardComparesAPointsRecordWithoutItsCsvPaths) {
  const fs::path dir = fresh_directory("snapshot-inputs-csv-paths");
  const std::string batch = two_point_batch(dir) + " --out " + quoted(dir / "batch");
  ASSERT_EQ(run_probsim(batch + " --shard 1/2").exit_status, 0);
  const fs::path record = dir / "batch" / "points" / "p0001" / "scenario.resolved.yaml";
  std::string text = read_file(record);
  for (const char* key : {"  caseload_csv: ", "  staff_csv: "}) {
    const std::size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at + std::string(key).size(), text.find('\n', at) - at - std::string(key).size(),
                 "data/x.csv");
  }
  write_file(record, text);
  const CommandResult second = run_probsim(batch + " --shard 2/2");
  EXPECT_EQ(second.exit_status, 0) << second.output;
  EXPECT_TRUE(fs::exists(dir / "batch" / "sweep_summary.csv"));
}

// A batch begun before the checksums were recorded (its files have no '# input' lines) is not checked: a
// later shard goes on, as it did then, rather than refusing every batch begun by an older probsim.
TEST(SnapshotInputs, ALaterShardOfABatchBegunBeforeTheChecksumsGoesOn) {
  const fs::path dir = fresh_directory("snapshot-inputs-older-batch");
  const std::string batch = two_point_batch(dir) + " --out " + quoted(dir / "batch");
  ASSERT_EQ(run_probsim(batch + " --shard 1/2").exit_status, 0);
  std::size_t stripped = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "batch")) {
    if (entry.path().extension() != ".yaml") continue;
    std::string kept;
    const std::string text = read_file(entry.path());
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = text.find('\n', start);
      const std::string line = text.substr(start, end == std::string::npos ? end : end - start + 1);
      if (line.rfind("# input ", 0) == 0)
        ++stripped;
      else
        kept += line;
      start = end == std::string::npos ? text.size() : end + 1;
    }
    write_file(entry.path(), kept);
  }
  ASSERT_GT(stripped, 0u) << "the first shard recorded its CSVs";
  drop_last_line(dir / "data" / "example_region_staff.csv");
  const CommandResult second = run_probsim(batch + " --shard 2/2");
  EXPECT_EQ(second.exit_status, 0) << second.output;
  EXPECT_TRUE(fs::exists(dir / "batch" / "sweep_summary.csv"));
}

// The same problem on every row (here each case starting after a snapshot day that a long warm-up moved
// back) is said once with its count, not once per row.
TEST(SnapshotInputs, TheSameProblemOnManyRowsIsSaidOnce) {
  const CommandResult r =
      run_probsim("validate scenarios/example_region_snapshot.yaml --set simulation.warm_up_weeks=500");
  EXPECT_EQ(r.exit_status, 1) << r.output;
  std::size_t said = 0;
  for (std::size_t at = r.output.find("is after the snapshot day"); at != std::string::npos;
       at = r.output.find("is after the snapshot day", at + 1))
    ++said;
  EXPECT_EQ(said, 1u) << r.output.substr(0, 2000);
  EXPECT_TRUE(contains(r.output, "more rows: lines ")) << r.output.substr(0, 2000);
  // And the day says where it comes from, since the warm-up moved it unseen.
  EXPECT_TRUE(contains(r.output, "(simulation.report_start 2023-01-01 less warm_up_weeks)"))
      << r.output.substr(0, 2000);
}

// An empty or removed CSV path is one problem at its key: the PDUs are not also told their staff lists are
// missing (with a snapshot the staff come from the CSV), and an empty path is not "no such file: ".
TEST(SnapshotInputs, AnEmptyOrRemovedCsvPathIsOneProblem) {
  const std::string validate = "validate scenarios/example_region_snapshot.yaml --set ";
  const CommandResult empty = run_probsim(validate + "'simulation.caseload_csv=\"\"'");
  EXPECT_EQ(empty.exit_status, 1) << empty.output;
  EXPECT_TRUE(
      contains(empty.output, "key 'simulation.caseload_csv': is empty; give the path of the CSV file"))
      << empty.output;
  EXPECT_TRUE(contains(empty.output, ": 1 problem found")) << empty.output;
  const CommandResult removed = run_probsim(validate + "simulation.staff_csv=null");
  EXPECT_EQ(removed.exit_status, 1) << removed.output;
  EXPECT_TRUE(contains(removed.output, "key 'simulation.staff_csv': is required, and this --set removed it"))
      << removed.output;
  EXPECT_TRUE(contains(removed.output, ": 1 problem found")) << removed.output;
}

// Shards written to separate directories are merged by `aggregate`, which refuses a point whose shards
// recorded different CSVs.
TEST(SnapshotInputs, AggregateRefusesShardsThatReadDifferentCsvs) {
  const fs::path dir = fresh_directory("snapshot-inputs-aggregate");
  const std::string batch = two_point_batch(dir);
  ASSERT_EQ(run_probsim(batch + " --shard 1/2 --out " + quoted(dir / "s1")).exit_status, 0);
  drop_last_line(dir / "data" / "example_region_staff.csv");
  ASSERT_EQ(run_probsim(batch + " --shard 2/2 --out " + quoted(dir / "s2")).exit_status, 0);
  const CommandResult merged = run_probsim("aggregate " + quoted(dir / "s1") + " " + quoted(dir / "s2") +
                                           " --quiet --out " + quoted(dir / "m"));
  EXPECT_EQ(merged.exit_status, 1) << merged.output;
  EXPECT_TRUE(contains(merged.output, "record different snapshot CSVs")) << merged.output;
  EXPECT_FALSE(fs::exists(dir / "m" / "sweep_summary.csv"));
}

// A run's scenario.resolved.yaml run again says when a CSV it recorded has changed.
TEST(SnapshotInputs, RunningAResolvedScenarioAgainWarnsOfAChangedCsv) {
  const fs::path dir = fresh_directory("snapshot-inputs-rerun");
  ASSERT_EQ(run_copied_snapshot_scenario(dir), 0);
  const std::string validate = "validate " + quoted(dir / "run" / "scenario.resolved.yaml");
  EXPECT_FALSE(contains(run_probsim(validate).output, "has changed since"));
  drop_last_line(dir / "data" / "example_region_caseload.csv");
  const CommandResult after = run_probsim(validate);
  EXPECT_EQ(after.exit_status, 0) << after.output;
  EXPECT_TRUE(contains(after.output, "probsim validate: warning: caseload_csv ")) << after.output;
  EXPECT_TRUE(contains(after.output, "has changed since the run recorded it")) << after.output;
}

// A recorded CSV that is gone: restoring it is the only advice (going on "with the file as it is now"
// was advised, and gave only "no such file").
TEST(SnapshotInputs, AReplayOfARunWhoseCsvIsGoneAdvisesRestoringIt) {
  const fs::path dir = fresh_directory("snapshot-inputs-gone");
  ASSERT_EQ(run_copied_snapshot_scenario(dir), 0);
  fs::rename(dir / "data" / "example_region_staff.csv", dir / "staff-moved.csv");
  const CommandResult replay =
      run_probsim("snapshot " + quoted(dir / "run") + " --date 2023-02-01 --out " + quoted(dir / "snap"));
  EXPECT_EQ(replay.exit_status, 1) << replay.output;
  EXPECT_TRUE(contains(replay.output, "no longer exists since the run recorded it")) << replay.output;
  EXPECT_TRUE(contains(replay.output, "Restore the file the run read (nothing can be replayed without it)"))
      << replay.output;
  EXPECT_FALSE(contains(replay.output, "delete that '# input' line")) << replay.output;
}

// A snapshot CSV that cannot be read when the run starts, though the path is there: a directory in the
// file's place (root reads any file, whatever its mode), or a path through a file. Each is named, at its
// key, the command exits 1, and nothing is written: no run directory, no staging directory, no snapshot.
TEST(SnapshotInputs, ACsvThatCannotBeReadIsNamedAndNothingIsWritten) {
  const fs::path dir = fresh_directory("snapshot-inputs-unreadable");
  ASSERT_EQ(run_copied_snapshot_scenario(dir), 0);
  const fs::path staff = dir / "data" / "example_region_staff.csv";
  fs::rename(staff, dir / "staff-aside.csv");
  fs::create_directory(staff);
  const std::string run = "run " + quoted(dir / "scenario.yaml") + " --reps 1 --quiet --out ";
  CommandResult result = run_probsim(run + quoted(dir / "again"));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output,
                       "scenario.yaml:20:3: error: key 'simulation.staff_csv': is a directory, "
                       "not a CSV file: " +
                           staff.string()))
      << result.output;
  // The replay of the run that read it: the recorded file is named, and no snapshot folder is made.
  result = run_probsim("snapshot " + quoted(dir / "run") + " --date 2023-02-01");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "probsim snapshot: staff_csv " + staff.string() +
                                          " can no longer be read since the run recorded it"))
      << result.output;
  // A folder of the path that is a file: said, rather than only "no such file".
  const fs::path through = dir / "staff-aside.csv" / "staff.csv";
  result =
      run_probsim(run + quoted(dir / "through") + " --set 'simulation.staff_csv=" + through.string() + "'");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "key 'simulation.staff_csv': no such file: " + through.string() + " (" +
                                          (dir / "staff-aside.csv").string() + " is a file, not a folder)"))
      << result.output;
  std::vector<std::string> entries;
  for (const auto& entry : fs::directory_iterator(dir)) entries.push_back(entry.path().filename().string());
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, (std::vector<std::string>{"data", "run", "scenario.yaml", "staff-aside.csv"}));
  for (const auto& entry : fs::directory_iterator(dir / "run"))
    EXPECT_EQ(entry.path().filename().string().rfind("snapshot", 0), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace probsim::testing
