#pragma once
// The caseload CSV's carried columns (docs/reference/snapshot-csv.md): rar_days and unpaid_work_hours.
// The model has no RAR or unpaid-work mechanism and no source gives one (the domain reference names
// them as requirements of a community or suspended sentence order, §1, and WMT-4 names an unpaid-work
// deduction without a figure), so nothing consumes them: they are checked, kept with the row and written
// back by `probsim snapshot`, so an analyst's file survives a round trip and a future mechanism finds them.

#include "config/csv_row_reader.hpp"
#include "scenario/snapshot.hpp"

namespace probsim {

// Reads both columns into `c` (kNotGiven when empty). `type`: the row's sentence type, if it was read.
// False if either has a problem (recorded).
[[nodiscard]] bool read_carried_columns(RowReader& row, std::optional<SentenceType> type, SnapshotCase& c);

}  // namespace probsim
