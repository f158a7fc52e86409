#include "output/intervention_recorder.hpp"

#include <algorithm>

#include "output/intervention_flows.hpp"
#include "output/metric_names.hpp"
#include "output/summary_statistics.hpp"

namespace probsim {

using namespace intervention_flows;

InterventionRecorder::InterventionRecorder(const Scenario& scenario,
                                           std::vector<const InterventionsTeam*> teams,
                                           std::vector<const PduOffice*> offices)
    : scenario_(scenario), teams_(std::move(teams)), offices_(std::move(offices)) {}

InterventionRecorder::Snapshot InterventionRecorder::snapshot_of(const InterventionsTeam& team) const {
  Snapshot s;
  for (std::uint32_t p = 0; p < team.programme_count(); ++p) {
    s.programmes.push_back(team.counters(p));
    s.starts_seen.push_back(team.starts(p).size());
  }
  s.team = team.team_counters();
  s.daso_contacts_seen = team.daso_contacts().size();
  return s;
}

std::int64_t InterventionRecorder::toolkit_sessions_delivered() const {
  std::int64_t n = 0;
  for (const PduOffice* office : offices_)
    n += office->casework().counters().completed[static_cast<std::size_t>(TaskKind::toolkit_session)];
  return n;
}

void InterventionRecorder::open_window() {
  at_window_open_.clear();
  for (const InterventionsTeam* team : teams_) at_window_open_.push_back(snapshot_of(*team));
  at_last_period_ = at_window_open_;
  toolkit_sessions_at_window_open_ = toolkit_sessions_delivered();
  toolkit_sessions_at_last_period_ = toolkit_sessions_at_window_open_;
}
namespace {

void add_rows(const std::string& date, const std::string& level, const std::string& unit,
              const InterventionFlows& f, ReplicationResult& result) {
  auto row = [&](const std::string& metric, double value) {
    result.add_row(date, level, unit, metric, value);
  };
  row(metric_name::bbr_waiting_list, static_cast<double>(f.bbr_waiting));
  row(metric_name::bbr_waiting_over_52_weeks, static_cast<double>(f.bbr_waiting_over_52_weeks));
  row(metric_name::bbr_waiting_past_renege, static_cast<double>(f.bbr_waiting_past_renege));
  row(metric_name::bbr_attending, static_cast<double>(f.bbr_attending));
  row(metric_name::bbr_awaiting_group, static_cast<double>(f.bbr_awaiting_group));
  // Waiting-time percentiles (issue 18): of the list's age at the period's end, and of the waits of the
  // starts recorded in the period (requirement to recorded start); 0 when there are none.
  row(metric_name::bbr_list_age_p50_weeks, quantile_of(f.bbr_list_age_weeks, 0.5));
  row(metric_name::bbr_list_age_p90_weeks, quantile_of(f.bbr_list_age_weeks, 0.9));
  row(metric_name::bbr_start_wait_p50_weeks, quantile_of(f.bbr_wait_weeks, 0.5));
  row(metric_name::bbr_start_wait_p90_weeks, quantile_of(f.bbr_wait_weeks, 0.9));
  row(metric_name::bbr_requirements, static_cast<double>(f.bbr.requirements));
  row(metric_name::bbr_starts, static_cast<double>(f.bbr.starts));
  row(metric_name::bbr_completions, static_cast<double>(f.bbr.completions));
  row(metric_name::bbr_exits_before_start, static_cast<double>(f.bbr.exits_before_start_total()));
  for (std::size_t r = 0; r < kTerminationReasonNames.size(); ++r)
    row(metric_name::bbr_exits_before_start_by_reason(kTerminationReasonNames[r]),
        static_cast<double>(f.bbr.exits_before_start[r]));
  row(metric_name::bbr_ended_after_start, static_cast<double>(f.bbr.ended_after_start_total()));
  row(metric_name::bbr_removed_non_attendance, static_cast<double>(f.bbr.removals_non_attendance));
  row(metric_name::bbr_diverted, static_cast<double>(f.bbr.diverted));
  row(metric_name::bbr_orders_ended_successfully, static_cast<double>(f.bbr.orders_ended_successfully));
  row(metric_name::bbr_orders_ended_successfully_started,
      static_cast<double>(f.bbr.orders_ended_successfully_started));
  row(metric_name::si_waiting_list, static_cast<double>(f.si_waiting));
  row(metric_name::si_starts, static_cast<double>(f.si.starts));
  row(metric_name::si_completions, static_cast<double>(f.si.completions));
  row(metric_name::facilitator_utilisation,
      ratio(f.team.facilitator_hours_used, f.team.facilitator_hours_available));
}

}  // namespace

void InterventionRecorder::close_period(const std::string& date, Day last, ReplicationResult& result) {
  InterventionFlows national;
  for (std::size_t t = 0; t < teams_.size(); ++t) {
    const InterventionsTeam& team = *teams_[t];
    const Snapshot& then = at_last_period_[t];
    const InterventionFlows f =
        flows_since(team, then.programmes, then.team, then.starts_seen, then.daso_contacts_seen, last);
    add_rows(date, "team", team.name(), f, result);
    add_flows(national, f);
    at_last_period_[t] = snapshot_of(team);
  }
  add_rows(date, "national", "national", national, result);
  toolkit_sessions_at_last_period_ = toolkit_sessions_delivered();
}

void InterventionRecorder::take_cohort_status() {
  const BbrCohortReport& report = scenario_.interventions.cohort_report;
  const SimulationWindow& window = scenario_.window;
  auto day_of = [&](const CalendarDate& date) {
    return static_cast<Day>(date.days_since_epoch() - window.day_zero().days_since_epoch());
  };
  std::vector<RequirementCohortStatus> by_team;
  for (const InterventionsTeam* team : teams_)
    by_team.push_back(requirement_cohort_status(team->participants(), 0, day_of(report.requirements_from),
                                                day_of(report.requirements_to), day_of(report.status_on)));
  cohort_ = std::move(by_team);
}

void InterventionRecorder::take_si_cohort_status() {
  std::vector<SiCohortCounts> by_team;
  for (const InterventionsTeam* team : teams_)
    by_team.push_back(si_cohort_counts(*team, scenario_.interventions.si_cohort_report, scenario_.window));
  si_cohort_ = std::move(by_team);
}
}  // namespace probsim
