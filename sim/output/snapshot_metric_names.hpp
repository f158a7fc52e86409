#pragma once
// The names of the one-day snapshot's metrics (simulation.workload_snapshot_on), part of
// metric_names.hpp (which includes this file; include that one): the practitioners' WMT % (CT-17), the DA
// cases' start tasks (CT-13, TS-1, AR-6), the main sample's DA interventions (MS-1, VIC-3) and the
// requirements started 7 to 9 months before (IS-2). Each is written by one snapshot holder of
// sim/output (workload_snapshot, da_task_snapshot, da_intervention_snapshot, started_intervention_snapshot).

namespace probsim::metric_name {

// CT-17: every practitioner's WMT % on the snapshot day (workload_snapshot.hpp)
inline constexpr char workload_snapshot_pct_mean[] = "workload_snapshot_pct_mean";
inline constexpr char workload_snapshot_pct_p90[] = "workload_snapshot_pct_p90";
inline constexpr char workload_snapshot_pct_max[] = "workload_snapshot_pct_max";
inline constexpr char workload_snapshot_over_110_share[] = "workload_snapshot_over_110_share";
inline constexpr char workload_snapshot_over_200_share[] = "workload_snapshot_over_200_share";
// CT-13: the DA cases' start SARAs on the snapshot day (da_task_snapshot.hpp)
inline constexpr char sara_snapshot_da_cases[] = "sara_snapshot_da_cases";
inline constexpr char sara_snapshot_completed_share[] = "sara_snapshot_completed_share";
inline constexpr char sara_snapshot_overdue_share[] = "sara_snapshot_overdue_share";
inline constexpr char sara_snapshot_review_overdue_share[] = "sara_snapshot_review_overdue_share";
inline constexpr char sara_snapshot_sample_completed_share[] = "sara_snapshot_sample_completed_share";
inline constexpr char sara_snapshot_completed_share_with_warm_start[] =
    "sara_snapshot_completed_share_with_warm_start";
// TS-1: the DA cases' home visits on the snapshot day (da_task_snapshot.hpp)
inline constexpr char home_visit_snapshot_completed_share[] = "home_visit_snapshot_completed_share";
inline constexpr char home_visit_snapshot_sample_da_cases[] = "home_visit_snapshot_sample_da_cases";
inline constexpr char home_visit_snapshot_sample_completed_share[] =
    "home_visit_snapshot_sample_completed_share";
// MS-1, VIC-3: the DA interventions of the main sample on the snapshot day (da_intervention_snapshot.hpp)
inline constexpr char intervention_sample_da_cases[] = "intervention_sample_da_cases";
inline constexpr char intervention_sample_referred_share[] = "intervention_sample_referred_share";
inline constexpr char intervention_sample_started_share[] = "intervention_sample_started_share";
inline constexpr char intervention_sample_waiting_share[] = "intervention_sample_waiting_share";
inline constexpr char intervention_sample_completed_share[] = "intervention_sample_completed_share";
inline constexpr char intervention_sample_bbr_required_share[] = "intervention_sample_bbr_required_share";
inline constexpr char intervention_sample_bbr_started_share[] = "intervention_sample_bbr_started_share";
inline constexpr char intervention_sample_bbr_removed_share[] = "intervention_sample_bbr_removed_share";
// IS-2: the requirements started 7 to 9 months before the snapshot day (started_intervention_snapshot.hpp)
inline constexpr char intervention_started_sample_starts[] = "intervention_started_sample_starts";
inline constexpr char intervention_started_sample_bbr_share[] = "intervention_started_sample_bbr_share";
inline constexpr char intervention_started_sample_second_start_share[] =
    "intervention_started_sample_second_start_share";
inline constexpr char intervention_started_sample_completed_share[] =
    "intervention_started_sample_completed_share";
inline constexpr char intervention_started_sample_in_programme_share[] =
    "intervention_started_sample_in_programme_share";
inline constexpr char intervention_started_sample_ended_share[] = "intervention_started_sample_ended_share";

}  // namespace probsim::metric_name
