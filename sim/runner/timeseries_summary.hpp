#pragma once
// timeseries_summary.csv (docs/outputs-by-unit.md): for every unit, metric and month of timeseries.csv,
// the mean over replications with its 95% Student-t CI, and the 5th, 50th and 95th percentiles, so a
// director sees a band over time without scripting.

#include <filesystem>

namespace probsim {

inline constexpr const char* kTimeseriesSummaryFile = "timeseries_summary.csv";
inline constexpr const char* kTimeseriesSummaryHeader =
    "level,unit,metric,date,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\n";

// Reads `timeseries_csv` and writes `out`, rows in the order each (unit, metric, date) first appears
// (the recorder's order: by date, then unit, then metric). Throws std::runtime_error on a bad row.
void write_timeseries_summary(const std::filesystem::path& timeseries_csv, const std::filesystem::path& out);

}  // namespace probsim
