#pragma once
// Turns the offices' cumulative counters and staff into the report window's KPIs and monthly time series.
// The engine calls it at fixed instants (between simulated days), so it never sees a day half done.
// Its parts: run_recorder.cpp (the window's life: open, weekly samples, snapshots, finish),
// run_recorder_timeseries.cpp (a month's rows of timeseries.csv), run_recorder_window_kpis.cpp (the
// window's KPIs of one unit); the figures it reads from an office are period_figures and task_figures.

#include <array>
#include <optional>
#include <vector>

#include "office/pdu_office.hpp"
#include "output/da_intervention_snapshot.hpp"
#include "output/da_task_snapshot.hpp"
#include "output/enforcement_recorder.hpp"
#include "output/intervention_recorder.hpp"
#include "output/period_figures.hpp"
#include "output/replication_result.hpp"
#include "output/started_intervention_snapshot.hpp"
#include "output/task_figures.hpp"
#include "output/weekly_samples.hpp"
#include "output/workload_snapshot.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

class RunRecorder {
 public:
  // `offices` in scenario order; `region_of_office[i]` indexes `region_names`.
  // `teams`: the interventions teams, when the scenario has interventions.
  RunRecorder(const Scenario& scenario, std::vector<const PduOffice*> offices,
              std::vector<std::size_t> region_of_office, std::vector<const InterventionsTeam*> teams = {});

  // Just before the first report day; `weeks` and `periods` are how many times sample_week and
  // close_period will be called, so the pooled samples and rows are allocated once, not grown.
  void open_window(std::size_t weeks = 0, std::size_t periods = 0);
  void sample_week();                           // after each full week of the window
  void close_period(const CalendarDate& date);  // after a month end (or the report end)
  [[nodiscard]] ReplicationResult finish();     // after the report end
  // After the day of `interventions.cohort_report.status_on`: the BBR cohort's status that day.
  void take_cohort_status();
  // After the day of `interventions.si_cohort_report.status_on`: the structured interventions' cohort.
  void take_si_cohort_status();
  // After `day`, the day of `simulation.workload_snapshot_on`: every practitioner's WMT % that day
  // (CT-17), the DA cases' start SARAs and home visits (CT-13, TS-1, AR-6), the DA interventions of the
  // main sample (MS-1, VIC-3), and the requirements started 7 to 9 months before (IS-2).
  void take_workload_snapshot(Day day);

 private:
  // One month's rows of timeseries.csv for one unit.
  void add_rows(const std::string& date, const std::string& level, const std::string& unit,
                const PeriodFigures& f);
  // The window's KPIs of the offices `units` (indices into offices_), as `level`/`unit`, onto `kpis`.
  // `last_unit`: no unit is computed after this one, so its weekly samples (all of them, for the
  // nation) are taken in place, and reordered by the percentiles, instead of copied.
  void add_window_kpis(std::vector<Kpi>& kpis, const std::string& level, const std::string& unit,
                       const std::vector<std::size_t>& units, bool last_unit);

  const Scenario& scenario_;
  std::vector<const PduOffice*> offices_;
  std::vector<std::size_t> region_of_office_;
  std::vector<std::string> region_names_;

  std::vector<OfficeCounters> at_window_open_;
  std::vector<OfficeCounters> at_last_period_;
  std::vector<StaffCounters> staff_at_window_open_;
  std::vector<StaffCounters> staff_at_last_period_;
  std::vector<std::int64_t> caseload_at_window_open_;  // by office
  WeeklySamples weekly_workload_pct_;                  // one per practitioner per sampled week, pooled
  WeeklySamples weekly_backlog_hours_;                 // the same for task backlog hours
  std::vector<TaskCounters> tasks_at_window_open_;
  std::vector<TaskCounters> tasks_at_last_period_;
  std::vector<LateCompletionCounts> late_at_window_open_;
  std::vector<LateCompletionCounts> late_at_last_period_;
  Day period_first_day_ = 0;
  std::size_t weeks_expected_ = 0, periods_expected_ = 0;  // from open_window, for reserving
  std::optional<InterventionRecorder> interventions_;
  // When the scenario enables enforcement.
  std::optional<EnforcementRecorder> enforcement_;
  WorkloadSnapshot workload_snapshot_;
  DaTaskSnapshot da_task_snapshot_;
  DaInterventionSnapshot da_intervention_snapshot_;
  StartedInterventionSnapshot started_intervention_snapshot_;
  std::vector<const InterventionsTeam*> teams_;  // for the main sample's interventions (MS-1, VIC-3)
  ReplicationResult result_;
};

}  // namespace probsim
