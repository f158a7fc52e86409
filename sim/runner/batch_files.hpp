#pragma once
// The layout of a batch directory (docs/guides/sweeps-and-batches.md), shared by `batch`, `aggregate` and
// `compare`:
//
//   DIR/sweep.resolved.yaml          the sweep, every default filled in: identifies the batch's inputs
//   DIR/points.csv                   point, scenario, base_seed, then one column per varied key
//   DIR/points/<id>/                 one run directory per point: scenario.resolved.yaml,
//                                    replications/, and once aggregated kpis.csv, timeseries.csv,
//                                    summary.csv (events.csv, precision.csv)
//   DIR/sweep_summary.csv            every point's summary in one long table

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace probsim {

inline constexpr const char* kSweepResolvedFile = "sweep.resolved.yaml";
inline constexpr const char* kPointIndexFile = "points.csv";
inline constexpr const char* kSweepSummaryFile = "sweep_summary.csv";
inline constexpr const char* kPrecisionFile = "precision.csv";

[[nodiscard]] inline std::filesystem::path point_directory(const std::filesystem::path& batch_dir,
                                                           const std::string& point_id) {
  return batch_dir / "points" / point_id;
}

[[nodiscard]] bool is_batch_directory(const std::filesystem::path& dir);
// The path made canonical where it can be (so two spellings of one directory compare equal), itself where
// it cannot be (a directory not yet made).
[[nodiscard]] std::filesystem::path canonical_or_self(const std::filesystem::path& path);

// A YAML file's text without its comment lines: what must agree between two copies of a file whose
// header comments record who wrote it and how.
[[nodiscard]] std::string yaml_body(const std::string& text);

// "line 12: 'a: 1' here, 'a: 2' there" for the first line where two texts differ.
[[nodiscard]] std::string first_difference(const std::string& mine, const std::string& theirs);
// The same for two YAML files, comment lines aside (yaml_body), with the line numbered as it stands in the
// whole of `theirs`, the file already there (the body's own count sent the user to line 11 of a file whose
// difference was on line 16, below its header comments).
[[nodiscard]] std::string first_yaml_difference(const std::string& mine, const std::string& theirs);

[[nodiscard]] std::optional<std::string> read_text_file(const std::filesystem::path& path);

// One row of points.csv.
struct PointIndexRow {
  std::string id;
  std::string scenario;
  std::string base_seed;
  std::vector<std::string> values;  // one per varied key, in column order
};
struct PointIndex {
  std::vector<std::string> keys;  // the varied keys: the columns after point, scenario, base_seed
  std::vector<PointIndexRow> points;
};
[[nodiscard]] std::string point_index_csv(const PointIndex& index);
// Throws std::runtime_error if the file is missing or malformed.
[[nodiscard]] PointIndex read_point_index(const std::filesystem::path& path);

// The base seed recorded in a run directory's scenario.resolved.yaml ("# base_seed: S"), if any.
[[nodiscard]] std::optional<std::string> recorded_base_seed(const std::filesystem::path& run_dir);

// The report window a run recorded ("2023-01-01 to 2023-06-30"), from its scenario.resolved.yaml's
// `simulation:` block; "" when it cannot be read. `compare` and `report --baseline` warn when two differ.
[[nodiscard]] std::string recorded_report_window(const std::filesystem::path& run_dir);

// The PDUs a run reports (the units of its summary.csv's pdu rows); empty when it cannot be read.
// `compare` and `report --baseline` warn when two runs share none: they are runs of different places.
[[nodiscard]] std::set<std::string> recorded_pdus(const std::filesystem::path& run_dir);

// The number of replications a precision rule settled on, from a run directory's precision.csv.
[[nodiscard]] std::optional<std::uint64_t> recorded_precision_replications(
    const std::filesystem::path& run_dir);

}  // namespace probsim
