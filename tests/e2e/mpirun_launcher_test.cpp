// A sweep run under a real launcher: Debian's Open MPI `mpirun -np 3` starts three probsim processes
// (used purely as a launcher: probsim links no MPI), each finds its shard from OMPI_COMM_WORLD_RANK and
// OMPI_COMM_WORLD_SIZE with --shard auto, and together they give what one process gives.
#include <gtest/gtest.h>

#include <cstdlib>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

TEST(MpirunLauncher, ThreeRanksRunASweepAsThreeShards) {
  if (run_shell("command -v mpirun").exit_status != 0)
    GTEST_SKIP()
        << "mpirun is not installed: Debian's openmpi-bin provides it (scripts/setup.sh installs it)";
  const auto dir = fresh_directory("mpirun");
  const auto sweep = quoted(write_sweep(dir, small_sweep("mpirun")));
  const CommandResult reference =
      run_probsim("batch " + sweep + " --out " + quoted(dir / "one") + " --quiet");
  ASSERT_EQ(reference.exit_status, 0) << reference.output;

  // As root in a CI container: --allow-run-as-root. No ssh is needed on one machine: the `isolated`
  // launcher starts local processes only. --bind-to none lets each rank's replication processes use
  // every core instead of the one core Open MPI would bind the rank to.
  const CommandResult mpi = run_shell(
      "OMPI_MCA_plm=isolated mpirun --allow-run-as-root --oversubscribe "
      "--bind-to none -np 3 " +
      probsim_binary() + " batch " + sweep + " --out " + quoted(dir / "mpi") + " --shard auto --jobs 1");
  ASSERT_EQ(mpi.exit_status, 0) << mpi.output;
  for (const char* rank : {"0", "1", "2"}) {
    const std::string shard = std::to_string(std::atoi(rank) + 1) + "/3";
    EXPECT_NE(mpi.output.find("(shard " + shard + " from OMPI_COMM_WORLD_RANK=" + rank +
                              " OMPI_COMM_WORLD_SIZE=3)"),
              std::string::npos)
        << mpi.output;
    EXPECT_NE(mpi.output.find("shard " + shard + ": finished"), std::string::npos) << mpi.output;
  }
  // Whichever rank finished last found the batch complete and aggregated it; aggregating again is
  // harmless.
  EXPECT_TRUE(fs::exists(dir / "mpi" / "sweep_summary.csv")) << mpi.output;
  ASSERT_EQ(run_probsim("aggregate " + quoted(dir / "mpi") + " --quiet").exit_status, 0);
  EXPECT_EQ(batch_results(dir / "mpi", true), batch_results(dir / "one", true));
}
