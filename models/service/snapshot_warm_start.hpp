#pragma once
// warm_start: snapshot — the offices start as the imported CSVs describe them: the staff in post, each
// case with its practitioner. Nothing is drawn that a row gives; see caseload/imported_case.hpp for the
// draws a row cannot hold. Part of building the model (service/probation_service.hpp).

#include <cstdint>
#include <span>
#include <vector>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// The staff in post on the snapshot day (day 0) in the PDU at `pdu_index`, in file order: the order the
// snapshot's cases refer to them by.
[[nodiscard]] std::vector<Practitioner> snapshot_staff(const Scenario& scenario, std::size_t pdu_index);

// Opens every snapshot case on day 0 in its office (offices[k] is the PDU at index k). Imported ids are
// numbered in file order within each PDU, so two scenarios from one snapshot give each person one id.
// Then hands each BBR record and each structured intervention to the team serving the PDU (`teams` in
// the order of scenario.interventions_teams; empty with interventions off), which rebuilds its lists and
// groups.
void place_snapshot_caseload(const Scenario& scenario, std::span<PduOffice* const> offices,
                             std::span<InterventionsTeam* const> teams, std::uint64_t replication_seed);

}  // namespace probsim
