#pragma once
// `probsim compare BASE OTHER`: per KPI, the paired difference OTHER − BASE over replications with the
// same index, with a 95% CI and whether it excludes zero. With the same base seed the pairs share
// their random numbers (docs/reference/commands.md), which is what makes the comparison tight.

#include <string>

namespace probsim {

struct CompareOptions {
  std::string base_dir;
  std::string other_dir;
  std::string out_file;  // empty: OTHER/comparison.csv
  bool quiet = false;
};

// Returns the exit status: 0 compared; 1 for a problem with either directory.
int run_compare(const CompareOptions& options);

}  // namespace probsim
