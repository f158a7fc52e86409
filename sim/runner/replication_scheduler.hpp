#pragma once
// Runs replications in child processes (one SimGrid Engine per process), at most J at once, for one
// scenario (`probsim run`) or many points (`probsim batch`). Each replication writes its own files
// under DIR/replications/, the kpis file last, so a replication is complete exactly when its kpis file
// exists; the scheduler skips complete ones (resume) and clears the leftovers of incomplete ones
// before running them again. Results depend only on (scenario, seed, replication index).
//
// With a precision rule a set runs replications 1, 2, … and checks the rule on each complete prefix
// 1..n (n ≥ the minimum) in order; it stops at the first n that meets it, or at the maximum. To keep J
// processes busy it may start up to J − 1 replications beyond the prefix; any above the stopping point
// are stopped and their files removed, so the outcome does not depend on J.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "runner/precision_rule.hpp"

namespace probsim {

struct ReplicationSet {
  std::string label;  // for messages: "point p0003", or the scenario's name
  const Scenario* scenario = nullptr;
  std::filesystem::path dir;  // the run directory; replication files go in dir/replications/
  std::uint64_t base_seed = 1;
  bool events = false;
  bool events_sessions = false;  // events.csv also has a row per group session attended or missed
  bool events_tasks = false;     // events.csv also has a row per casework task of a case completed
  // Without a precision rule: exactly these replications (any already complete are skipped).
  std::vector<std::uint64_t> replications;
  // With one: 1, 2, … until it decides; `replications` is then unused.
  std::optional<PrecisionRule> precision;
};

struct PrecisionDecision {
  std::uint64_t replications = 0;  // the rule stopped at n: replications 1..n are the result
  PrecisionCheck check;            // on replications 1..n
};

struct SchedulerOptions {
  std::size_t jobs = 1;
  bool quiet = false;
  std::string progress_prefix;              // e.g. "shard 2/3: "
  std::size_t threads_per_replication = 1;  // see ReplicationSpec::threads
  std::optional<std::string> max_memory;    // --max-memory's text, if given: for ReplicationOutOfMemory
};

struct ScheduleResult {
  enum class Status { complete, interrupted, failed };
  Status status = Status::complete;
  std::string failure;  // what went wrong, for messages
  // The failure is in the request, not the moment (a precision KPI the runs do not write): the same
  // command would fail the same way, so it is not to be advised as a resume.
  bool fails_unchanged = false;
  std::uint64_t ran = 0;                                    // replications run by this call
  std::uint64_t skipped = 0;                                // already complete when it started
  std::vector<std::optional<PrecisionDecision>> decisions;  // per set, for sets with a rule
};

// Called as soon as a set's precision rule decides (so that the decision can be recorded even if the
// process is stopped later), with the set's index.
using DecisionCallback = std::function<void(std::size_t set, const PrecisionDecision& decision)>;

// Runs every set to completion, or stops all children and returns at the first failure or on SIGINT
// or SIGTERM. Completed replications are left in place in every case. A replication that ran out of
// memory is thrown, as ReplicationOutOfMemory (runner/out_of_memory.hpp), once the others are stopped.
[[nodiscard]] ScheduleResult run_replications(const std::vector<ReplicationSet>& sets,
                                              const SchedulerOptions& options,
                                              const DecisionCallback& on_decided);

// Whether replication r of the run in `dir` is complete (its kpis file exists).
[[nodiscard]] bool replication_complete(const std::filesystem::path& dir, std::uint64_t replication);

// The (kpi, value) rows of one complete replication, in file order.
[[nodiscard]] std::vector<std::pair<std::string, double>> read_replication_kpis(
    const std::filesystem::path& dir, std::uint64_t replication);

// Creates a directory and its parents; safe when other processes create the same ones at once.
void ensure_directory(const std::filesystem::path& dir);

}  // namespace probsim
