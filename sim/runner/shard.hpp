#pragma once
// Which part of a batch this process runs (docs/guides/clusters.md). A batch's tasks are
// numbered k = 0, 1, 2, …; shard i of N (i = 1..N) runs the tasks with k mod N = i − 1. `--shard auto`
// takes i and N from the launcher that started the process: a Slurm job array, an `srun` step, or
// `mpirun` (Open MPI or MPICH) used purely as a launcher. probsim links no MPI library.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace probsim {

struct Shard {
  std::uint64_t index = 1;  // 1..count
  std::uint64_t count = 1;
  std::string source;  // how it was found, for messages: "--shard 2/3", "SLURM_ARRAY_TASK_ID=1 …"

  [[nodiscard]] bool owns(std::uint64_t task) const { return task % count == index - 1; }
  [[nodiscard]] std::string describe() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Looks up an environment variable; returns nothing if it is unset. Tests pass a fake one.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
[[nodiscard]] Environment process_environment();

// Parses "i/N" or "auto". On failure returns nothing and sets `error` to a message for the user.
[[nodiscard]] std::optional<Shard> parse_shard(const std::string& text, const Environment& environment,
                                               std::string& error);

}  // namespace probsim
