#pragma once
// Turns the offices' cumulative counters and staff into the report window's KPIs and monthly time series.
// The engine calls it at fixed instants (between simulated days), so it never sees a day half done.

#include <array>
#include <optional>
#include <vector>

#include "office/pdu_office.hpp"
#include "output/enforcement_recorder.hpp"
#include "output/intervention_recorder.hpp"
#include "output/replication_result.hpp"
#include "output/weekly_samples.hpp"
#include "output/workload_snapshot.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// One unit's sentence-management figures over a period (or the window); they add across units.
struct TaskFigures {
  std::int64_t reviews_due = 0, reviews_on_time = 0;
  std::int64_t assessments_due = 0, assessments_on_time = 0;
  std::int64_t home_visits_due = 0, home_visits_on_time = 0;
  std::int64_t contacts_required = 0, contacts_delivered = 0;
  std::int64_t court_reports_due = 0, court_reports_on_time = 0;
  std::vector<double> review_days_late;  // reviews completed late in the period, calendar days
  std::int64_t tasks_cancelled = 0;
  WorkSeconds demanded = 0, worked = 0, available = 0;
  WorkSeconds backlog = 0;  // held by practitioners, at the end
  WorkSeconds unassigned_backlog = 0;
  double practitioners = 0;  // in post, case-holding, at the end
  void add(const TaskFigures& other);
};

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
  // After the day of `simulation.workload_snapshot_on`: every practitioner's WMT % that day (CT-17).
  void take_workload_snapshot();

 private:
  struct PeriodFigures {  // one unit's figures for one period (flows) or at its end (stocks)
    double caseload = 0, referrals = 0, terminations_sentence_end = 0, terminations_early = 0,
           unallocated = 0;
    // Over practitioners who can take cases (in post, case-holding grade, not on long-term sickness).
    double workload_pct_sum = 0, practitioners = 0, practitioners_over_110pct = 0;
    std::vector<double> workload_pcts;  // one per such practitioner, for the percentiles
    PerGrade<double> in_post_fte{}, establishment_fte{};
    double vacant_fte = 0, practitioner_establishment_fte = 0;  // over the case-holding grades
    double leavers = 0, joiners = 0;                            // case-holding grades, headcount
    // Sentence management: tasks DUE in the period (docs/reference/outputs.md), flows since the last
    // snapshot, and stocks at its end.
    TaskFigures tasks;
    // The prioritisation framework: PDUs in each status at the snapshot (1 for the PDU's own at PDU
    // level), and PDU-days in each status over the period; both by RagStatus.
    std::array<double, kRagStatusCount> pdus_by_status{};
    std::array<double, kRagStatusCount> rag_days{};
    void add(const PeriodFigures& other);
  };
  [[nodiscard]] PeriodFigures figures_of(const PduOffice& office, const OfficeCounters& before,
                                         const StaffCounters& staff_before) const;
  // Task figures of `office` for due days [first, last] and completions since `late_from` (indices into
  // its late-completion lists), with flows against `before`.
  [[nodiscard]] TaskFigures task_figures_of(const PduOffice& office, Day first, Day last,
                                            const TaskCounters& before,
                                            const std::array<std::size_t, kTaskKindCount>& late_from) const;
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
  std::vector<std::array<std::size_t, kTaskKindCount>> late_at_window_open_;
  std::vector<std::array<std::size_t, kTaskKindCount>> late_at_last_period_;
  Day period_first_day_ = 0;
  std::size_t weeks_expected_ = 0, periods_expected_ = 0;  // from open_window, for reserving
  std::optional<InterventionRecorder> interventions_;
  // When the scenario enables enforcement.
  std::optional<EnforcementRecorder> enforcement_;
  WorkloadSnapshot workload_snapshot_;
  ReplicationResult result_;
};

}  // namespace probsim
