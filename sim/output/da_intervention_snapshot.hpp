#pragma once
// The DA interventions of the DA thematic's main sample at the end of one day
// (simulation.workload_snapshot_on), for MS-1 ("intervention delivered: 17 (28%)" of 60 orders and
// licences begun 6-7 months before) and VIC-3 ("17 originally had a BBR requirement or condition; 2 were
// removed"). Read as docs/validation/09-bbr-delivery.md §9.17 states; counted by
// interventions/da_intervention_sample.hpp.
//
// KPIs, per unit (national, region, PDU), over the DA cases under supervision that day whose supervision
// began 26 to 30 weeks before, in the run: intervention_sample_da_cases; of them the shares
// intervention_sample_referred_share, _started_share, _waiting_share (referred, none begun),
// _completed_share and _bbr_required_share; and of those with BBR, intervention_sample_bbr_started_share
// and _bbr_removed_share.
// Written only when the scenario has interventions and a snapshot day.

#include <functional>
#include <string>

#include "interventions/da_intervention_sample.hpp"
#include "output/office_counts_snapshot.hpp"

namespace probsim {

using DaInterventionSnapshot = OfficeCountsSnapshot<DaInterventionSampleCounts>;

// Calls kpi(name, value) for each KPI above, from one unit's pooled counts.
void emit_da_intervention_kpis(const DaInterventionSampleCounts& n,
                               const std::function<void(const std::string&, double)>& kpi);

}  // namespace probsim
