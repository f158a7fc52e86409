#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runner/usable_cores.hpp"

namespace probsim {

// Threads each replication runs its PDU offices' day on (ReplicationSpec::threads): `requested` if
// given (above 0), otherwise the cores left to each of the `jobs` replications running at once, at
// least 1, so that `--jobs` alone never puts more threads than cores on the machine.
[[nodiscard]] inline std::size_t threads_per_replication(std::size_t requested, std::size_t jobs) {
  if (requested > 0) return requested;
  const std::size_t cores = usable_cores();
  return std::max<std::size_t>(1, cores / std::max<std::size_t>(1, jobs));
}

struct RunOptions {
  std::string scenario_path;
  std::vector<std::string> overrides;  // --set key.path=value, in order
  std::size_t replications = 5;        // with a precision target: the minimum
  std::size_t jobs = 1;
  std::size_t threads = 0;  // per replication; 0: threads_per_replication's default
  std::uint64_t base_seed = 1;
  std::string out_dir;  // empty: results/<scenario name>
  bool events = false;
  bool events_sessions = false;  // --events-sessions: events.csv also has a row per group session
  bool events_tasks = false;     // --events-tasks: events.csv also has a row per casework task done
  bool quiet = false;
  std::string command_line;  // for provenance
  // --max-memory's text, if given: checked before the run, and named if a replication runs out anyway.
  std::optional<std::string> max_memory;
  // --precision p: add replications until every chosen KPI's 95% CI half-width ≤ p × |mean|.
  std::optional<double> precision;
  std::vector<std::string> precision_kpis;  // empty: every KPI
  std::size_t max_replications = 100;
  // The console table only (the files always hold every unit and KPI): --by and --kpis.
  std::string by;                         // "", region, pdu, team or all
  std::vector<std::string> console_kpis;  // glob patterns; empty: every KPI
};

}  // namespace probsim
