#include "output/run_recorder.hpp"

#include <algorithm>
#include <numeric>

#include "output/summary_statistics.hpp"

namespace probsim {

namespace {

// PUB-10: above 110% of WMT capacity is an excessive workload.
constexpr double kExcessiveWorkloadPct = 110.0;

double share(double part, double whole) {
  return whole > 0.0 ? part / whole : 0.0;
}

}  // namespace

RunRecorder::RunRecorder(const Scenario& scenario, std::vector<const PduOffice*> offices,
                         std::vector<std::size_t> region_of_office)
    : scenario_(scenario), offices_(std::move(offices)), region_of_office_(std::move(region_of_office)) {
  for (const auto& region : scenario_.regions) region_names_.push_back(region.name);
}

void RunRecorder::open_window() {
  at_window_open_.clear();
  staff_at_window_open_.clear();
  caseload_at_window_open_ = 0;
  for (const PduOffice* office : offices_) {
    at_window_open_.push_back(office->counters());
    staff_at_window_open_.push_back(office->staff_counters());
    caseload_at_window_open_ += office->caseload();
  }
  at_last_period_ = at_window_open_;
  staff_at_last_period_ = staff_at_window_open_;
}

void RunRecorder::sample_week() {
  for (const PduOffice* office : offices_)
    for (const Practitioner& p : office->staff()) {
      if (!p.can_take_cases()) continue;
      weekly_workload_pct_.push_back(p.workload_pct());
      if (p.workload_pct() > kExcessiveWorkloadPct) ++weekly_over_110pct_;
    }
}

void RunRecorder::PeriodFigures::add(const PeriodFigures& other) {
  caseload += other.caseload;
  referrals += other.referrals;
  terminations_sentence_end += other.terminations_sentence_end;
  terminations_early += other.terminations_early;
  unallocated += other.unallocated;
  workload_pct_sum += other.workload_pct_sum;
  practitioners += other.practitioners;
  practitioners_over_110pct += other.practitioners_over_110pct;
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    in_post_fte[g] += other.in_post_fte[g];
    establishment_fte[g] += other.establishment_fte[g];
  }
  vacant_fte += other.vacant_fte;
  practitioner_establishment_fte += other.practitioner_establishment_fte;
  leavers += other.leavers;
  joiners += other.joiners;
}

RunRecorder::PeriodFigures RunRecorder::figures_of(const PduOffice& office, const OfficeCounters& before,
                                                   const StaffCounters& staff_before) const {
  const OfficeCounters& now = office.counters();
  const StaffCounters& staff_now = office.staff_counters();
  PeriodFigures f;
  f.caseload = static_cast<double>(office.caseload());
  f.referrals = static_cast<double>(now.referrals - before.referrals);
  f.terminations_sentence_end =
      static_cast<double>(now.terminations_by_reason[0] - before.terminations_by_reason[0]);
  f.terminations_early = static_cast<double>(now.early_terminations() - before.early_terminations());
  f.unallocated = static_cast<double>(office.unallocated());
  for (const Practitioner& p : office.staff()) {
    if (p.in_post) at(f.in_post_fte, p.grade) += p.fte;
    if (!p.can_take_cases()) continue;
    f.workload_pct_sum += p.workload_pct();
    f.practitioners += 1;
    if (p.workload_pct() > kExcessiveWorkloadPct) f.practitioners_over_110pct += 1;
  }
  for (std::size_t g = 0; g < kGradeCount; ++g)
    f.establishment_fte[g] = office.establishment_fte(static_cast<Grade>(g));
  for (Grade g : kCaseHoldingGrades) {
    // A surplus in one PDU or grade does not fill a vacancy in another.
    f.vacant_fte += std::max(0.0, at(f.establishment_fte, g) - at(f.in_post_fte, g));
    f.practitioner_establishment_fte += at(f.establishment_fte, g);
    f.leavers += static_cast<double>(at(staff_now.left, g).headcount - at(staff_before.left, g).headcount);
    f.joiners +=
        static_cast<double>(at(staff_now.joined, g).headcount - at(staff_before.joined, g).headcount);
  }
  return f;
}

void RunRecorder::add_rows(const std::string& date, const std::string& level, const std::string& unit,
                           const PeriodFigures& f) {
  auto row = [&](const std::string& metric, double value) {
    result_.timeseries.push_back(TimeseriesRow{date, level, unit, metric, value});
  };
  row("caseload", f.caseload);
  row("referrals", f.referrals);
  row("terminations_sentence_end", f.terminations_sentence_end);
  row("terminations_early", f.terminations_early);
  row("unallocated", f.unallocated);
  row("workload_pct_mean", share(f.workload_pct_sum, f.practitioners));
  row("practitioners_over_110pct_share", share(f.practitioners_over_110pct, f.practitioners));
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    row("in_post_fte_" + std::string(kGradeNames[g]), f.in_post_fte[g]);
    row("establishment_fte_" + std::string(kGradeNames[g]), f.establishment_fte[g]);
  }
  row("vacancy_pct", 100.0 * share(f.vacant_fte, f.practitioner_establishment_fte));
  row("leavers", f.leavers);
  row("joiners", f.joiners);
}

void RunRecorder::close_period(const CalendarDate& date) {
  const std::string iso = date.iso();
  std::vector<PeriodFigures> regions(region_names_.size());
  PeriodFigures national;
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    const PduOffice& office = *offices_[i];
    const PeriodFigures f = figures_of(office, at_last_period_[i], staff_at_last_period_[i]);
    add_rows(iso, "pdu", office.name(), f);
    regions[region_of_office_[i]].add(f);
    national.add(f);
    at_last_period_[i] = office.counters();
    staff_at_last_period_[i] = office.staff_counters();
  }
  for (std::size_t r = 0; r < regions.size(); ++r) add_rows(iso, "region", region_names_[r], regions[r]);
  add_rows(iso, "national", "national", national);
}

ReplicationResult RunRecorder::finish() {
  OfficeCounters window;  // flows over the report window, summed over offices
  PeriodFigures end;      // staff at the end of the window, and staff flows over it
  double sickness_hours_lost = 0.0, fte_days_in_post = 0.0;
  std::int64_t trainees_qualified = 0;
  std::int64_t caseload_end = 0, unallocated_end = 0;
  for (std::size_t i = 0; i < offices_.size(); ++i) {
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
    caseload_end += office.caseload();
    unallocated_end += office.unallocated();
    result_.case_events += now.initial_cases + now.referrals + now.allocations + now.terminations();

    end.add(figures_of(office, open, staff_at_window_open_[i]));
    const StaffCounters& staff_now = office.staff_counters();
    const StaffCounters& staff_open = staff_at_window_open_[i];
    sickness_hours_lost += staff_now.sickness_hours_lost - staff_open.sickness_hours_lost;
    for (std::size_t g = 0; g < kGradeCount; ++g)
      fte_days_in_post += staff_now.fte_days_in_post[g] - staff_open.fte_days_in_post[g];
    trainees_qualified += staff_now.trainees_qualified - staff_open.trainees_qualified;
  }
  const double window_days =
      static_cast<double>(scenario_.window.last_day() - scenario_.window.first_report_day() + 1);

  auto kpi = [&](const std::string& name, double value) { result_.kpis.push_back(Kpi{name, value}); };
  kpi("referrals", static_cast<double>(window.referrals));
  kpi("caseload_start", static_cast<double>(caseload_at_window_open_));
  kpi("caseload_mean", static_cast<double>(window.caseload_days) / window_days);
  kpi("caseload_end", static_cast<double>(caseload_end));
  kpi("terminations_sentence_end", static_cast<double>(window.terminations_by_reason[0]));
  kpi("terminations_early", static_cast<double>(window.early_terminations()));
  for (std::size_t r = 1; r < kTerminationReasonNames.size(); ++r)
    kpi("terminations_" + std::string(kTerminationReasonNames[r]),
        static_cast<double>(window.terminations_by_reason[r]));
  kpi("unallocated_end", static_cast<double>(unallocated_end));
  kpi("allocations_outside_grade_rule", static_cast<double>(window.allocations_outside_grade_rule));

  // The workforce.
  double practitioners_fte = 0.0;
  for (Grade g : kCaseHoldingGrades) practitioners_fte += at(end.in_post_fte, g);
  kpi("staff_in_post_fte", practitioners_fte);
  kpi("po_in_post_fte", at(end.in_post_fte, Grade::po));
  kpi("pso_in_post_fte", at(end.in_post_fte, Grade::pso));
  kpi("trainee_in_post_fte", at(end.in_post_fte, Grade::pqip));
  kpi("vacancy_pct", 100.0 * share(end.vacant_fte, end.practitioner_establishment_fte));
  kpi("leavers", end.leavers);
  kpi("joiners", end.joiners);
  kpi("trainees_qualified", static_cast<double>(trainees_qualified));
  const double daily_hours_per_fte = scenario_.caseload.workload.default_contracted_hours_per_week / 5.0;
  kpi("sickness_days_per_fte_year",
      share(sickness_hours_lost / daily_hours_per_fte, fte_days_in_post / kDaysPerYear));

  std::sort(weekly_workload_pct_.begin(), weekly_workload_pct_.end());
  const bool sampled = !weekly_workload_pct_.empty();
  const auto samples = static_cast<double>(weekly_workload_pct_.size());
  kpi("workload_pct_mean",
      sampled ? std::accumulate(weekly_workload_pct_.begin(), weekly_workload_pct_.end(), 0.0) / samples
              : 0.0);
  kpi("workload_pct_p90", sampled ? quantile_sorted(weekly_workload_pct_, 0.9) : 0.0);
  kpi("practitioners_over_110pct_share", share(static_cast<double>(weekly_over_110pct_), samples));
  kpi("reallocations", static_cast<double>(window.reallocations));
  kpi("practitioner_changes_per_case_mean",
      share(static_cast<double>(window.terminated_case_practitioner_changes),
            static_cast<double>(window.terminations())));
  return std::move(result_);
}

}  // namespace probsim
