#pragma once
// The names of the metrics probsim writes (kpis.csv and timeseries.csv), spelled once: the metric
// catalogue's entries (metric_catalogue_*.cpp) and the recorders (run_recorder_*.cpp,
// intervention_recorder*.cpp, enforcement_recorder.cpp, si_cohort_kpis.cpp, workload_*.cpp) both use
// these, so renaming a metric here renames it in both, and a name the catalogue does not hold cannot
// be written by accident. A family whose members the model fixes (the early termination reasons, the
// court outcomes, the RAG statuses, the workload percentiles) is an array of exact names in the
// model's order; a family whose members a scenario or a long list names (grades, termination reasons,
// programmes) is a MetricFamily: the catalogue holds its `<placeholder>` pattern, and the recorder
// calls it with the member's name. The one-day snapshot's names are in snapshot_metric_names.hpp,
// included here.

#include <array>
#include <string>
#include <string_view>

#include "output/snapshot_metric_names.hpp"

namespace probsim::metric_name {

// The run recorder's caseload, staffing, workload, timeliness, hours and RAG metrics

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
// The two kinds of review apart (AUD-2, AUD-3; validation/11-national-standards.md §11.13), of every case and
// of DA cases.
inline constexpr char periodic_reviews_due[] = "periodic_reviews_due";
inline constexpr char periodic_reviews_on_time_share[] = "periodic_reviews_on_time_share";
inline constexpr char event_reviews_due[] = "event_reviews_due";
inline constexpr char event_reviews_on_time_share[] = "event_reviews_on_time_share";
inline constexpr char periodic_reviews_domestic_abuse_due[] = "periodic_reviews_domestic_abuse_due";
inline constexpr char periodic_reviews_domestic_abuse_on_time_share[] =
    "periodic_reviews_domestic_abuse_on_time_share";
inline constexpr char event_reviews_domestic_abuse_due[] = "event_reviews_domestic_abuse_due";
inline constexpr char event_reviews_domestic_abuse_on_time_share[] =
    "event_reviews_domestic_abuse_on_time_share";
inline constexpr char review_days_late_mean[] = "review_days_late_mean";
inline constexpr char review_days_late_p90[] = "review_days_late_p90";
inline constexpr char assessments_due[] = "assessments_due";
inline constexpr char assessments_on_time_share[] = "assessments_on_time_share";
inline constexpr char home_visits_due[] = "home_visits_due";
inline constexpr char home_visits_on_time_share[] = "home_visits_on_time_share";
inline constexpr char home_visits_high_rosh_due[] = "home_visits_high_rosh_due";
inline constexpr char home_visits_high_rosh_on_time_share[] = "home_visits_high_rosh_on_time_share";
// The DV audits' population: the tasks of domestic-abuse cases alone (validation/11-national-standards.md
// §11.12).
inline constexpr char reviews_domestic_abuse_due[] = "reviews_domestic_abuse_due";
inline constexpr char reviews_domestic_abuse_on_time_share[] = "reviews_domestic_abuse_on_time_share";
inline constexpr char assessments_domestic_abuse_due[] = "assessments_domestic_abuse_due";
inline constexpr char assessments_domestic_abuse_on_time_share[] = "assessments_domestic_abuse_on_time_share";
inline constexpr char contacts_domestic_abuse_required[] = "contacts_domestic_abuse_required";
inline constexpr char contacts_domestic_abuse_delivered_share[] = "contacts_domestic_abuse_delivered_share";
inline constexpr char risk_management_plans_domestic_abuse_due[] = "risk_management_plans_domestic_abuse_due";
inline constexpr char risk_management_plans_domestic_abuse_on_time_share[] =
    "risk_management_plans_domestic_abuse_on_time_share";
inline constexpr char contacts_required[] = "contacts_required";
inline constexpr char contacts_delivered_share[] = "contacts_delivered_share";
inline constexpr char contacts_missed[] = "contacts_missed";
inline constexpr char contacts_face_to_face_share[] = "contacts_face_to_face_share";
inline constexpr char court_reports_due[] = "court_reports_due";
inline constexpr char court_reports_on_time_share[] = "court_reports_on_time_share";
inline constexpr char risk_management_plans_due[] = "risk_management_plans_due";
inline constexpr char risk_management_plans_on_time_share[] = "risk_management_plans_on_time_share";
inline constexpr char tasks_cancelled[] = "tasks_cancelled";
inline constexpr char saras_set_aside[] = "saras_set_aside";
inline constexpr char home_visits_set_aside[] = "home_visits_set_aside";
inline constexpr char hours_demanded[] = "hours_demanded";
inline constexpr char hours_worked[] = "hours_worked";
inline constexpr char hours_beyond_contract[] = "hours_beyond_contract";
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

// Terminations
inline constexpr char terminations_revocation[] = "terminations_revocation";
inline constexpr char terminations_breach[] = "terminations_breach";
inline constexpr char terminations_recall[] = "terminations_recall";
inline constexpr char terminations_activation[] = "terminations_activation";

// Workload
inline constexpr char workload_pct_p10[] = "workload_pct_p10";
inline constexpr char workload_pct_p25[] = "workload_pct_p25";
inline constexpr char workload_pct_p50[] = "workload_pct_p50";
inline constexpr char workload_pct_p75[] = "workload_pct_p75";
inline constexpr char workload_pct_p90[] = "workload_pct_p90";
inline constexpr char workload_pct_over_110_share[] = "workload_pct_over_110_share";
// Enforcement
inline constexpr char appointments[] = "appointments";
inline constexpr char appointments_kept_share[] = "appointments_kept_share";
inline constexpr char absences_acceptable[] = "absences_acceptable";
inline constexpr char absences_unacceptable[] = "absences_unacceptable";
inline constexpr char absences_unacceptable_accepted[] = "absences_unacceptable_accepted";
inline constexpr char warnings[] = "warnings";
inline constexpr char breaches_initiated[] = "breaches_initiated";
inline constexpr char breaches_due[] = "breaches_due";
inline constexpr char breach_on_time_share[] = "breach_on_time_share";
inline constexpr char breaches_domestic_abuse_due[] = "breaches_domestic_abuse_due";
inline constexpr char breach_domestic_abuse_on_time_share[] = "breach_domestic_abuse_on_time_share";
inline constexpr char court_order_continued[] = "court_order_continued";
inline constexpr char court_order_revoked[] = "court_order_revoked";
inline constexpr char court_sso_activated[] = "court_sso_activated";
inline constexpr char court_licence_recalled[] = "court_licence_recalled";
inline constexpr char first_weeks_orders_checked[] = "first_weeks_orders_checked";
inline constexpr char first_weeks_appointments_met_share[] = "first_weeks_appointments_met_share";

// BBR flows
inline constexpr char bbr_requirements[] = "bbr_requirements";
inline constexpr char bbr_starts[] = "bbr_starts";
inline constexpr char bbr_completions[] = "bbr_completions";

// BBR groups, facilitators and the rest
inline constexpr char bbr_pre_group_starts[] = "bbr_pre_group_starts";

// The BBR list
inline constexpr char bbr_waiting_list_end[] = "bbr_waiting_list_end";

// BBR waits
inline constexpr char bbr_wait_weeks_mean[] = "bbr_wait_weeks_mean";
inline constexpr char bbr_wait_weeks_p50[] = "bbr_wait_weeks_p50";
inline constexpr char bbr_wait_weeks_p90[] = "bbr_wait_weeks_p90";

// The BBR list
inline constexpr char bbr_waiting_over_52_weeks_end[] = "bbr_waiting_over_52_weeks_end";
inline constexpr char bbr_waiting_past_renege_end[] = "bbr_waiting_past_renege_end";

// Leaving BBR without completing
inline constexpr char bbr_exits_before_start[] = "bbr_exits_before_start";
inline constexpr char bbr_ended_after_start[] = "bbr_ended_after_start";
inline constexpr char bbr_removed_non_attendance[] = "bbr_removed_non_attendance";

// BBR groups, facilitators and the rest
inline constexpr char bbr_breaches_after_removal[] = "bbr_breaches_after_removal";
inline constexpr char bbr_orders_ended_on_breach[] = "bbr_orders_ended_on_breach";
inline constexpr char bbr_requirements_ended_on_breach[] = "bbr_requirements_ended_on_breach";
inline constexpr char bbr_completed_share_of_ended[] = "bbr_completed_share_of_ended";
inline constexpr char bbr_orders_ended_successfully[] = "bbr_orders_ended_successfully";
inline constexpr char bbr_orders_ended_successfully_started[] = "bbr_orders_ended_successfully_started";
inline constexpr char bbr_orders_ended_successfully_started_share[] =
    "bbr_orders_ended_successfully_started_share";
inline constexpr char bbr_groups_run[] = "bbr_groups_run";
inline constexpr char bbr_group_fill_mean[] = "bbr_group_fill_mean";
inline constexpr char bbr_sessions_attended[] = "bbr_sessions_attended";
inline constexpr char bbr_sessions_missed[] = "bbr_sessions_missed";
inline constexpr char group_sessions_cancelled_absence[] = "group_sessions_cancelled_absence";
inline constexpr char group_sessions_cancelled_holiday[] = "group_sessions_cancelled_holiday";
inline constexpr char facilitator_utilisation[] = "facilitator_utilisation";

// Structured interventions and the toolkit
inline constexpr char si_requirements[] = "si_requirements";
inline constexpr char si_starts[] = "si_starts";
inline constexpr char si_completions[] = "si_completions";
inline constexpr char si_sessions_attended[] = "si_sessions_attended";
inline constexpr char si_sessions_missed[] = "si_sessions_missed";
inline constexpr char srt_sessions[] = "srt_sessions";

// BBR groups, facilitators and the rest
inline constexpr char diverted_from_bbr[] = "diverted_from_bbr";

// Partner support (DASOs)
inline constexpr char daso_referrals[] = "daso_referrals";
inline constexpr char daso_first_contacts[] = "daso_first_contacts";
inline constexpr char daso_declined[] = "daso_declined";
inline constexpr char daso_contact_delay_days_mean[] = "daso_contact_delay_days_mean";

// The cohort reports
inline constexpr char bbr_cohort_requirements[] = "bbr_cohort_requirements";
inline constexpr char bbr_cohort_commenced[] = "bbr_cohort_commenced";
inline constexpr char bbr_cohort_commenced_share[] = "bbr_cohort_commenced_share";
inline constexpr char bbr_cohort_waiting[] = "bbr_cohort_waiting";
inline constexpr char bbr_cohort_waiting_share[] = "bbr_cohort_waiting_share";
inline constexpr char bbr_cohort_ended_before_start[] = "bbr_cohort_ended_before_start";
inline constexpr char bbr_cohort_ended_before_start_share[] = "bbr_cohort_ended_before_start_share";
inline constexpr char bbr_cohort_waiting_over_52_weeks[] = "bbr_cohort_waiting_over_52_weeks";
inline constexpr char bbr_cohort_waiting_over_52_weeks_share[] = "bbr_cohort_waiting_over_52_weeks_share";
inline constexpr char bbr_cohort_starters_exited[] = "bbr_cohort_starters_exited";
inline constexpr char bbr_cohort_starters_exited_share[] = "bbr_cohort_starters_exited_share";
inline constexpr char bbr_cohort_starters_order_ended[] = "bbr_cohort_starters_order_ended";
inline constexpr char bbr_cohort_starters_order_ended_share[] = "bbr_cohort_starters_order_ended_share";
inline constexpr char bbr_cohort_starters_completed[] = "bbr_cohort_starters_completed";
inline constexpr char bbr_cohort_starters_completed_share[] = "bbr_cohort_starters_completed_share";
inline constexpr char bbr_cohort_exited_completed_share[] = "bbr_cohort_exited_completed_share";
inline constexpr char bbr_cohort_order_ended_completed[] = "bbr_cohort_order_ended_completed";
inline constexpr char bbr_cohort_order_ended_completed_share[] = "bbr_cohort_order_ended_completed_share";
inline constexpr char bbr_cohort_starters_revoked[] = "bbr_cohort_starters_revoked";
inline constexpr char bbr_cohort_exited_revoked_share[] = "bbr_cohort_exited_revoked_share";
inline constexpr char bbr_cohort_order_ended_revoked[] = "bbr_cohort_order_ended_revoked";
inline constexpr char bbr_cohort_order_ended_revoked_share[] = "bbr_cohort_order_ended_revoked_share";
inline constexpr char bbr_cohort_starters_activated[] = "bbr_cohort_starters_activated";
inline constexpr char bbr_cohort_exited_activated_share[] = "bbr_cohort_exited_activated_share";
inline constexpr char bbr_cohort_order_ended_activated[] = "bbr_cohort_order_ended_activated";
inline constexpr char bbr_cohort_order_ended_activated_share[] = "bbr_cohort_order_ended_activated_share";
inline constexpr char bbr_cohort_starters_other[] = "bbr_cohort_starters_other";
inline constexpr char bbr_cohort_exited_other_share[] = "bbr_cohort_exited_other_share";
inline constexpr char bbr_cohort_order_ended_other[] = "bbr_cohort_order_ended_other";
inline constexpr char bbr_cohort_order_ended_other_share[] = "bbr_cohort_order_ended_other_share";
inline constexpr char si_cohort_requirements[] = "si_cohort_requirements";
inline constexpr char si_cohort_completed[] = "si_cohort_completed";
inline constexpr char si_cohort_completed_share[] = "si_cohort_completed_share";
inline constexpr char si_period_completions[] = "si_period_completions";

// The RAG framework
inline constexpr char pdus_green[] = "pdus_green";
inline constexpr char pdus_amber[] = "pdus_amber";
inline constexpr char pdus_red[] = "pdus_red";
inline constexpr char rag_days_green[] = "rag_days_green";
inline constexpr char rag_days_amber[] = "rag_days_amber";
inline constexpr char rag_days_red[] = "rag_days_red";

// The BBR list
inline constexpr char bbr_waiting_list[] = "bbr_waiting_list";
inline constexpr char bbr_waiting_over_52_weeks[] = "bbr_waiting_over_52_weeks";
inline constexpr char bbr_waiting_past_renege[] = "bbr_waiting_past_renege";

// BBR groups, facilitators and the rest
inline constexpr char bbr_attending[] = "bbr_attending";

// The BBR list
inline constexpr char bbr_awaiting_group[] = "bbr_awaiting_group";

// BBR waits
inline constexpr char bbr_list_age_p50_weeks[] = "bbr_list_age_p50_weeks";
inline constexpr char bbr_list_age_p90_weeks[] = "bbr_list_age_p90_weeks";
inline constexpr char bbr_start_wait_p50_weeks[] = "bbr_start_wait_p50_weeks";
inline constexpr char bbr_start_wait_p90_weeks[] = "bbr_start_wait_p90_weeks";

// BBR groups, facilitators and the rest
inline constexpr char bbr_diverted[] = "bbr_diverted";

// Structured interventions and the toolkit
inline constexpr char si_waiting_list[] = "si_waiting_list";

// A family of names: `pattern` has one `<placeholder>` (the catalogue's entry), and
// `family(member)` is the name written for one member, the placeholder replaced by it.
struct MetricFamily {
  std::string_view pattern;

  [[nodiscard]] std::string operator()(std::string_view member) const {
    const std::size_t open = pattern.find('<');
    const std::size_t close = pattern.find('>', open);
    return std::string(pattern.substr(0, open)) + std::string(member) +
           std::string(pattern.substr(close + 1));
  }
};

inline constexpr MetricFamily in_post_fte_by_grade{"in_post_fte_<grade>"};
inline constexpr MetricFamily establishment_fte_by_grade{"establishment_fte_<grade>"};
inline constexpr MetricFamily bbr_exits_before_start_by_reason{"bbr_exits_before_start_<reason>"};
inline constexpr MetricFamily si_cohort_requirements_by_programme{"si_cohort_requirements_<programme>"};
inline constexpr MetricFamily si_cohort_completed_by_programme{"si_cohort_completed_<programme>"};
inline constexpr MetricFamily si_period_completions_by_programme{"si_period_completions_<programme>"};

// Families the model fixes, in its order (tests/unit/metric_catalogue_test.cpp holds the two together).
// By early termination reason: kTerminationReasonNames[1..4] (caseload/case_attributes.hpp).
inline constexpr std::array<std::string_view, 4> terminations_by_early_reason = {
    terminations_revocation, terminations_breach, terminations_recall, terminations_activation};
// By court outcome of a breach: kCourtOutcomeNames (sentence_management/enforcement_rules.hpp).
inline constexpr std::array<std::string_view, 4> court_by_outcome = {
    court_order_continued, court_order_revoked, court_sso_activated, court_licence_recalled};
// By RAG status: kRagStatusNames (prioritisation/rag_status.hpp).
inline constexpr std::array<std::string_view, 3> pdus_by_status = {pdus_green, pdus_amber, pdus_red};
inline constexpr std::array<std::string_view, 3> rag_days_by_status = {rag_days_green, rag_days_amber,
                                                                       rag_days_red};
// By WorkloadDistribution::kQuantiles (output/workload_distribution.hpp).
inline constexpr std::array<std::string_view, 5> workload_pct_by_quantile = {
    workload_pct_p10, workload_pct_p25, workload_pct_p50, workload_pct_p75, workload_pct_p90};

}  // namespace probsim::metric_name
