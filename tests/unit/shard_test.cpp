// --shard i/N and --shard auto: each launcher's variables give the right shard, and anything that
// does not make sense is an error rather than a silent shard 1/1.
#include "runner/shard.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace probsim;

namespace {
Environment fake(std::map<std::string, std::string> variables) {
  return [variables](const std::string& name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

Shard expect_shard(const std::string& text, std::map<std::string, std::string> env) {
  std::string error;
  const auto shard = parse_shard(text, fake(std::move(env)), error);
  EXPECT_TRUE(shard) << error;
  return shard.value_or(Shard{0, 0, ""});
}

std::string expect_error(const std::string& text, std::map<std::string, std::string> env = {}) {
  std::string error;
  EXPECT_FALSE(parse_shard(text, fake(std::move(env)), error)) << text;
  EXPECT_FALSE(error.empty());
  return error;
}
}  // namespace

TEST(Shard, ExplicitShardsAreNumberedFromOne) {
  const Shard s = expect_shard("2/3", {});
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 3u);
  EXPECT_EQ(s.describe(), "2/3");
  EXPECT_EQ(expect_shard("1/1", {}).count, 1u);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3", ""})
    EXPECT_NE(expect_error(bad).find("i/N"), std::string::npos) << bad;
}

TEST(Shard, TasksAreStripedAcrossShards) {
  // Every task belongs to exactly one shard, and shard i's share is every N-th task from i - 1.
  for (std::uint64_t n = 1; n <= 4; ++n) {
    for (std::uint64_t task = 0; task < 20; ++task) {
      int owners = 0;
      for (std::uint64_t i = 1; i <= n; ++i) owners += Shard{i, n, ""}.owns(task);
      EXPECT_EQ(owners, 1);
    }
  }
  EXPECT_TRUE((Shard{2, 3, ""}.owns(1)));
  EXPECT_TRUE((Shard{2, 3, ""}.owns(4)));
  EXPECT_FALSE((Shard{2, 3, ""}.owns(2)));
}

TEST(Shard, AutoReadsEachLauncher) {
  const Shard array = expect_shard(
      "auto", {{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_MIN", "0"}, {"SLURM_ARRAY_TASK_COUNT", "5"}});
  EXPECT_EQ(array.describe(), "4/5");
  // Arrays numbered from 1, or with a step: the position in the array counts, not the raw index.
  EXPECT_EQ(expect_shard(
                "auto",
                {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_MIN", "1"}, {"SLURM_ARRAY_TASK_MAX", "4"}})
                .describe(),
            "1/4");
  EXPECT_EQ(expect_shard("auto", {{"SLURM_ARRAY_TASK_ID", "14"},
                                  {"SLURM_ARRAY_TASK_MIN", "10"},
                                  {"SLURM_ARRAY_TASK_STEP", "2"},
                                  {"SLURM_ARRAY_TASK_COUNT", "3"}})
                .describe(),
            "3/3");
  EXPECT_EQ(
      expect_shard("auto", {{"SLURM_PROCID", "2"}, {"SLURM_STEP_NUM_TASKS", "4"}, {"SLURM_NTASKS", "4"}})
          .describe(),
      "3/4");
  EXPECT_EQ(expect_shard("auto", {{"OMPI_COMM_WORLD_RANK", "0"}, {"OMPI_COMM_WORLD_SIZE", "3"}}).describe(),
            "1/3");
  EXPECT_EQ(expect_shard("auto", {{"PMI_RANK", "1"}, {"PMI_SIZE", "2"}}).describe(), "2/2");
  // mpirun inside a Slurm allocation: mpirun's ranks, not the allocation's.
  EXPECT_EQ(expect_shard("auto", {{"OMPI_COMM_WORLD_RANK", "1"},
                                  {"OMPI_COMM_WORLD_SIZE", "3"},
                                  {"SLURM_PROCID", "0"},
                                  {"SLURM_STEP_NUM_TASKS", "1"}})
                .describe(),
            "2/3");
}

TEST(Shard, AutoCombinesAJobArrayWithTheProcessesEachOfItsTasksLaunches) {
  // Array task 2 of 3 (index 1) running srun -n 4: shards 5..8 of 12; this is its third process.
  const Shard s = expect_shard("auto", {{"SLURM_ARRAY_TASK_ID", "1"},
                                        {"SLURM_ARRAY_TASK_MIN", "0"},
                                        {"SLURM_ARRAY_TASK_COUNT", "3"},
                                        {"SLURM_PROCID", "2"},
                                        {"SLURM_STEP_NUM_TASKS", "4"}});
  EXPECT_EQ(s.describe(), "7/12");
}

TEST(Shard, ABatchScriptAloneIsNotAnSrunStep) {
  // sbatch sets SLURM_PROCID=0 and SLURM_NTASKS in the batch script itself; taking those as shard
  // 1 of N would silently leave N - 1 shards unrun.
  const std::string error = expect_error("auto", {{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "4"}});
  EXPECT_NE(error.find("found no launcher"), std::string::npos) << error;
}

TEST(Shard, AutoWithoutALauncherOrWithNonsenseIsAnError) {
  EXPECT_NE(expect_error("auto").find("SLURM_ARRAY_TASK_ID"), std::string::npos);
  EXPECT_NE(expect_error("auto", {{"OMPI_COMM_WORLD_RANK", "3"}, {"OMPI_COMM_WORLD_SIZE", "3"}}).find("rank"),
            std::string::npos);
  EXPECT_NE(expect_error("auto", {{"PMI_RANK", "0"}}).find("PMI_SIZE"), std::string::npos);
  EXPECT_NE(expect_error("auto", {{"SLURM_ARRAY_TASK_ID", "7"}}).find("size"), std::string::npos);
  EXPECT_NE(expect_error("auto", {{"SLURM_ARRAY_TASK_ID", "5"},
                                  {"SLURM_ARRAY_TASK_MIN", "1"},
                                  {"SLURM_ARRAY_TASK_COUNT", "3"}})
                .find("evenly spaced"),
            std::string::npos);
}

TEST(Shard, ABadArrayIndexOrStepIsNamedNotTheArraySize) {
  // An index that is not a number used to be reported as an unreadable array size.
  const std::string bad_id =
      expect_error("auto", {{"SLURM_ARRAY_TASK_ID", "abc"}, {"SLURM_ARRAY_TASK_COUNT", "3"}});
  EXPECT_NE(bad_id.find("SLURM_ARRAY_TASK_ID=abc is not a whole number"), std::string::npos) << bad_id;
  EXPECT_EQ(bad_id.find("size"), std::string::npos) << bad_id;
  const std::string bad_min = expect_error(
      "auto",
      {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_MIN", "-1"}, {"SLURM_ARRAY_TASK_COUNT", "3"}});
  EXPECT_NE(bad_min.find("SLURM_ARRAY_TASK_MIN=-1 is not a whole number"), std::string::npos) << bad_min;
  EXPECT_EQ(bad_min.find("STEP"), std::string::npos) << bad_min;
  const std::string zero_step = expect_error(
      "auto",
      {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_STEP", "0"}, {"SLURM_ARRAY_TASK_COUNT", "3"}});
  EXPECT_NE(zero_step.find("SLURM_ARRAY_TASK_STEP=0: a job array's step is at least 1"), std::string::npos)
      << zero_step;
  const std::string zero_count =
      expect_error("auto", {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_COUNT", "0"}});
  EXPECT_NE(zero_count.find("SLURM_ARRAY_TASK_COUNT=0 is not a job array's size"), std::string::npos)
      << zero_count;
}

TEST(Shard, ABadArrayMaximumIsNamedWithItsValue) {
  // Without SLURM_ARRAY_TASK_COUNT the size comes from MIN, MAX and STEP; a MAX that is not a number, or
  // below MIN, is named with its value rather than reported as an unreadable size.
  const std::string not_a_number =
      expect_error("auto", {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_MAX", "4x"}});
  EXPECT_NE(not_a_number.find("SLURM_ARRAY_TASK_MAX=4x is not a whole number"), std::string::npos)
      << not_a_number;
  const std::string below_min = expect_error(
      "auto", {{"SLURM_ARRAY_TASK_ID", "5"}, {"SLURM_ARRAY_TASK_MIN", "5"}, {"SLURM_ARRAY_TASK_MAX", "3"}});
  EXPECT_NE(below_min.find("SLURM_ARRAY_TASK_MAX=3 is below SLURM_ARRAY_TASK_MIN=5"), std::string::npos)
      << below_min;
  // A good MAX gives the size, and agrees with COUNT when both are set.
  EXPECT_EQ(expect_shard("auto", {{"SLURM_ARRAY_TASK_ID", "0"}, {"SLURM_ARRAY_TASK_MAX", "2"}}).describe(),
            "1/3");
  EXPECT_EQ(expect_shard("auto", {{"SLURM_ARRAY_TASK_ID", "3"},
                                  {"SLURM_ARRAY_TASK_MIN", "1"},
                                  {"SLURM_ARRAY_TASK_MAX", "5"},
                                  {"SLURM_ARRAY_TASK_STEP", "2"},
                                  {"SLURM_ARRAY_TASK_COUNT", "3"}})
                .describe(),
            "2/3");
}

TEST(Shard, AJobArrayGivenAsAListOfIndicesIsRefusedInEveryTask) {
  // --array=0,2,4,5 sets COUNT 4, MIN 0 and MAX 5: tasks 0 and 2 used to run as shards 1/4 and 3/4 while
  // 4 and 5 were refused, so half the array worked and the batch ended incomplete.
  for (const char* id : {"0", "2", "4", "5"}) {
    const std::string error = expect_error("auto", {{"SLURM_ARRAY_TASK_ID", id},
                                                    {"SLURM_ARRAY_TASK_MIN", "0"},
                                                    {"SLURM_ARRAY_TASK_MAX", "5"},
                                                    {"SLURM_ARRAY_TASK_COUNT", "4"}});
    EXPECT_NE(error.find("SLURM_ARRAY_TASK_COUNT=4 but SLURM_ARRAY_TASK_MIN=0 to SLURM_ARRAY_TASK_MAX=5 in "
                         "steps of 1 is 6 indices"),
              std::string::npos)
        << id << ": " << error;
  }
}
