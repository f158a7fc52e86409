#include "output/enforcement_recorder.hpp"

#include "output/metric_names.hpp"

namespace probsim {

namespace {

double share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

EnforcementCounters minus(const EnforcementCounters& a, const EnforcementCounters& b) {
  EnforcementCounters d;
  d.appointments_kept = a.appointments_kept - b.appointments_kept;
  d.absences_acceptable = a.absences_acceptable - b.absences_acceptable;
  d.absences_unacceptable = a.absences_unacceptable - b.absences_unacceptable;
  d.absences_unacceptable_accepted = a.absences_unacceptable_accepted - b.absences_unacceptable_accepted;
  d.warnings = a.warnings - b.warnings;
  d.breaches_initiated = a.breaches_initiated - b.breaches_initiated;
  d.breaches_laid = a.breaches_laid - b.breaches_laid;
  d.breaches_laid_late = a.breaches_laid_late - b.breaches_laid_late;
  d.first_weeks_checked = a.first_weeks_checked - b.first_weeks_checked;
  d.first_weeks_met = a.first_weeks_met - b.first_weeks_met;
  for (std::size_t k = 0; k < kCourtOutcomeCount; ++k)
    d.court_outcomes[k] = a.court_outcomes[k] - b.court_outcomes[k];
  return d;
}

}  // namespace

void EnforcementRecorder::Figures::add(const Figures& o) {
  flows.appointments_kept += o.flows.appointments_kept;
  flows.absences_acceptable += o.flows.absences_acceptable;
  flows.absences_unacceptable += o.flows.absences_unacceptable;
  flows.absences_unacceptable_accepted += o.flows.absences_unacceptable_accepted;
  flows.warnings += o.flows.warnings;
  flows.breaches_initiated += o.flows.breaches_initiated;
  flows.breaches_laid += o.flows.breaches_laid;
  flows.breaches_laid_late += o.flows.breaches_laid_late;
  flows.first_weeks_checked += o.flows.first_weeks_checked;
  flows.first_weeks_met += o.flows.first_weeks_met;
  for (std::size_t k = 0; k < kCourtOutcomeCount; ++k) flows.court_outcomes[k] += o.flows.court_outcomes[k];
  breaches_due += o.breaches_due;
  breaches_on_time += o.breaches_on_time;
  breaches_domestic_abuse_due += o.breaches_domestic_abuse_due;
  breaches_domestic_abuse_on_time += o.breaches_domestic_abuse_on_time;
}

EnforcementRecorder::EnforcementRecorder(std::vector<const PduOffice*> offices,
                                         std::vector<std::size_t> region_of_office,
                                         std::vector<std::string> region_names, bool first_weeks_standard)
    : offices_(std::move(offices)),
      region_of_office_(std::move(region_of_office)),
      region_names_(std::move(region_names)),
      first_weeks_standard_(first_weeks_standard) {}

void EnforcementRecorder::open_window(Day first_report_day) {
  at_window_open_.clear();
  for (const PduOffice* office : offices_)
    at_window_open_.push_back(office->casework().enforcement().counters());
  at_last_period_ = at_window_open_;
  period_first_day_ = first_report_day;
}

EnforcementRecorder::Figures EnforcementRecorder::figures_of(std::size_t i, const EnforcementCounters& before,
                                                             Day first, Day last) const {
  const PduCasework& work = offices_[i]->casework();
  Figures f;
  f.flows = minus(work.enforcement().counters(), before);
  f.breaches_due = work.outcomes().due(TaskKind::breach_action, first, last);
  f.breaches_on_time = work.outcomes().on_time(TaskKind::breach_action, first, last);
  f.breaches_domestic_abuse_due = work.outcomes().domestic_abuse_due(TaskKind::breach_action, first, last);
  f.breaches_domestic_abuse_on_time =
      work.outcomes().domestic_abuse_on_time(TaskKind::breach_action, first, last);
  return f;
}

void EnforcementRecorder::close_period(const std::string& iso, Day last, ReplicationResult& result) {
  std::vector<Figures> regions(region_names_.size());
  Figures national;
  auto rows = [&](const std::string& level, const std::string& unit, const Figures& f) {
    result.add_row(iso, level, unit, metric_name::appointments_kept_share,
                   share(f.flows.appointments_kept, f.flows.appointments()));
    result.add_row(iso, level, unit, metric_name::absences_unacceptable,
                   static_cast<double>(f.flows.absences_unacceptable));
    result.add_row(iso, level, unit, metric_name::breaches_initiated,
                   static_cast<double>(f.flows.breaches_initiated));
    result.add_row(iso, level, unit, metric_name::breach_on_time_share,
                   share(f.breaches_on_time, f.breaches_due));
    if (first_weeks_standard_)
      result.add_row(iso, level, unit, metric_name::first_weeks_appointments_met_share,
                     share(f.flows.first_weeks_met, f.flows.first_weeks_checked));
  };
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    const Figures f = figures_of(i, at_last_period_[i], period_first_day_, last);
    rows("pdu", offices_[i]->name(), f);
    regions[region_of_office_[i]].add(f);
    national.add(f);
    at_last_period_[i] = offices_[i]->casework().enforcement().counters();
  }
  for (std::size_t r = 0; r < regions.size(); ++r) rows("region", region_names_[r], regions[r]);
  rows("national", "national", national);
  period_first_day_ = last + 1;
}

void EnforcementRecorder::add_window_kpis(const std::string& level, const std::string& unit,
                                          const std::vector<std::size_t>& units, Day first, Day last,
                                          std::vector<Kpi>& kpis) const {
  Figures f;
  for (const std::size_t i : units) f.add(figures_of(i, at_window_open_[i], first, last));
  auto kpi = [&](const std::string& name, double value) { kpis.push_back(Kpi{name, value, level, unit}); };
  const EnforcementCounters& n = f.flows;
  kpi(metric_name::appointments, static_cast<double>(n.appointments()));
  kpi(metric_name::appointments_kept_share, share(n.appointments_kept, n.appointments()));
  kpi(metric_name::absences_acceptable, static_cast<double>(n.absences_acceptable));
  kpi(metric_name::absences_unacceptable, static_cast<double>(n.absences_unacceptable));
  kpi(metric_name::absences_unacceptable_accepted, static_cast<double>(n.absences_unacceptable_accepted));
  kpi(metric_name::warnings, static_cast<double>(n.warnings));
  kpi(metric_name::breaches_initiated, static_cast<double>(n.breaches_initiated));
  kpi(metric_name::breaches_due, static_cast<double>(f.breaches_due));
  kpi(metric_name::breach_on_time_share, share(f.breaches_on_time, f.breaches_due));
  kpi(metric_name::breaches_domestic_abuse_due, static_cast<double>(f.breaches_domestic_abuse_due));
  kpi(metric_name::breach_domestic_abuse_on_time_share,
      share(f.breaches_domestic_abuse_on_time, f.breaches_domestic_abuse_due));
  for (std::size_t k = 0; k < kCourtOutcomeCount; ++k)
    kpi(std::string(metric_name::court_by_outcome[k]), static_cast<double>(n.court_outcomes[k]));
  if (first_weeks_standard_) {
    kpi(metric_name::first_weeks_orders_checked, static_cast<double>(n.first_weeks_checked));
    kpi(metric_name::first_weeks_appointments_met_share, share(n.first_weeks_met, n.first_weeks_checked));
  }
}

}  // namespace probsim
