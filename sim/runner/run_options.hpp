#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace probsim {

struct RunOptions {
  std::string scenario_path;
  std::vector<std::string> overrides;  // --set key.path=value, in order
  std::size_t replications = 5;        // with a precision target: the minimum
  std::size_t jobs = 1;
  std::uint64_t base_seed = 1;
  std::string out_dir;  // empty: results/<scenario name>
  bool events = false;
  bool quiet = false;
  std::string command_line;  // for provenance
  // --precision p: add replications until every chosen KPI's 95% CI half-width ≤ p × |mean|.
  std::optional<double> precision;
  std::vector<std::string> precision_kpis;  // empty: every KPI
  std::size_t max_replications = 100;
};

}  // namespace probsim
