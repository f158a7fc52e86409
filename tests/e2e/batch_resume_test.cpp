// Resume: a batch killed mid-way (SIGKILL to its whole process group, so nothing gets to clean up)
// and run again finishes with exactly the files of an uninterrupted run; a half-written replication is
// never taken as complete; a changed sweep or scenario is refused rather than mixed in.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

std::string resume_sweep() {
  return "name: resume\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
         "]\n"
         "parameters:\n"
         "  regions.0.pdus.Southbridge.staff.0.headcount: [5, 9]\n"
         "replications_per_point: 16\n"
         "base_seed: 3\n"
         "events: true\n";
}

std::size_t complete_replications(const fs::path& batch) {
  std::size_t count = 0;
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(batch, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 9 && name.compare(name.size() - 9, 9, ".kpis.csv") == 0 &&
        entry.path().parent_path().filename() == "replications")
      ++count;
  }
  return count;
}

std::string replication_name(int r, const std::string& suffix) {
  char name[64];
  std::snprintf(name, sizeof name, "rep-%05d.%s", r, suffix.c_str());
  return name;
}

}  // namespace

TEST(BatchResume, AKilledBatchResumesToTheResultsOfAnUninterruptedOne) {
  const auto dir = fresh_directory("resume");
  const auto sweep = write_sweep(dir, resume_sweep());
  const auto killed = dir / "killed";

  const pid_t pid = spawn_probsim_group("batch " + quoted(sweep) + " --out " + quoted(killed) + " --jobs 2",
                                        dir / "killed.log");
  ASSERT_GT(pid, 0);
  bool running = true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (complete_replications(killed) < 6 && std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) {
      running = false;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(running) << "the batch finished before it could be killed; make it longer\n"
                       << read_file(dir / "killed.log");
  ASSERT_EQ(::kill(-pid, SIGKILL), 0);
  ::waitpid(pid, nullptr, 0);
  const std::size_t complete_at_kill = complete_replications(killed);
  ASSERT_GE(complete_at_kill, 6u);
  ASSERT_LT(complete_at_kill, 32u);
  EXPECT_FALSE(fs::exists(killed / "sweep_summary.csv"));

  // Plant what a crash can leave: a replication's time series without its kpis file, temporary files
  // (of an unfinished replication, and a stale one beside a complete replication) from another host.
  const fs::path replications = replications_of(killed, "p0002");
  int unfinished = 0;
  for (int r = 16; r >= 1 && unfinished == 0; --r)
    if (!fs::exists(replications / replication_name(r, "kpis.csv"))) unfinished = r;
  ASSERT_GT(unfinished, 0);
  write_file(replications / replication_name(unfinished, "timeseries.csv"), "1,2023-01-31,pdu,North");
  write_file(replications / (replication_name(unfinished, "kpis.csv") + ".tmp.elsewhere.99999"),
             "1,referrals,");
  int complete = 0;
  for (int r = 1; r <= 16 && complete == 0; ++r)
    if (fs::exists(replications_of(killed, "p0001") / replication_name(r, "kpis.csv"))) complete = r;
  if (complete > 0)
    write_file(replications_of(killed, "p0001") / (replication_name(complete, "timeseries.csv") + ".tmp.x.1"),
               "stale");

  const CommandResult resumed =
      run_probsim("batch " + quoted(sweep) + " --out " + quoted(killed) + " --jobs 2");
  ASSERT_EQ(resumed.exit_status, 0) << resumed.output;
  EXPECT_NE(resumed.output.find(std::to_string(complete_at_kill) + " already complete"), std::string::npos)
      << resumed.output;
  EXPECT_NE(resumed.output.find("the batch is complete"), std::string::npos) << resumed.output;

  const CommandResult whole =
      run_probsim("batch " + quoted(sweep) + " --out " + quoted(dir / "whole") + " --jobs 1 --quiet");
  ASSERT_EQ(whole.exit_status, 0) << whole.output;
  const auto expected = files_under(dir / "whole", ".csv");
  EXPECT_EQ(expected.size(), 2u + 2u * (5u + 16u * 3u))
      << "points.csv, sweep_summary.csv; per point 5 merged files "
         "and 3 per replication";
  EXPECT_EQ(files_under(killed, ".csv"), expected);
  for (const auto& entry : fs::recursive_directory_iterator(killed))
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();

  // Run once more: nothing to do, nothing changes.
  const CommandResult again =
      run_probsim("batch " + quoted(sweep) + " --out " + quoted(killed) + " --jobs 2");
  ASSERT_EQ(again.exit_status, 0) << again.output;
  EXPECT_NE(again.output.find("0 replications run, 32 already complete"), std::string::npos) << again.output;
  EXPECT_EQ(files_under(killed, ".csv"), expected);
}

TEST(BatchResume, ADifferentSweepOrAChangedScenarioIsRefused) {
  const auto dir = fresh_directory("resume_refused");
  // A scenario beside the sweep, named relative to it.
  write_file(dir / "mine.yaml", "extends: " + source_path("scenarios/example_pdu.yaml") +
                                    "\nname: mine\nsimulation: {report_end: 2023-03-31}\n");
  const std::string text =
      "name: refuse\nscenarios: [mine.yaml]\nparameters: {regions.0.pdus.Northgate.referrals_per_week: [4, "
      "8]}\n"
      "replications_per_point: 2\n";
  const auto sweep = write_sweep(dir, text);
  const auto out = dir / "out";
  ASSERT_EQ(run_probsim("batch " + quoted(sweep) + " --out " + quoted(out) + " --quiet").exit_status, 0);
  const auto before = files_under(out, ".csv");

  write_sweep(dir, std::string(text).replace(text.find("point: 2"), 8, "point: 3"));
  const CommandResult other_sweep = run_probsim("batch " + quoted(sweep) + " --out " + quoted(out));
  EXPECT_EQ(other_sweep.exit_status, 1) << other_sweep.output;
  EXPECT_NE(other_sweep.output.find("holds another sweep"), std::string::npos) << other_sweep.output;
  EXPECT_NE(other_sweep.output.find("'replications_per_point: 3' now, 'replications_per_point: 2' before"),
            std::string::npos)
      << other_sweep.output;

  write_sweep(dir, text);
  write_file(dir / "mine.yaml", "extends: " + source_path("scenarios/example_pdu.yaml") +
                                    "\nname: mine\nsimulation: {report_end: 2023-04-30}\n");
  const CommandResult changed = run_probsim("batch " + quoted(sweep) + " --out " + quoted(out));
  EXPECT_EQ(changed.exit_status, 1) << changed.output;
  EXPECT_NE(changed.output.find("Did a scenario file change?"), std::string::npos) << changed.output;
  EXPECT_NE(changed.output.find("2023-04-30"), std::string::npos) << changed.output;
  EXPECT_EQ(files_under(out, ".csv"), before) << "nothing was touched";
}
