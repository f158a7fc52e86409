#pragma once
// The caseload CSV's assessment columns (docs/reference/snapshot-csv.md): `next_review_due`, the due
// date of the case's next periodic review, which the model then keeps to (PduCasework's periodic
// reviews), and `sara_level`, the SARA assessment of a domestic-abuse case, checked against BBR's
// eligibility (BBR-2) and carried back by `probsim snapshot`: the model draws a SARA level only to route
// a new requirement, and an imported case's requirement, if any, is given by its bbr_ or si_ columns.

#include "config/csv_row_reader.hpp"
#include "scenario/snapshot.hpp"

namespace probsim {

// Reads both into `c`. `start`: the row's sentence start, if it was read; `person_read`: c's
// sex and domestic_abuse_flag are the row's; c.bbr is read already. False if either column has a problem
// (recorded).
[[nodiscard]] bool read_assessment_columns(RowReader& row, std::optional<Day> start, bool person_read,
                                           SnapshotCase& c);

}  // namespace probsim
