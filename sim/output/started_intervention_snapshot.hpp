#pragma once
// The DA thematic's intervention sample at the end of one day (simulation.workload_snapshot_on): BBR and
// structured-intervention requirements whose start was recorded 7 to 9 months before, and where each
// stands. For IS-2 ("12 of 83 recorded a second start"). Read as docs/validation/09-bbr-delivery.md §9.18
// states; counted by interventions/started_intervention_sample.hpp.
//
// KPIs, per unit (national, region, PDU: the office that made the requirement):
// intervention_started_sample_starts; of them the shares intervention_started_sample_bbr_share,
// _second_start_share (rejoined a group after a removal), _completed_share (completion recorded),
// _in_programme_share and _ended_share (the last three add up to 1). Written only when the scenario has
// interventions and a snapshot day.

#include <functional>
#include <string>

#include "interventions/started_intervention_sample.hpp"
#include "output/office_counts_snapshot.hpp"

namespace probsim {

using StartedInterventionSnapshot = OfficeCountsSnapshot<StartedInterventionSampleCounts>;

// Calls kpi(name, value) for each KPI above, from one unit's pooled counts.
void emit_started_intervention_kpis(const StartedInterventionSampleCounts& n,
                                    const std::function<void(const std::string&, double)>& kpi);

}  // namespace probsim
