// What a batch directory already holds, read as it is by the commands that do not run it (found by a
// probe of the experiment workflow, session 33). aggregate holds points.csv to the points its sweep makes,
// as batch does: a cut row left its point out of sweep_summary.csv without a word, an edited value
// relabelled it, a renamed column was copied. It removes the merged files of a point no longer complete,
// which compare read as the point's. A dry run checks the directory as the run would, and counts what a
// resume would skip: it said "would run 10 of 10" of a complete batch, and "would run" of one the run
// refuses (another sweep, a changed scenario), so a cluster array was queued that every task would fail.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// small_sweep's batch of `replications` a point, run whole into `dir`/batch, or "" if it failed.
fs::path batch_of(const fs::path& dir, const std::string& replications) {
  const fs::path batch = dir / "batch";
  const CommandResult made = run_probsim(
      "batch " + quoted(write_sweep(dir, small_sweep(dir.filename().string(), "", replications))) +
      " --jobs 2 --quiet --out " + quoted(batch));
  EXPECT_EQ(made.exit_status, 0) << made.output;
  return made.exit_status == 0 ? batch : fs::path();
}

TEST(BatchDirectoryState, AggregateRefusesAPointsCsvThatIsNotTheSweeps) {
  const fs::path batch = batch_of(fresh_directory("point-index"), "1");
  ASSERT_FALSE(batch.empty());
  const std::string index = read_file(batch / "points.csv");
  const std::string aggregate = "aggregate " + quoted(batch) + " --quiet";
  ASSERT_EQ(run_probsim(aggregate).exit_status, 0);
  const std::string last_row = index.substr(index.rfind('\n', index.size() - 2) + 1);
  // p0002's row with its Northgate rate (the fifth field, a value the point sets) made 99.
  const std::size_t row_at = index.find("\np0002,") + 1;
  const std::string row = index.substr(row_at, index.find('\n', row_at) - row_at);
  std::size_t field = 0;
  for (int commas = 0; commas < 4; ++commas) field = row.find(',', field) + 1;
  const std::string edited_row = row.substr(0, field) + "99" + row.substr(row.find(',', field));
  const struct {
    std::string text, said;
  } edits[] = {
      {replaced(index, last_row, ""), "it lists 4 points, the sweep makes 5"},
      {replaced(index, "headcount", "hc"), "its columns are not the sweep's varied keys"},
      {replaced(index, row, edited_row), "point p0002's regions.0.pdus.Northgate.referrals_per_week is 99"},
  };
  for (const auto& edit : edits) {
    write_file(batch / "points.csv", edit.text);
    const CommandResult r = run_probsim(aggregate);
    EXPECT_EQ(r.exit_status, 1) << edit.text << r.output;
    EXPECT_NE(r.output.find("points.csv is not the sweep's: " + edit.said), std::string::npos) << r.output;
    // Refused before it starts: the earlier summary is left as it was, and said to be earlier.
    EXPECT_NE(r.output.find("is from an earlier aggregation and was not updated"), std::string::npos)
        << r.output;
  }
  write_file(batch / "points.csv", index);
  EXPECT_EQ(run_probsim(aggregate).exit_status, 0);
  EXPECT_TRUE(fs::exists(batch / "sweep_summary.csv"));
}

// A replication deleted after the batch was aggregated: aggregate said the point was incomplete but left
// its merged files, which compare went on pairing as the point's.
TEST(BatchDirectoryState, AnIncompletePointsEarlierMergedFilesAreRemoved) {
  const fs::path dir = fresh_directory("point-stale-merge");
  const fs::path batch = batch_of(dir, "2");
  ASSERT_FALSE(batch.empty());
  ASSERT_TRUE(fs::exists(batch / "points" / "p0002" / "kpis.csv"));
  fs::remove(replications_of(batch, "p0002") / "rep-00002.kpis.csv");
  const CommandResult r = run_probsim("aggregate " + quoted(batch) + " --quiet");
  EXPECT_EQ(r.exit_status, 1) << r.output;
  EXPECT_NE(
      r.output.find("p0002: 1 of 2 replications complete (missing replication 2); its merged files of an "
                    "earlier aggregation are removed"),
      std::string::npos)
      << r.output;
  for (const char* file : {"kpis.csv", "summary.csv", "timeseries.csv"})
    EXPECT_FALSE(fs::exists(batch / "points" / "p0002" / file)) << file;
  EXPECT_TRUE(fs::exists(batch / "points" / "p0001" / "kpis.csv"));
  const CommandResult pair =
      run_probsim("compare " + quoted(batch / "points" / "p0001") + " " + quoted(batch / "points" / "p0002") +
                  " -q --out " + quoted(dir / "c.csv"));
  EXPECT_EQ(pair.exit_status, 1) << pair.output;
}

TEST(BatchDirectoryState, ADryRunChecksTheDirectoryAndCountsWhatAResumeSkips) {
  const fs::path dir = fresh_directory("dry-run-state");
  const fs::path batch = batch_of(dir, "2");
  ASSERT_FALSE(batch.empty());
  const fs::path sweep = dir / "sweep.yaml";  // write_sweep's name
  const std::string dry = "batch " + quoted(sweep) + " --dry-run --out " + quoted(batch);
  const CommandResult complete = run_probsim(dry);
  EXPECT_EQ(complete.exit_status, 0) << complete.output;
  EXPECT_NE(complete.output.find("would run 0 of 10 replications into " + batch.string() +
                                 " (10 of its 10 already complete there, which a run skips)"),
            std::string::npos)
      << complete.output;
  fs::remove(replications_of(batch, "p0003") / "rep-00001.kpis.csv");
  const CommandResult resumed = run_probsim(dry);
  EXPECT_NE(resumed.output.find("would run 1 of 10 replications"), std::string::npos) << resumed.output;
  // Another sweep into it: refused by the dry run as by the run, and nothing written.
  write_file(sweep, replaced(read_file(sweep), "[5, 9]", "[5, 10]"));
  const CommandResult other = run_probsim(dry);
  EXPECT_EQ(other.exit_status, 1) << other.output;
  EXPECT_NE(other.output.find("holds another sweep"), std::string::npos) << other.output;
  EXPECT_FALSE(fs::exists(replications_of(batch, "p0003") / "rep-00001.kpis.csv"));
  // Nor into a run's directory, which the run refuses as no batch directory.
  ASSERT_EQ(run_probsim("run scenarios/example_pdu.yaml -q --reps 1 --set simulation.report_end=2023-03-31 "
                        "--out " +
                        quoted(dir / "a-run"))
                .exit_status,
            0);
  const CommandResult run_dir =
      run_probsim("batch " + quoted(sweep) + " --dry-run --out " + quoted(dir / "a-run"));
  EXPECT_EQ(run_dir.exit_status, 1) << run_dir.output;
  EXPECT_NE(run_dir.output.find("exists and is not a batch directory"), std::string::npos) << run_dir.output;
}

// Two processes running one shard into one directory (two unsharded batches at once) each ran every
// replication. While another holds the shard, a batch is refused and runs nothing, and its dry run says so.
TEST(BatchDirectoryState, ASecondProcessOnTheSameShardIsRefused) {
  const fs::path dir = fresh_directory("same-shard");
  const fs::path sweep = write_sweep(dir, small_sweep("same-shard", "", "1"));
  const fs::path out = dir / "batch";
  fs::create_directories(out / "points");  // as a running batch has it
  // flock(1) holds the lock a running batch of shard 1/1 would, for as long as the command it runs.
  const std::string batch = probsim_binary() + " batch " + quoted(sweep) + " --quiet --out " + quoted(out);
  const std::string hold_shard = "flock " + quoted(out / ".shard-1-of-1.lock") + " ";
  const CommandResult held = run_shell(hold_shard + batch);
  EXPECT_EQ(held.exit_status, 1) << held.output;
  EXPECT_NE(held.output.find("another probsim batch is running shard 1/1 of " + out.string() +
                             " now, and would run every replication this one would; wait for it to finish\n"),
            std::string::npos)
      << held.output;
  EXPECT_FALSE(fs::exists(replications_of(out, "p0001") / "rep-00001.kpis.csv"));
  const CommandResult dry = run_shell(hold_shard + batch + " --dry-run");
  EXPECT_EQ(dry.exit_status, 1) << dry.output;
  EXPECT_NE(dry.output.find("another probsim batch is running shard 1/1"), std::string::npos) << dry.output;
  // Another shard of the split runs beside it.
  EXPECT_EQ(
      run_shell("flock " + quoted(out / ".shard-1-of-2.lock") + " " + batch + " --shard 2/2").exit_status, 0);
  // A lock left by a process that has gone holds nothing: the batch runs, and leaves none behind.
  write_file(out / ".shard-1-of-1.lock", "12345\n");
  const CommandResult free = run_shell(batch);
  EXPECT_EQ(free.exit_status, 0) << free.output;
  EXPECT_TRUE(fs::exists(out / "sweep_summary.csv")) << free.output;
  EXPECT_FALSE(fs::exists(out / ".shard-1-of-1.lock"));
}

}  // namespace
}  // namespace probsim::testing
