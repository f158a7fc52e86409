#pragma once
// The domestic-abuse cases' start tasks at the end of one day (simulation.workload_snapshot_on), for
// CT-13 (AR-7: "SARA completion for current perpetrators", 49.6% raised to 67%) and TS-1 (AR-13: home
// visits "done in 40% of cases that needed one"). Read as docs/validation/10-workload.md §10.16 states;
// counted by sentence_management/da_case_task_counts.hpp.
//
// KPIs, per unit (national, region, PDU), over the DA cases under supervision that day whose supervision
// began in the run:
//   sara_snapshot_da_cases, sara_snapshot_completed_share, sara_snapshot_overdue_share (start SARA open
//   past its due day), sara_snapshot_review_overdue_share (a periodic review, and so its SARA review,
//   open past its due day), home_visit_snapshot_completed_share;
// over those begun 26 to 30 weeks before (TS-1's sample): home_visit_snapshot_sample_da_cases,
//   home_visit_snapshot_sample_completed_share, sara_snapshot_sample_completed_share (AR-6);
// and over every DA case, the warm start's taken as done unless one is open:
//   sara_snapshot_completed_share_with_warm_start.

#include <functional>
#include <string>

#include "output/office_counts_snapshot.hpp"
#include "sentence_management/da_case_task_counts.hpp"

namespace probsim {

using DaTaskSnapshot = OfficeCountsSnapshot<DaCaseTaskCounts>;

// Calls kpi(name, value) for each KPI above, from one unit's pooled counts.
void emit_da_task_kpis(const DaCaseTaskCounts& n, const std::function<void(const std::string&, double)>& kpi);

}  // namespace probsim
