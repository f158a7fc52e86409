#pragma once
// The caseload and staff CSVs of `warm_start: snapshot` (docs/reference/snapshot-csv.md): their columns,
// and the checks that turn them into a typed RegionSnapshot. Every problem in both files is reported in one
// pass, each as FILE:LINE:COLUMN: error: message; a snapshot with any problem is never returned, so a bad
// file never starts a run.

#include <optional>
#include <vector>

#include "config/csv_table.hpp"
#include "config/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] const std::vector<CsvColumn>& snapshot_caseload_columns();
[[nodiscard]] const std::vector<CsvColumn>& snapshot_staff_columns();

// Reads both files. The snapshot day is the scenario's day 0 (report start less the warm-up); rows may
// name only the scenario's PDUs. Problems go to `problems`; nullopt if there is any.
[[nodiscard]] std::optional<RegionSnapshot> read_snapshot_csvs(const SnapshotFiles& files,
                                                               const Scenario& scenario,
                                                               std::vector<CsvProblem>& problems);

// For the loader: when the scenario starts from a snapshot, checks what a snapshot rules out, reads the
// files and attaches them (a PDU with no establishment given takes its snapshot staff as establishment).
// Problems go to `diagnostics`, each located FILE:LINE:COLUMN.
// `where` locates the scenario's warm_start key, for problems of the scenario itself.
void attach_snapshot(Scenario& scenario, const SourceLocation& where, Diagnostics& diagnostics);

// A CSV path as a scenario file (at `where`) gives it: relative to that file's directory; relative to
// the working directory when given by --set.
[[nodiscard]] std::string resolve_snapshot_path(const SourceLocation& where, const std::string& path);

}  // namespace probsim
