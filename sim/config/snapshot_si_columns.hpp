#pragma once
// The caseload CSV's structured-intervention columns (docs/reference/snapshot-csv.md): si_programme,
// si_status, si_requirement_date, si_sessions_attended and si_group. Problems are recorded as
// FILE:LINE:COLUMN like every other; the groups are checked as BBR's are (check_snapshot_groups).

#include <optional>

#include "config/csv_row_reader.hpp"
#include "config/snapshot_bbr_columns.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// One row's SI record: nullopt if the columns have a problem (recorded), an empty optional if the row
// gives none. `person` is the row as read so far (`person_ok`: its own columns had no problem);
// `has_bbr`: the row gives a BBR record too, which the model cannot hold beside an SI.
[[nodiscard]] std::optional<std::optional<SnapshotSi>> read_si_columns(RowReader& row, const Scenario& s,
                                                                       const SnapshotCase& person,
                                                                       bool person_ok, bool has_bbr,
                                                                       SnapshotBbrGroups& groups);

// The checks between the members of each SI group, after every row is read.
void check_si_groups(const SnapshotBbrGroups& groups, const Scenario& s, const std::string& file,
                     std::vector<CsvProblem>& problems);

}  // namespace probsim
