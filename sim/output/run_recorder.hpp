#pragma once
// Turns the offices' cumulative counters into the report window's KPIs and monthly time series. The
// engine calls it at fixed instants (between simulated days), so it never sees a day half done.

#include <array>
#include <vector>

#include "office/pdu_office.hpp"
#include "output/replication_result.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

class RunRecorder {
 public:
  // `offices` in scenario order; `region_of_office[i]` indexes `region_names`.
  RunRecorder(const Scenario& scenario, std::vector<const PduOffice*> offices,
              std::vector<std::size_t> region_of_office);

  void open_window();                           // just before the first report day
  void sample_week();                           // after each full week of the window
  void close_period(const CalendarDate& date);  // after a month end (or the report end)
  [[nodiscard]] ReplicationResult finish();     // after the report end

 private:
  struct PeriodFigures {  // one unit's figures for one period
    double caseload = 0, referrals = 0, terminations_sentence_end = 0, terminations_early = 0,
           unallocated = 0;
    double workload_pct_sum = 0, practitioners = 0;
  };
  void add_rows(const std::string& date, const std::string& level, const std::string& unit,
                const PeriodFigures& f);

  const Scenario& scenario_;
  std::vector<const PduOffice*> offices_;
  std::vector<std::size_t> region_of_office_;
  std::vector<std::string> region_names_;

  std::vector<OfficeCounters> at_window_open_;
  std::vector<OfficeCounters> at_last_period_;
  std::int64_t caseload_at_window_open_ = 0;
  std::vector<double> weekly_workload_pct_;  // one per practitioner per sampled week, pooled
  ReplicationResult result_;
};

}  // namespace probsim
