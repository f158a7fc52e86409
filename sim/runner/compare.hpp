#pragma once
// `probsim compare BASE OTHER`: per KPI, the paired difference OTHER − BASE over replications with the
// same index, with a 95% CI and whether it excludes zero. With the same base seed the pairs share
// their random numbers (docs/reference/commands.md), which is what makes the comparison tight.

#include <string>
#include <vector>

namespace probsim {

struct CompareOptions {
  std::string base_dir;
  std::string other_dir;
  std::string out_file;  // empty: OTHER/comparison.csv
  bool quiet = false;
  // --by region|pdu|team|all: also pair the KPIs of each unit of that level (the nation always), and
  // write each unit's monthly series' paired differences beside the comparison, named after it
  // (comparison_monthly.csv beside comparison.csv).
  std::string by;
  std::vector<std::string> console_kpis;  // --kpis: glob patterns of the KPIs printed; empty: all
};

// Returns the exit status: 0 compared; 1 for a problem with either directory.
int run_compare(const CompareOptions& options);

}  // namespace probsim
