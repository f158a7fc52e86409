// The monthly rows of timeseries.csv: at each month end, every PDU's figures for the month, added into
// its region and the nation, then the interventions' and enforcement's own rows.

#include "output/metric_names.hpp"
#include "output/recorded_ratios.hpp"
#include "output/run_recorder.hpp"
#include "output/task_timeliness_metrics.hpp"
#include "output/workload_distribution.hpp"

namespace probsim {

void RunRecorder::close_period(const CalendarDate& date) {
  const std::string iso = date.iso();
  const std::size_t rows_before = result_.timeseries.size();
  std::vector<PeriodFigures> regions(region_names_.size());
  PeriodFigures national;
  const Day last = static_cast<Day>(date.days_since_epoch() - scenario_.window.day_zero().days_since_epoch());
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    const PduOffice& office = *offices_[i];
    PeriodFigures f = period_figures_of(office, at_last_period_[i], staff_at_last_period_[i]);
    f.tasks =
        task_figures_of(office, period_first_day_, last, tasks_at_last_period_[i], late_at_last_period_[i]);
    add_rows(iso, "pdu", office.name(), f);
    regions[region_of_office_[i]].add(f);
    national.add(f);
    at_last_period_[i] = office.counters();
    staff_at_last_period_[i] = office.staff_counters();
    tasks_at_last_period_[i] = office.casework().counters();
    late_at_last_period_[i] = late_counts(office);
  }
  period_first_day_ = last + 1;
  for (std::size_t r = 0; r < regions.size(); ++r) add_rows(iso, "region", region_names_[r], regions[r]);
  add_rows(iso, "national", "national", national);
  if (interventions_) interventions_->close_period(iso, last, result_);
  if (enforcement_) enforcement_->close_period(iso, last, result_);
  if (rows_before == 0 && periods_expected_ > 1)
    result_.timeseries.reserve(result_.timeseries.size() * periods_expected_);  // the same rows each period
}

void RunRecorder::add_rows(const std::string& date, const std::string& level, const std::string& unit,
                           const PeriodFigures& f) {
  auto row = [&](const std::string& metric, double value) {
    result_.add_row(date, level, unit, metric, value);
  };
  row(metric_name::caseload, f.caseload);
  row(metric_name::referrals, f.referrals);
  row(metric_name::terminations_sentence_end, f.terminations_sentence_end);
  row(metric_name::terminations_early, f.terminations_early);
  row(metric_name::unallocated, f.unallocated);
  row(metric_name::workload_pct_mean, share(f.workload_pct_sum, f.practitioners));
  row(metric_name::practitioners_over_110pct_share, share(f.practitioners_over_110pct, f.practitioners));
  std::vector<double> workload_pcts = f.workload_pcts;
  WorkloadDistribution::of(workload_pcts).emit(row);
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    row(metric_name::in_post_fte_by_grade(kGradeNames[g]), f.in_post_fte[g]);
    row(metric_name::establishment_fte_by_grade(kGradeNames[g]), f.establishment_fte[g]);
  }
  row(metric_name::vacancy_pct, 100.0 * share(f.vacant_fte, f.practitioner_establishment_fte));
  row(metric_name::leavers, f.leavers);
  row(metric_name::joiners, f.joiners);
  const TaskFigures& t = f.tasks;
  emit_task_timeliness(t, row);
  row(metric_name::court_reports_on_time_share, share(t.court_reports_on_time, t.court_reports_due));
  if (scenario_.caseload.sentence_management.risk_management_plan.enabled())
    row(metric_name::risk_management_plans_on_time_share,
        share(t.all_cases.risk_management_plans_on_time, t.all_cases.risk_management_plans_due));
  row(metric_name::tasks_cancelled, static_cast<double>(t.tasks_cancelled));
  row(metric_name::hours_demanded, hours_of(t.demanded));
  row(metric_name::hours_worked, hours_of(t.worked));
  if (scenario_.caseload.sentence_management.hours_beyond_contract.enabled())
    row(metric_name::hours_beyond_contract, hours_of(t.worked_beyond_contract));
  row(metric_name::task_hours_available, hours_of(t.available));
  row(metric_name::backlog_hours_per_practitioner_mean, share(hours_of(t.backlog), t.practitioners));
  row(metric_name::unassigned_backlog_hours, hours_of(t.unassigned_backlog));
  // The prioritisation framework, when it is on: with it off every PDU is green throughout, which the
  // pdu_days_* KPIs still say, and a series of zeros would only draw an all-green map in the report.
  if (!scenario_.caseload.prioritisation.enabled) return;
  if (level == "pdu") {
    for (std::size_t k = 0; k < kRagStatusCount; ++k)
      if (f.pdus_by_status[k] > 0.0) row(metric_name::rag_status, static_cast<double>(k));
  }
  for (std::size_t k = 0; k < kRagStatusCount; ++k)
    row(std::string(metric_name::pdus_by_status[k]), f.pdus_by_status[k]);
  for (std::size_t k = 0; k < kRagStatusCount; ++k)
    row(std::string(metric_name::rag_days_by_status[k]), f.rag_days[k]);
}

}  // namespace probsim
