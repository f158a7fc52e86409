// The report window's KPIs of one unit (a PDU, a region or the nation), from its offices' counters
// since the window opened and the weekly samples taken over it.

#include <algorithm>
#include <stdexcept>

#include "output/metric_names.hpp"
#include "output/recorded_ratios.hpp"
#include "output/run_recorder.hpp"
#include "output/task_timeliness_metrics.hpp"
#include "output/workload_distribution.hpp"

namespace probsim {

void RunRecorder::add_window_kpis(std::vector<Kpi>& kpis, const std::string& level, const std::string& unit,
                                  const std::vector<std::size_t>& units, bool last_unit) {
  OfficeCounters window;  // flows over the report window, summed over offices
  PeriodFigures end;      // staff at the end of the window, and staff flows over it
  double sickness_hours_lost = 0.0, fte_days_in_post = 0.0;
  std::int64_t trainees_qualified = 0;
  std::int64_t caseload_end = 0, unallocated_end = 0;
  std::int64_t face_to_face = 0, caseload_start = 0;
  for (const std::size_t i : units) {
    const PduOffice& office = *offices_[i];
    const OfficeCounters& now = office.counters();
    const OfficeCounters& open = at_window_open_[i];
    window.referrals += now.referrals - open.referrals;
    for (std::size_t r = 0; r < window.terminations_by_reason.size(); ++r)
      window.terminations_by_reason[r] += now.terminations_by_reason[r] - open.terminations_by_reason[r];
    window.allocations_outside_grade_rule +=
        now.allocations_outside_grade_rule - open.allocations_outside_grade_rule;
    window.reallocations += now.reallocations - open.reallocations;
    window.terminated_case_practitioner_changes +=
        now.terminated_case_practitioner_changes - open.terminated_case_practitioner_changes;
    window.caseload_days += now.caseload_days - open.caseload_days;
    for (std::size_t k = 0; k < kRagStatusCount; ++k)
      window.rag_days[k] += now.rag_days[k] - open.rag_days[k];
    window.rag_changes += now.rag_changes - open.rag_changes;
    window.facilitator_hours_redeployed +=
        now.facilitator_hours_redeployed - open.facilitator_hours_redeployed;
    caseload_end += office.caseload();
    unallocated_end += office.unallocated();
    caseload_start += caseload_at_window_open_[i];

    PeriodFigures f = period_figures_of(office, open, staff_at_window_open_[i]);
    f.tasks = task_figures_of(office, scenario_.window.first_report_day(), scenario_.window.last_day(),
                              tasks_at_window_open_[i], late_at_window_open_[i]);
    end.add(f);
    face_to_face += office.casework().outcomes().face_to_face_delivered(scenario_.window.first_report_day(),
                                                                        scenario_.window.last_day());
    const StaffCounters& staff_now = office.staff_counters();
    const StaffCounters& staff_open = staff_at_window_open_[i];
    sickness_hours_lost += staff_now.sickness_hours_lost - staff_open.sickness_hours_lost;
    for (std::size_t g = 0; g < kGradeCount; ++g)
      fte_days_in_post += staff_now.fte_days_in_post[g] - staff_open.fte_days_in_post[g];
    trainees_qualified += staff_now.trainees_qualified - staff_open.trainees_qualified;
  }
  const double window_days =
      static_cast<double>(scenario_.window.last_day() - scenario_.window.first_report_day() + 1);

  auto kpi = [&](const std::string& name, double value) { kpis.push_back(Kpi{name, value, level, unit}); };
  // The unit's weekly samples, in the pooled order (so the national figures are those of all samples).
  std::vector<char> in_unit(offices_.size(), 0);
  for (const std::size_t i : units) in_unit[i] = 1;
  std::vector<double> workload_copy, backlog_copy;
  if (!last_unit) {
    workload_copy = weekly_workload_pct_.of_offices(in_unit);
    backlog_copy = weekly_backlog_hours_.of_offices(in_unit);
  } else if (units.size() != offices_.size()) {
    throw std::logic_error("RunRecorder: only the nation, every office, may take the pooled samples");
  }
  std::vector<double>& workload_pct = last_unit ? weekly_workload_pct_.all() : workload_copy;
  std::vector<double>& backlog_hours = last_unit ? weekly_backlog_hours_.all() : backlog_copy;
  const auto over_110pct = std::count_if(workload_pct.begin(), workload_pct.end(),
                                         [](double pct) { return pct > kExcessiveWorkloadPct; });

  kpi(metric_name::referrals, static_cast<double>(window.referrals));
  kpi(metric_name::caseload_start, static_cast<double>(caseload_start));
  kpi(metric_name::caseload_mean, static_cast<double>(window.caseload_days) / window_days);
  kpi(metric_name::caseload_end, static_cast<double>(caseload_end));
  kpi(metric_name::terminations_sentence_end, static_cast<double>(window.terminations_by_reason[0]));
  kpi(metric_name::terminations_early, static_cast<double>(window.early_terminations()));
  for (std::size_t r = 1; r < kTerminationReasonNames.size(); ++r)
    kpi(std::string(metric_name::terminations_by_early_reason[r - 1]),
        static_cast<double>(window.terminations_by_reason[r]));
  kpi(metric_name::unallocated_end, static_cast<double>(unallocated_end));
  kpi(metric_name::allocations_outside_grade_rule,
      static_cast<double>(window.allocations_outside_grade_rule));

  // The workforce.
  double practitioners_fte = 0.0;
  for (Grade g : kCaseHoldingGrades) practitioners_fte += at(end.in_post_fte, g);
  kpi(metric_name::staff_in_post_fte, practitioners_fte);
  kpi(metric_name::po_in_post_fte, at(end.in_post_fte, Grade::po));
  kpi(metric_name::pso_in_post_fte, at(end.in_post_fte, Grade::pso));
  kpi(metric_name::trainee_in_post_fte, at(end.in_post_fte, Grade::pqip));
  kpi(metric_name::vacancy_pct, 100.0 * share(end.vacant_fte, end.practitioner_establishment_fte));
  kpi(metric_name::leavers, end.leavers);
  kpi(metric_name::joiners, end.joiners);
  kpi(metric_name::trainees_qualified, static_cast<double>(trainees_qualified));
  const double daily_hours_per_fte = scenario_.caseload.workload.default_contracted_hours_per_week / 5.0;
  kpi(metric_name::sickness_days_per_fte_year,
      share(sickness_hours_lost / daily_hours_per_fte, fte_days_in_post / kDaysPerYear));

  const auto samples = static_cast<double>(workload_pct.size());
  kpi(metric_name::workload_pct_mean, mean_of(workload_pct));
  kpi(metric_name::practitioners_over_110pct_share, share(static_cast<double>(over_110pct), samples));
  // The percentiles and the share above 110% (issue 19); quantiles reorder the unit's copy (the
  // nation's: the pooled samples, no longer needed in order).
  WorkloadDistribution::of(workload_pct).emit(kpi);
  workload_snapshot_.emit(units, kpi);
  if (const auto tasks = da_task_snapshot_.pooled(units)) emit_da_task_kpis(*tasks, kpi);
  if (const auto sample = da_intervention_snapshot_.pooled(units)) emit_da_intervention_kpis(*sample, kpi);
  if (const auto started = started_intervention_snapshot_.pooled(units))
    emit_started_intervention_kpis(*started, kpi);
  kpi(metric_name::reallocations, static_cast<double>(window.reallocations));
  kpi(metric_name::practitioner_changes_per_case_mean,
      share(static_cast<double>(window.terminated_case_practitioner_changes),
            static_cast<double>(window.terminations())));

  // Sentence management (docs/reference/outputs.md): shares over tasks due in the window.
  const TaskFigures& t = end.tasks;
  emit_task_timeliness(t, kpi);
  // AUD-9 (validation/11-national-standards.md §11.11): the home visits of high and very high RoSH cases,
  // apart.
  kpi(metric_name::home_visits_high_rosh_due, static_cast<double>(t.high_rosh_home_visits_due));
  kpi(metric_name::home_visits_high_rosh_on_time_share,
      share(t.high_rosh_home_visits_on_time, t.high_rosh_home_visits_due));
  emit_review_kinds(t, kpi);  // AUD-2 and AUD-3 (validation/11-national-standards.md §11.13)
  // The DV audits (validation/11-national-standards.md §11.12): the tasks of domestic-abuse cases, apart.
  emit_domestic_abuse_timeliness(t, scenario_.caseload.sentence_management.risk_management_plan.enabled(),
                                 kpi);
  kpi(metric_name::contacts_face_to_face_share, share(face_to_face, t.all_cases.contacts_delivered));
  kpi(metric_name::court_reports_due, static_cast<double>(t.court_reports_due));
  kpi(metric_name::court_reports_on_time_share, share(t.court_reports_on_time, t.court_reports_due));
  if (scenario_.caseload.sentence_management.risk_management_plan.enabled()) {
    kpi(metric_name::risk_management_plans_due, static_cast<double>(t.all_cases.risk_management_plans_due));
    kpi(metric_name::risk_management_plans_on_time_share,
        share(t.all_cases.risk_management_plans_on_time, t.all_cases.risk_management_plans_due));
  }
  kpi(metric_name::tasks_cancelled, static_cast<double>(t.tasks_cancelled));
  // Set aside by RAG-13's judgement, or (visits) not made under the face-to-face cut (§10.25).
  const PrioritisationRules& rag = scenario_.caseload.prioritisation;
  if (scenario_.caseload.sentence_management.judgement_under_revised_measures.enabled ||
      (rag.enabled && rag.home_visits_follow_face_to_face_cut)) {
    kpi(metric_name::saras_set_aside, static_cast<double>(t.saras_set_aside));
    kpi(metric_name::home_visits_set_aside, static_cast<double>(t.home_visits_set_aside));
  }
  kpi(metric_name::hours_demanded, hours_of(t.demanded));
  kpi(metric_name::hours_worked, hours_of(t.worked));
  if (scenario_.caseload.sentence_management.hours_beyond_contract.enabled())
    kpi(metric_name::hours_beyond_contract, hours_of(t.worked_beyond_contract));
  kpi(metric_name::task_hours_available, hours_of(t.available));
  kpi(metric_name::task_hours_used_share,
      share(static_cast<double>(t.worked), static_cast<double>(t.available)));
  kpi(metric_name::backlog_hours_per_practitioner_mean, mean_of(backlog_hours));
  kpi(metric_name::backlog_hours_per_practitioner_p90, quantile_unsorted(backlog_hours, 0.9));
  kpi(metric_name::backlog_hours_end, hours_of(t.backlog + t.unassigned_backlog));

  // The prioritisation framework (docs/reference/outputs.md): PDU-days in the window, summed over PDUs.
  kpi(metric_name::pdu_days_red,
      static_cast<double>(window.rag_days[static_cast<std::size_t>(RagStatus::red)]));
  kpi(metric_name::pdu_days_amber,
      static_cast<double>(window.rag_days[static_cast<std::size_t>(RagStatus::amber)]));
  kpi(metric_name::pdu_days_green,
      static_cast<double>(window.rag_days[static_cast<std::size_t>(RagStatus::green)]));
  kpi(metric_name::rag_changes, static_cast<double>(window.rag_changes));
  kpi(metric_name::facilitator_hours_redeployed, window.facilitator_hours_redeployed);
  if (enforcement_)
    enforcement_->add_window_kpis(level, unit, units, scenario_.window.first_report_day(),
                                  scenario_.window.last_day(), result_.kpis);
}

}  // namespace probsim
