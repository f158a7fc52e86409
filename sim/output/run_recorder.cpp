#include "output/run_recorder.hpp"

#include <algorithm>
#include <numeric>

#include "output/summary_statistics.hpp"

namespace probsim {

RunRecorder::RunRecorder(const Scenario& scenario, std::vector<const PduOffice*> offices,
                         std::vector<std::size_t> region_of_office)
    : scenario_(scenario), offices_(std::move(offices)), region_of_office_(std::move(region_of_office)) {
  for (const auto& region : scenario_.regions) region_names_.push_back(region.name);
}

void RunRecorder::open_window() {
  at_window_open_.clear();
  caseload_at_window_open_ = 0;
  for (const PduOffice* office : offices_) {
    at_window_open_.push_back(office->counters());
    caseload_at_window_open_ += office->caseload();
  }
  at_last_period_ = at_window_open_;
}

void RunRecorder::sample_week() {
  for (const PduOffice* office : offices_)
    for (const Practitioner& p : office->practitioners()) weekly_workload_pct_.push_back(p.workload_pct());
}

void RunRecorder::add_rows(const std::string& date, const std::string& level, const std::string& unit,
                           const PeriodFigures& f) {
  auto row = [&](const char* metric, double value) {
    result_.timeseries.push_back(TimeseriesRow{date, level, unit, metric, value});
  };
  row("caseload", f.caseload);
  row("referrals", f.referrals);
  row("terminations_sentence_end", f.terminations_sentence_end);
  row("terminations_early", f.terminations_early);
  row("unallocated", f.unallocated);
  row("workload_pct_mean", f.practitioners > 0 ? f.workload_pct_sum / f.practitioners : 0.0);
}

void RunRecorder::close_period(const CalendarDate& date) {
  const std::string iso = date.iso();
  std::vector<PeriodFigures> regions(region_names_.size());
  PeriodFigures national;
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    const PduOffice& office = *offices_[i];
    const OfficeCounters& now = office.counters();
    const OfficeCounters& before = at_last_period_[i];
    PeriodFigures f;
    f.caseload = static_cast<double>(office.caseload());
    f.referrals = static_cast<double>(now.referrals - before.referrals);
    f.terminations_sentence_end =
        static_cast<double>(now.terminations_by_reason[0] - before.terminations_by_reason[0]);
    f.terminations_early = static_cast<double>(now.early_terminations() - before.early_terminations());
    f.unallocated = static_cast<double>(office.unallocated());
    for (const Practitioner& p : office.practitioners()) f.workload_pct_sum += p.workload_pct();
    f.practitioners = static_cast<double>(office.practitioners().size());
    add_rows(iso, "pdu", office.name(), f);
    for (PeriodFigures* total : {&regions[region_of_office_[i]], &national}) {
      total->caseload += f.caseload;
      total->referrals += f.referrals;
      total->terminations_sentence_end += f.terminations_sentence_end;
      total->terminations_early += f.terminations_early;
      total->unallocated += f.unallocated;
      total->workload_pct_sum += f.workload_pct_sum;
      total->practitioners += f.practitioners;
    }
    at_last_period_[i] = now;
  }
  for (std::size_t r = 0; r < regions.size(); ++r) add_rows(iso, "region", region_names_[r], regions[r]);
  add_rows(iso, "national", "national", national);
}

ReplicationResult RunRecorder::finish() {
  OfficeCounters window;  // flows over the report window, summed over offices
  std::int64_t caseload_end = 0, unallocated_end = 0;
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    const OfficeCounters& now = offices_[i]->counters();
    const OfficeCounters& open = at_window_open_[i];
    window.referrals += now.referrals - open.referrals;
    for (std::size_t r = 0; r < window.terminations_by_reason.size(); ++r)
      window.terminations_by_reason[r] += now.terminations_by_reason[r] - open.terminations_by_reason[r];
    window.allocations_outside_grade_rule +=
        now.allocations_outside_grade_rule - open.allocations_outside_grade_rule;
    window.caseload_days += now.caseload_days - open.caseload_days;
    caseload_end += offices_[i]->caseload();
    unallocated_end += offices_[i]->unallocated();
    result_.case_events += now.initial_cases + now.referrals + now.allocations + now.terminations();
  }
  const double window_days =
      static_cast<double>(scenario_.window.last_day() - scenario_.window.first_report_day() + 1);

  auto kpi = [&](const char* name, double value) { result_.kpis.push_back(Kpi{name, value}); };
  kpi("referrals", static_cast<double>(window.referrals));
  kpi("caseload_start", static_cast<double>(caseload_at_window_open_));
  kpi("caseload_mean", static_cast<double>(window.caseload_days) / window_days);
  kpi("caseload_end", static_cast<double>(caseload_end));
  kpi("terminations_sentence_end", static_cast<double>(window.terminations_by_reason[0]));
  kpi("terminations_early", static_cast<double>(window.early_terminations()));
  for (std::size_t r = 1; r < kTerminationReasonNames.size(); ++r)
    kpi(("terminations_" + std::string(kTerminationReasonNames[r])).c_str(),
        static_cast<double>(window.terminations_by_reason[r]));
  kpi("unallocated_end", static_cast<double>(unallocated_end));
  kpi("allocations_outside_grade_rule", static_cast<double>(window.allocations_outside_grade_rule));

  std::sort(weekly_workload_pct_.begin(), weekly_workload_pct_.end());
  const bool sampled = !weekly_workload_pct_.empty();
  kpi("workload_pct_mean",
      sampled ? std::accumulate(weekly_workload_pct_.begin(), weekly_workload_pct_.end(), 0.0) /
                    static_cast<double>(weekly_workload_pct_.size())
              : 0.0);
  kpi("workload_pct_p90", sampled ? quantile_sorted(weekly_workload_pct_, 0.9) : 0.0);
  return std::move(result_);
}

}  // namespace probsim
