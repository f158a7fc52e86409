#pragma once
// The entries a run or a batch writes in its directory, and the check that keeps a command's --out off
// them: `compare --out RUN/kpis.csv` or `report --out RUN/summary.csv` used to replace the run's own
// results with a comparison or a page, and the run was lost.

#include <filesystem>
#include <set>
#include <string>

namespace probsim {

// A run directory's own entries (docs/reference/outputs.md): its results, its replications/ folder and
// its scenario.resolved.yaml. Anything else in it (a snapshot, a comparison, a report) is the user's.
[[nodiscard]] const std::set<std::string>& run_directory_entries();

// A batch directory's own entries: sweep.resolved.yaml, points.csv, sweep_summary.csv and points/.
[[nodiscard]] const std::set<std::string>& batch_directory_entries();

// Whether the path `file` is `dir` or lies below it, step by step (give both canonical).
[[nodiscard]] bool lies_within(const std::filesystem::path& file, const std::filesystem::path& dir);

// Why `out` may not be written by a command that reads `input` (a run, a batch, one of its points, or a
// file in one of them): it is that file, or is or lies under one of the directory's own entries (a point's
// batch's included). "" when it may.
[[nodiscard]] std::string why_output_would_replace_input(const std::filesystem::path& out,
                                                         const std::filesystem::path& input);

// The same for any run or batch directory `out` lies in, not only a command's inputs: `compare --out
// OTHER_RUN/kpis.csv` replaced a third run's results. "" when it may.
[[nodiscard]] std::string why_output_would_replace_results(const std::filesystem::path& out);

// Why a run may not be written to `out_dir`: it is a point of a batch (BATCH/points/ID), whose
// replications the batch writes and aggregate merges; a run's there passed as the point's. "" when it may.
[[nodiscard]] std::string why_run_would_replace_batch_point(const std::filesystem::path& out_dir);

// Whether a point directory's scenario.resolved.yaml is the batch's own for point `id` (its "# point: ID:"
// line): one written by `probsim run --out` into the point is not.
[[nodiscard]] bool is_batch_point_record(const std::filesystem::path& resolved_yaml, const std::string& id);

}  // namespace probsim
