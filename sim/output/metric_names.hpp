#pragma once
// The names of the metrics the run recorder writes (kpis.csv and timeseries.csv), spelled once: the
// metric catalogue's entries (metric_catalogue_kpis.cpp, metric_catalogue_series.cpp) and the recorder
// (run_recorder_*.cpp) both use these constants, so renaming a metric here renames it in both, and a
// name the catalogue does not hold cannot be written by accident. Names built from a family (a grade,
// a termination reason, a RAG status appended) are the catalogue's `<placeholder>` patterns and are not
// listed here.

namespace probsim::metric_name {

inline constexpr char referrals[] = "referrals";
inline constexpr char caseload_start[] = "caseload_start";
inline constexpr char caseload_mean[] = "caseload_mean";
inline constexpr char caseload_end[] = "caseload_end";
inline constexpr char terminations_sentence_end[] = "terminations_sentence_end";
inline constexpr char terminations_early[] = "terminations_early";
inline constexpr char unallocated_end[] = "unallocated_end";
inline constexpr char allocations_outside_grade_rule[] = "allocations_outside_grade_rule";
inline constexpr char staff_in_post_fte[] = "staff_in_post_fte";
inline constexpr char po_in_post_fte[] = "po_in_post_fte";
inline constexpr char pso_in_post_fte[] = "pso_in_post_fte";
inline constexpr char trainee_in_post_fte[] = "trainee_in_post_fte";
inline constexpr char vacancy_pct[] = "vacancy_pct";
inline constexpr char leavers[] = "leavers";
inline constexpr char joiners[] = "joiners";
inline constexpr char trainees_qualified[] = "trainees_qualified";
inline constexpr char sickness_days_per_fte_year[] = "sickness_days_per_fte_year";
inline constexpr char workload_pct_mean[] = "workload_pct_mean";
inline constexpr char practitioners_over_110pct_share[] = "practitioners_over_110pct_share";
inline constexpr char reallocations[] = "reallocations";
inline constexpr char practitioner_changes_per_case_mean[] = "practitioner_changes_per_case_mean";
inline constexpr char reviews_due[] = "reviews_due";
inline constexpr char reviews_on_time_share[] = "reviews_on_time_share";
inline constexpr char review_days_late_mean[] = "review_days_late_mean";
inline constexpr char review_days_late_p90[] = "review_days_late_p90";
inline constexpr char assessments_due[] = "assessments_due";
inline constexpr char assessments_on_time_share[] = "assessments_on_time_share";
inline constexpr char home_visits_due[] = "home_visits_due";
inline constexpr char home_visits_on_time_share[] = "home_visits_on_time_share";
inline constexpr char contacts_required[] = "contacts_required";
inline constexpr char contacts_delivered_share[] = "contacts_delivered_share";
inline constexpr char contacts_missed[] = "contacts_missed";
inline constexpr char contacts_face_to_face_share[] = "contacts_face_to_face_share";
inline constexpr char court_reports_due[] = "court_reports_due";
inline constexpr char court_reports_on_time_share[] = "court_reports_on_time_share";
inline constexpr char tasks_cancelled[] = "tasks_cancelled";
inline constexpr char hours_demanded[] = "hours_demanded";
inline constexpr char hours_worked[] = "hours_worked";
inline constexpr char task_hours_available[] = "task_hours_available";
inline constexpr char task_hours_used_share[] = "task_hours_used_share";
inline constexpr char backlog_hours_per_practitioner_mean[] = "backlog_hours_per_practitioner_mean";
inline constexpr char backlog_hours_per_practitioner_p90[] = "backlog_hours_per_practitioner_p90";
inline constexpr char backlog_hours_end[] = "backlog_hours_end";
inline constexpr char pdu_days_red[] = "pdu_days_red";
inline constexpr char pdu_days_amber[] = "pdu_days_amber";
inline constexpr char pdu_days_green[] = "pdu_days_green";
inline constexpr char rag_changes[] = "rag_changes";
inline constexpr char facilitator_hours_redeployed[] = "facilitator_hours_redeployed";
inline constexpr char caseload[] = "caseload";
inline constexpr char unallocated[] = "unallocated";
inline constexpr char unassigned_backlog_hours[] = "unassigned_backlog_hours";
inline constexpr char rag_status[] = "rag_status";
inline constexpr char bbr_sessions_cancelled_rag[] = "bbr_sessions_cancelled_rag";

}  // namespace probsim::metric_name
