#pragma once
// `probsim compare --by LEVEL`: the paired differences OTHER − BASE of every monthly series of the
// nation and of each unit of LEVEL (timeseries.csv), per month, with 95% CIs (comparison_monthly.csv
// by default, named after the comparison; docs/outputs-by-unit.md). Replication r of one run is paired with replication r of the other.

#include <filesystem>
#include <string>

namespace probsim {

inline constexpr const char* kMonthlyComparisonHeader =
    "level,unit,metric,date,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n";

// Throws std::runtime_error when either run's timeseries.csv cannot be read.
void write_monthly_comparison(const std::string& base_dir, const std::string& other_dir,
                              const std::string& by, const std::filesystem::path& out);

}  // namespace probsim
