#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace probsim {

struct RunOptions {
  std::string scenario_path;
  std::vector<std::string> overrides;  // --set key.path=value, in order
  std::size_t replications = 5;
  std::size_t jobs = 1;
  std::uint64_t base_seed = 1;
  std::string out_dir;  // empty: results/<scenario name>
  bool events = false;
  bool quiet = false;
  std::string command_line;  // for provenance
};

}  // namespace probsim
