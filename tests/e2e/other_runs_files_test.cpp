// A command's output kept off every run's and batch's own files, not only its inputs', and a run kept
// from deleting the files it reads: found by a probe of the command line (session 33). Each of these
// exited 0 and lost a file: compare or report over a third run's results, snapshot CSVs written among
// another run's results, a run into the folder holding its own scenario or snapshot CSVs.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

const std::string kShortRun =
    "run scenarios/example_pdu.yaml -q --reps 2 --set simulation.report_end=2023-03-31 --out ";

// Two points compared, or one drawn, with the default output (OTHER_DIR/comparison.csv, DIR/report.html),
// as the sweeps guide shows: the file lands beside the point's results, which stay guarded, and the batch
// still aggregates. The guard on the batch's points/ refused both.
TEST(OtherRunsFiles, TwoPointsComparedOrOneDrawnWriteBesideThePointsResults) {
  const fs::path dir = fresh_directory("point-outputs");
  const CommandResult made =
      run_probsim("batch " + quoted(write_sweep(dir, small_sweep("point-outputs", "", "2"))) +
                  " --jobs 2 --quiet --out " + quoted(dir / "batch"));
  ASSERT_EQ(made.exit_status, 0) << made.output;
  const fs::path point = dir / "batch" / "points" / "p0003";
  const std::string compare =
      "compare " + quoted(dir / "batch" / "points" / "p0001") + " " + quoted(point) + " -q";
  const CommandResult compared = run_probsim(compare);
  EXPECT_EQ(compared.exit_status, 0) << compared.output;
  EXPECT_TRUE(fs::exists(point / "comparison.csv"));
  const CommandResult drawn = run_probsim("report " + quoted(point) + " -q");
  EXPECT_EQ(drawn.exit_status, 0) << drawn.output;
  EXPECT_TRUE(fs::exists(point / "report.html"));
  // The point's own results are still its own.
  const CommandResult over = run_probsim(compare + " --out " + quoted(point / "kpis.csv"));
  EXPECT_EQ(over.exit_status, 1) << over.output;
  EXPECT_NE(over.output.find("is the run's own kpis.csv"), std::string::npos) << over.output;
  const CommandResult merged = run_probsim("aggregate " + quoted(dir / "batch") + " --quiet");
  EXPECT_EQ(merged.exit_status, 0) << merged.output;
}

// compare and report over a third run's (or batch point's) files: refused, the files as they were.
TEST(OtherRunsFiles, CompareAndReportDoNotWriteOverAThirdRunsResults) {
  const fs::path dir = fresh_directory("third-run");
  for (const char* run : {"a", "b", "third"})
    ASSERT_EQ(run_probsim(kShortRun + quoted(dir / run)).exit_status, 0);
  const std::string kpis = read_file(dir / "third" / "kpis.csv");
  const std::string resolved = read_file(dir / "third" / "scenario.resolved.yaml");
  const std::string compare = "compare " + quoted(dir / "a") + " " + quoted(dir / "b") + " -q --out ";
  for (const char* entry : {"kpis.csv", "scenario.resolved.yaml", "replications/x.csv"}) {
    const CommandResult r = run_probsim(compare + quoted(dir / "third" / entry));
    EXPECT_EQ(r.exit_status, 1) << entry << "\n" << r.output;
    EXPECT_NE(r.output.find((dir / "third").string()), std::string::npos) << r.output;
  }
  const CommandResult page =
      run_probsim("report " + quoted(dir / "a") + " -q --out " + quoted(dir / "third" / "summary.csv"));
  EXPECT_EQ(page.exit_status, 1) << page.output;
  EXPECT_NE(page.output.find("is the run's own summary.csv"), std::string::npos) << page.output;
  EXPECT_EQ(read_file(dir / "third" / "kpis.csv"), kpis);
  EXPECT_EQ(read_file(dir / "third" / "scenario.resolved.yaml"), resolved);
  // A file of the user's own in the third run's folder is still theirs to write.
  EXPECT_EQ(run_probsim(compare + quoted(dir / "third" / "a-vs-b.csv")).exit_status, 0);
}

// snapshot --out another run's directory wrote its CSVs among that run's results.
TEST(OtherRunsFiles, ASnapshotIsNotWrittenIntoAnotherRunsDirectory) {
  const fs::path dir = fresh_directory("snapshot-into-run");
  for (const char* run : {"a", "other"}) ASSERT_EQ(run_probsim(kShortRun + quoted(dir / run)).exit_status, 0);
  const CommandResult r =
      run_probsim("snapshot " + quoted(dir / "a") + " --date 2023-01-31 --out " + quoted(dir / "other"));
  EXPECT_EQ(r.exit_status, 1) << r.output;
  EXPECT_NE(r.output.find("holds another run's results: give the snapshot a folder of its own"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "other" / "caseload.csv"));
}

// A run into the folder that holds its own snapshot CSVs, or its own scenario file, deleted them with the
// earlier run it replaced (a warning only). Refused now; a re-run of a run's own scenario.resolved.yaml
// into that run, as its header says, still replaces it.
TEST(OtherRunsFiles, ARunDoesNotDeleteTheFilesItReads) {
  const fs::path dir = fresh_directory("run-own-inputs");
  ASSERT_EQ(run_probsim(kShortRun + quoted(dir / "r")).exit_status, 0);
  fs::create_directories(dir / "r" / "csv");
  for (const char* csv : {"caseload", "staff"})
    fs::copy_file(source_path(std::string("scenarios/data/example_region_") + csv + ".csv"),
                  dir / "r" / "csv" / (std::string(csv) + ".csv"));
  write_file(dir / "r" / "own.yaml",
             "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
                 "\nsimulation:\n  caseload_csv: csv/caseload.csv\n  staff_csv: csv/staff.csv\n");
  const std::string window = " -q --reps 1 --set simulation.report_end=2023-03-31 --out " + quoted(dir / "r");
  const CommandResult own = run_probsim("run " + quoted(dir / "r" / "own.yaml") + window);
  EXPECT_EQ(own.exit_status, 1) << own.output;
  EXPECT_NE(own.output.find("which this run reads; replacing the earlier run there would delete it"),
            std::string::npos)
      << own.output;
  EXPECT_TRUE(fs::exists(dir / "r" / "own.yaml"));
  EXPECT_TRUE(fs::exists(dir / "r" / "csv" / "caseload.csv"));
  // The CSVs alone in it, the scenario elsewhere.
  write_file(dir / "elsewhere.yaml",
             "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
                 "\nsimulation:\n  caseload_csv: r/csv/caseload.csv\n  staff_csv: r/csv/staff.csv\n");
  const CommandResult csvs = run_probsim("run " + quoted(dir / "elsewhere.yaml") + window);
  EXPECT_EQ(csvs.exit_status, 1) << csvs.output;
  EXPECT_NE(csvs.output.find((dir / "r" / "csv").string()), std::string::npos) << csvs.output;
  EXPECT_TRUE(fs::exists(dir / "r" / "csv" / "staff.csv"));
  // Its own record, re-run into it, is rewritten, not lost.
  fs::remove(dir / "r" / "own.yaml");
  fs::remove_all(dir / "r" / "csv");
  const CommandResult again = run_probsim("run " + quoted(dir / "r" / "scenario.resolved.yaml") + window);
  EXPECT_EQ(again.exit_status, 0) << again.output;
  EXPECT_TRUE(fs::exists(dir / "r" / "scenario.resolved.yaml"));
}

// A comparison without --by over one made with it left the old monthly file beside it, and report drew
// that baseline beside the new pair's differences.
TEST(OtherRunsFiles, AComparisonReplacedWithoutByTakesItsMonthlyFileWithIt) {
  const fs::path dir = fresh_directory("stale-monthly");
  for (const char* run : {"a", "b", "c"})
    ASSERT_EQ(run_probsim(kShortRun + quoted(dir / run)).exit_status, 0);
  ASSERT_EQ(
      run_probsim("compare " + quoted(dir / "a") + " " + quoted(dir / "c") + " -q --by pdu").exit_status, 0);
  ASSERT_TRUE(fs::exists(dir / "c" / "comparison_monthly.csv"));
  const CommandResult again = run_probsim("compare " + quoted(dir / "b") + " " + quoted(dir / "c") + " -q");
  EXPECT_EQ(again.exit_status, 0) << again.output;
  EXPECT_FALSE(fs::exists(dir / "c" / "comparison_monthly.csv"));
  EXPECT_NE(again.output.find("the monthly comparison of the comparison this one replaces"),
            std::string::npos)
      << again.output;
}

// A run into a --out holding another scenario's run replaces it as asked, and says so.
TEST(OtherRunsFiles, ReplacingAnotherScenariosRunIsWarnedOf) {
  const fs::path dir = fresh_directory("another-scenario");
  ASSERT_EQ(run_probsim(kShortRun + quoted(dir / "r")).exit_status, 0);
  const CommandResult r =
      run_probsim("run scenarios/rag_example.yaml -q --reps 1 --set simulation.report_end=2023-03-31 --out " +
                  quoted(dir / "r"));
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("holds a run of scenario 'example_pdu'; this run of"), std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace probsim::testing
