#pragma once
// The files of a run directory (docs/reference/outputs.md): per-replication files under replications/, merged
// into timeseries.csv, kpis.csv (and events.csv), summarised into summary.csv.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "output/replication_result.hpp"
#include "output/summary_statistics.hpp"
#include "runner/run_options.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

inline constexpr const char* kTimeseriesHeader = "replication,date,level,unit,metric,value\n";
// kpis.csv and summary.csv hold a row per unit (level, unit): the nation first, then regions, PDUs and
// interventions teams (docs/outputs-by-unit.md).
inline constexpr const char* kKpisHeader = "replication,level,unit,kpi,value\n";
inline constexpr const char* kSummaryHeader = "level,unit,kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\n";

[[nodiscard]] std::string replication_file(const std::filesystem::path& run_dir, std::uint64_t replication,
                                           const std::string& suffix);
void write_replication_files(const std::filesystem::path& run_dir, std::uint64_t replication,
                             const ReplicationResult& result);

// Concatenates replications 1..n (in that order, so the result never depends on which finished first).
void merge_replications(const std::filesystem::path& run_dir, std::uint64_t replications, bool events);

struct KpiSummary {
  std::string level, unit;
  std::string kpi;
  SummaryStatistics statistics;
  [[nodiscard]] bool national() const { return level == "national"; }
};
[[nodiscard]] std::vector<KpiSummary> summarise_kpis(const std::filesystem::path& kpis_csv);
void write_summary(const std::filesystem::path& path, const std::vector<KpiSummary>& summary);

// A name made safe for a directory: ASCII letters, digits, '-' and '_' kept, any other byte '_'; past 100
// bytes cut to 91 and followed by '-' and 8 hex digits of a hash of the whole name.
[[nodiscard]] std::string safe_directory_name(const std::string& name);

// An existing directory may be replaced only if it is empty or holds an earlier run.
[[nodiscard]] bool is_replaceable_run_directory(const std::filesystem::path& dir);
// The scenario `name` an earlier run in `dir` recorded (its scenario.resolved.yaml), if it can be read.
[[nodiscard]] std::optional<std::string> scenario_name_of_run(const std::filesystem::path& dir);

// What an earlier run directory holds besides a run's own files (a snapshot written into it by default,
// a comparison, a report, a user's notes), sorted: replacing the directory removes them too.
[[nodiscard]] std::vector<std::string> entries_a_run_does_not_write(const std::filesystem::path& dir);
// Moves `staging` to `target` (replacing an earlier run there) with renames only.
[[nodiscard]] bool publish_run_directory(const std::filesystem::path& staging,
                                         const std::filesystem::path& target);

void print_summary_table(std::ostream& out, const Scenario& scenario, const RunOptions& options,
                         const std::vector<KpiSummary>& summary, const std::filesystem::path& out_dir);

}  // namespace probsim
