#include "runner/shard.hpp"

#include <charconv>
#include <cstdlib>

namespace probsim {

namespace {

std::optional<std::uint64_t> parse_whole(const std::string& text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

struct Found {
  std::uint64_t rank = 0;  // 0-based
  std::uint64_t size = 1;
  std::string source;
};

// A rank/size pair of variables. Returns nothing if neither is set; sets `error` if only one is, or
// if they make no sense.
std::optional<Found> rank_and_size(const Environment& env, const std::string& rank_name,
                                   const std::string& size_name, std::string& error) {
  const auto rank_text = env(rank_name);
  const auto size_text = env(size_name);
  if (!rank_text && !size_text) return std::nullopt;
  if (!rank_text || !size_text) {
    error = (rank_text ? rank_name : size_name) + " is set but " + (rank_text ? size_name : rank_name) +
            " is not; cannot tell this process's shard";
    return std::nullopt;
  }
  const auto rank = parse_whole(*rank_text);
  const auto size = parse_whole(*size_text);
  if (!rank || !size || *size == 0 || *rank >= *size) {
    error = rank_name + "=" + *rank_text + " and " + size_name + "=" + *size_text +
            " do not give a rank from 0 to size - 1";
    return std::nullopt;
  }
  return Found{*rank, *size, rank_name + "=" + *rank_text + " " + size_name + "=" + *size_text};
}

// Slurm job arrays: the array index, counted from the lowest index in steps of the array's step.
std::optional<Found> slurm_array(const Environment& env, std::string& error) {
  const auto id_text = env("SLURM_ARRAY_TASK_ID");
  if (!id_text) return std::nullopt;
  const auto id = parse_whole(*id_text);
  const auto min = parse_whole(env("SLURM_ARRAY_TASK_MIN").value_or("0"));
  const auto step = parse_whole(env("SLURM_ARRAY_TASK_STEP").value_or("1"));
  // COUNT, when set, is the size; otherwise MIN, MAX and STEP give it. With both, they must agree: an
  // array submitted as a list of indices (--array=0,2,4,5) has COUNT 4 but MAX 5, and would run in some
  // tasks and be refused in others.
  const auto count_text = env("SLURM_ARRAY_TASK_COUNT");
  const auto max_text = env("SLURM_ARRAY_TASK_MAX");
  const auto max = max_text ? parse_whole(*max_text) : std::nullopt;
  const auto max_if_read = max_text ? max : std::optional<std::uint64_t>{0};  // an unset MAX is not wrong
  // Name the variable that is wrong: a bad index is not a bad array size.
  for (const auto& [name, value] :
       {std::pair{"SLURM_ARRAY_TASK_ID", id}, std::pair{"SLURM_ARRAY_TASK_MIN", min},
        std::pair{"SLURM_ARRAY_TASK_STEP", step}, std::pair{"SLURM_ARRAY_TASK_MAX", max_if_read}})
    if (!value) {
      error =
          std::string(name) + "=" + env(name).value_or("") + " is not a whole number (digits only, no sign)";
      return std::nullopt;
    }
  if (*step == 0) {
    error = "SLURM_ARRAY_TASK_STEP=0: a job array's step is at least 1";
    return std::nullopt;
  }
  if (max && *max < *min) {
    error = "SLURM_ARRAY_TASK_MAX=" + *max_text +
            " is below SLURM_ARRAY_TASK_MIN=" + env("SLURM_ARRAY_TASK_MIN").value_or("0") +
            ": a job array's highest index is at least its lowest";
    return std::nullopt;
  }
  std::optional<std::uint64_t> count;
  if (count_text) {
    count = parse_whole(*count_text);
  } else if (max) {
    count = (*max - *min) / *step + 1;
  }
  if (count_text && (!count || *count == 0)) {
    error =
        "SLURM_ARRAY_TASK_COUNT=" + *count_text + " is not a job array's size (a whole number, at least 1)";
    return std::nullopt;
  }
  if (!count || *count == 0) {
    error =
        "SLURM_ARRAY_TASK_ID is set, but the job array's size cannot be read from SLURM_ARRAY_TASK_COUNT "
        "(or SLURM_ARRAY_TASK_MIN/MAX/STEP)";
    return std::nullopt;
  }
  if (count_text && max && (*max - *min) / *step + 1 != *count) {
    error = "SLURM_ARRAY_TASK_COUNT=" + *count_text +
            " but SLURM_ARRAY_TASK_MIN=" + env("SLURM_ARRAY_TASK_MIN").value_or("0") +
            " to SLURM_ARRAY_TASK_MAX=" + *max_text + " in steps of " + std::to_string(*step) + " is " +
            std::to_string((*max - *min) / *step + 1) +
            " indices: the job array is not evenly spaced (submit it as --array=0-" +
            std::to_string(*count - 1) + " or with a step, not as a list of indices)";
    return std::nullopt;
  }
  if (*id < *min || (*id - *min) % *step != 0 || (*id - *min) / *step >= *count) {
    error = "SLURM_ARRAY_TASK_ID=" + *id_text +
            " is not one of an evenly spaced job array (submit it as --array=0-" +
            std::to_string(*count - 1) + " or with a step, not as a list of indices)";
    return std::nullopt;
  }
  return Found{(*id - *min) / *step, *count,
               "SLURM_ARRAY_TASK_ID=" + *id_text + " of " + std::to_string(*count) + " array tasks"};
}

// The launcher that started this process, if any: mpirun (Open MPI, then MPICH/Hydra's PMI), then an
// srun step. SLURM_PROCID and SLURM_NTASKS alone are not enough: a batch script has them too (rank 0
// of the whole allocation) without being one of several tasks; only srun sets SLURM_STEP_NUM_TASKS.
std::optional<Found> launcher(const Environment& env, std::string& error) {
  if (auto found = rank_and_size(env, "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", error)) return found;
  if (!error.empty()) return std::nullopt;
  if (auto found = rank_and_size(env, "PMI_RANK", "PMI_SIZE", error)) return found;
  if (!error.empty()) return std::nullopt;
  if (env("SLURM_STEP_NUM_TASKS")) return rank_and_size(env, "SLURM_PROCID", "SLURM_STEP_NUM_TASKS", error);
  return std::nullopt;
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::optional<Shard> parse_shard(const std::string& text, const Environment& environment,
                                 std::string& error) {
  error.clear();
  if (text == "auto") {
    const auto array = slurm_array(environment, error);
    if (!error.empty()) return std::nullopt;
    const auto started_by = launcher(environment, error);
    if (!error.empty()) return std::nullopt;
    if (!array && !started_by) {
      error =
          "--shard auto found no launcher: none of SLURM_ARRAY_TASK_ID (a Slurm job array), "
          "SLURM_PROCID with SLURM_STEP_NUM_TASKS (srun), OMPI_COMM_WORLD_RANK/SIZE (Open MPI's mpirun) "
          "or PMI_RANK/SIZE (MPICH's mpirun) is set. Give --shard i/N instead.";
      return std::nullopt;
    }
    // Both: an srun step or mpirun inside each task of a job array. The array's tasks each hold a
    // block of shards, one per launched process.
    const Found a = array.value_or(Found{0, 1, ""});
    const Found l = started_by.value_or(Found{0, 1, ""});
    std::string source = a.source.empty()   ? l.source
                         : l.source.empty() ? a.source
                                            : a.source + ", " + l.source;
    return Shard{a.rank * l.size + l.rank + 1, a.size * l.size, source};
  }
  const auto slash = text.find('/');
  const auto index = slash == std::string::npos ? std::nullopt : parse_whole(text.substr(0, slash));
  const auto count = slash == std::string::npos ? std::nullopt : parse_whole(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *index == 0 || *index > *count) {
    error = "--shard expects i/N with shards numbered 1 to N (e.g. 2/3), or auto; found '" + text + "'";
    return std::nullopt;
  }
  return Shard{*index, *count, "--shard " + text};
}

}  // namespace probsim
