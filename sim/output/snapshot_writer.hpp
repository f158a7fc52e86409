#pragma once
// Writes a simulated day as the two snapshot CSVs that `warm_start: snapshot` reads
// (docs/reference/snapshot-csv.md), so a user sees the format filled in and a run can be continued
// from any day of another.

#include <span>
#include <string>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// The state at the end of simulated day `day`, as a snapshot of the next day (`day` + 1): the cases
// still open then, each with its sentence's planned end (an early exit is not known in advance), and
// the staff in post. Staff ids are the names the run gave (e.g. "Northgate/po-003"), person ids the
// case ids. With interventions on, the caseload has the BBR columns, from `teams` (every team of the
// run): each man's live BBR record, and his group named `<team>/bbr-<n>`, n counting groups in the order
// the file first names them; with structured interventions, the si_ columns likewise (each person's live
// SI record, groups named `<team>/<programme>-<n>`). Each file appears whole or not at all.
void write_snapshot_csvs(const Scenario& scenario, std::span<const PduOffice* const> offices, Day day,
                         const std::string& caseload_csv, const std::string& staff_csv,
                         std::span<const InterventionsTeam* const> teams = {});

}  // namespace probsim
