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
  // The default request fits a 2-CPU node (a request of 4 pended forever on one).
  EXPECT_NE(log.find("--cpus-per-task=2 --mem=2G --time=02:00:00 --array"), std::string::npos) << log;
  EXPECT_NE(log.find("--dependency=afterany:100 "), std::string::npos) << log;
  EXPECT_NE(log.find("aggregate '" + (dir / "out").string() + "'"), std::string::npos) << log;
  EXPECT_FALSE(fs::exists(dir / "out")) << "submitting runs nothing";

  // Without sbatch (not on a Slurm login node): the dry run, a message, exit 1, nothing submitted.
  // (PROBSIM_SBATCH names a command that is not there, so a host with Slurm installed submits nothing.)
  const CommandResult no_slurm =
      run_shell(env + "PROBSIM_SBATCH=" + quoted(dir / "no-such-sbatch") + " bash " + script + " " + sweep +
                " " + quoted(dir / "out") + " 3");
  EXPECT_EQ(no_slurm.exit_status, 1) << no_slurm.output;
  EXPECT_NE(no_slurm.output.find("no-such-sbatch not found"), std::string::npos) << no_slurm.output;
  EXPECT_NE(no_slurm.output.find("shard 1/3 would run"), std::string::npos) << "the dry run is shown";
  EXPECT_EQ(no_slurm.output.find("sinfo"), std::string::npos) << no_slurm.output;
  EXPECT_EQ(read_file(dir / "sbatch.log"), log);

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
                  " SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 SLURM_CPUS_PER_TASK=2" +
                  // The memory granted becomes --max-memory (one task without it, as without --mem).
                  (task == 2 ? "" : " SLURM_MEM_PER_NODE=2048") + " bash " + script + " " + sweep + " " +
                  quoted(dir / "out"));
    ASSERT_EQ(ran.exit_status, 0) << ran.output;
    EXPECT_NE(ran.output.find("shard " + std::to_string(task + 1) + "/3: "), std::string::npos) << ran.output;
  }
  // A task granted less memory than a replication needs is refused with the figures (--max-memory), not
  // left to be killed.
  const CommandResult starved =
      run_shell(env +
                "SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 "
                "SLURM_CPUS_PER_TASK=2 SLURM_MEM_PER_NODE=1 bash " +
                script + " " + sweep + " " + quoted(dir / "starved"));
  EXPECT_NE(starved.exit_status, 0) << starved.output;
  EXPECT_NE(starved.output.find("max-memory"), std::string::npos) << starved.output;
  ASSERT_EQ(run_probsim("aggregate " + quoted(dir / "out") + " --quiet").exit_status, 0);
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "one") + " --quiet").exit_status, 0);
  EXPECT_EQ(batch_results(dir / "out", true), batch_results(dir / "one", true));
}

// CPUs, memory and time come from options or the environment, are checked against the partition's
// largest node (a stand-in sinfo: 2 CPUs, 3900 MB), and a missing probsim is named, not a silent exit.
TEST(SlurmScript, TakesItsRequestFromOptionsOrEnvironmentAndChecksItFits) {
  const auto dir = fresh_directory("slurm_request");
  const auto sweep = quoted(write_sweep(dir, small_sweep("slurm_request")));
  fs::create_directories(dir / "bin");
  write_file(dir / "bin" / "sbatch", "#!/bin/sh\necho \"$*\" >> \"$SBATCH_LOG\"\necho 100\n");
  write_file(dir / "bin" / "sinfo", "#!/bin/sh\necho '2 3900'\necho '1 1000'\n");
  for (const char* tool : {"sbatch", "sinfo"}) ::chmod((dir / "bin" / tool).c_str(), 0755);
  const std::string script = quoted(fs::path(source_path("scripts/slurm/sweep_array.sh")));
  const std::string env = "PATH=" + quoted(dir / "bin") +
                          ":\"$PATH\" SBATCH_LOG=" + quoted(dir / "sbatch.log") +
                          " PROBSIM=" + probsim_binary() + " ";
  const std::string args = " " + sweep + " " + quoted(dir / "out") + " 2";

  const CommandResult chosen = run_shell(env + "PROBSIM_TIME=00:20:00 bash " + script +
                                         " --cpus 1 --mem 1500M --partition small" + args);
  ASSERT_EQ(chosen.exit_status, 0) << chosen.output;
  const std::string log = read_file(dir / "sbatch.log");
  EXPECT_NE(log.find("--cpus-per-task=1 --mem=1500M --time=00:20:00 --partition=small --array=0-1"),
            std::string::npos)
      << log;

  const CommandResult too_many = run_shell(env + "PROBSIM_CPUS_PER_TASK=4 bash " + script + args);
  EXPECT_EQ(too_many.exit_status, 1);
  EXPECT_NE(too_many.output.find("--cpus 4 is more than any node of partition (default) has (2)"),
            std::string::npos)
      << too_many.output;
  const CommandResult too_much = run_shell(env + "bash " + script + " --mem 8G" + args);
  EXPECT_EQ(too_much.exit_status, 1);
  EXPECT_NE(too_much.output.find("--mem 8G is more than any node"), std::string::npos) << too_much.output;
  EXPECT_EQ(read_file(dir / "sbatch.log"), log) << "nothing more was submitted";

  // No probsim: a copy of the script outside the repository (no build/ beside it), none on PATH.
  fs::create_directories(dir / "elsewhere" / "scripts" / "slurm");
  fs::copy_file(source_path("scripts/slurm/sweep_array.sh"),
                dir / "elsewhere" / "scripts" / "slurm" / "sweep_array.sh");
  const CommandResult missing =
      run_shell("PATH=" + quoted(dir / "bin") + ":/usr/bin:/bin SBATCH_LOG=" + quoted(dir / "sbatch.log") +
                " bash " + quoted(dir / "elsewhere" / "scripts" / "slurm" / "sweep_array.sh") + args);
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_NE(missing.output.find("sweep_array.sh: cannot find probsim"), std::string::npos) << missing.output;
  EXPECT_NE(missing.output.find("set PROBSIM=/path/to/probsim"), std::string::npos) << missing.output;
}
