#pragma once
// The staff CSV's columns for the time a person cannot give casework (docs/reference/snapshot-csv.md): a
// workload reduction (WMT-5) with its reason and end date, and long-term sickness with its return date.

#include "config/csv_row_reader.hpp"
#include "scenario/scenario.hpp"
#include "scenario/snapshot.hpp"

namespace probsim {

// Reads reduction_pct, reduction_reason, reduction_end_date, long_term_sick and sickness_end_date into
// `m`. `in_pipeline`: the row is a trainee's or NQO's, whose reduction the pipeline sets; `ok`: whether
// the row's other columns were read without a problem. False if any of these has one (recorded).
[[nodiscard]] bool read_staff_time_columns(RowReader& row, const Scenario& s, bool in_pipeline, bool ok,
                                           SnapshotStaffMember& m);

}  // namespace probsim
