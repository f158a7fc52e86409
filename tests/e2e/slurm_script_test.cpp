// scripts/slurm/sweep_array.sh, with a stand-in for sbatch (there is no Slurm here): it checks the
// sweep, submits itself as a job array and an aggregate job that depends on it; run as each array
// task would be, with the variables Slurm sets, the tasks together produce the unsharded results.
// (The real-launcher test is mpirun_launcher_test.cpp.)
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

TEST(SlurmScript, SubmitsAnArrayAndAnAggregateJobWhoseTasksRunTheSweep) {
  const auto dir = fresh_directory("slurm");
  const auto sweep = quoted(write_sweep(dir, small_sweep("slurm")));
  fs::create_directories(dir / "bin");
  write_file(dir / "bin" / "sbatch",
             "#!/bin/sh\necho \"$*\" >> \"$SBATCH_LOG\"\necho \"$(wc -l < \"$SBATCH_LOG\")00;cluster\"\n");
  ::chmod((dir / "bin" / "sbatch").c_str(), 0755);
  const std::string script = quoted(fs::path(source_path("scripts/slurm/sweep_array.sh")));
  const std::string env = "PATH=" + quoted(dir / "bin") +
                          ":\"$PATH\" SBATCH_LOG=" + quoted(dir / "sbatch.log") +
                          " PROBSIM=" + probsim_binary() + " ";

  const CommandResult submitted =
      run_shell(env + "bash " + script + " " + sweep + " " + quoted(dir / "out") + " 3");
  ASSERT_EQ(submitted.exit_status, 0) << submitted.output;
  EXPECT_NE(submitted.output.find("shard 1/3 would run 5 of 15 replications"), std::string::npos)
      << submitted.output;
  const std::string log = read_file(dir / "sbatch.log");
  EXPECT_NE(log.find("--array=0-2 "), std::string::npos) << log;
  EXPECT_NE(log.find("--dependency=afterany:100 "), std::string::npos) << log;
  EXPECT_NE(log.find("aggregate '" + (dir / "out").string() + "'"), std::string::npos) << log;
  EXPECT_FALSE(fs::exists(dir / "out")) << "submitting runs nothing";

  // A bad sweep is never queued.
  const auto bad = quoted(write_sweep(dir, small_sweep("slurm", "no_such_key: 1\n")));
  const CommandResult refused =
      run_shell(env + "bash " + script + " " + bad + " " + quoted(dir / "bad") + " 3");
  EXPECT_NE(refused.exit_status, 0);
  EXPECT_NE(refused.output.find("no_such_key"), std::string::npos) << refused.output;
  EXPECT_EQ(read_file(dir / "sbatch.log"), log);
  write_sweep(dir, small_sweep("slurm"));

  // The array's tasks, as Slurm starts them (array indices 0..2), then the aggregate job.
  for (int task = 0; task < 3; ++task) {
    const CommandResult ran =
        run_shell(env + "SLURM_ARRAY_TASK_ID=" + std::to_string(task) +
                  " SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 SLURM_CPUS_PER_TASK=2 bash " + script +
                  " " + sweep + " " + quoted(dir / "out"));
    ASSERT_EQ(ran.exit_status, 0) << ran.output;
    EXPECT_NE(ran.output.find("shard " + std::to_string(task + 1) + "/3: "), std::string::npos) << ran.output;
  }
  ASSERT_EQ(run_probsim("aggregate " + quoted(dir / "out") + " --quiet").exit_status, 0);
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "one") + " --quiet").exit_status, 0);
  EXPECT_EQ(batch_results(dir / "out", true), batch_results(dir / "one", true));
}
