#include "output/intervention_recorder.hpp"

#include <algorithm>

#include "output/metric_names.hpp"
#include "output/summary_statistics.hpp"

namespace probsim {

namespace {

constexpr Day kOneYearOfWaitingDays = 52 * 7;  // BBRN-5: "waited more than 52 weeks"

double ratio(double part, double whole) {
  return whole > 0.0 ? part / whole : 0.0;
}

// What happened between two snapshots of one or more teams, summed.
struct InterventionFlows {
  ProgrammeCounters bbr;
  ProgrammeCounters si;  // all structured interventions together
  TeamCounters team;
  std::vector<double> bbr_wait_weeks;
  std::vector<double> daso_delay_days;
  // Stocks at the end.
  std::int64_t bbr_waiting = 0, bbr_waiting_over_52_weeks = 0, bbr_attending = 0, si_waiting = 0;
  std::int64_t bbr_awaiting_group = 0;     // recorded as started at the pre-group session, no place yet
  std::vector<double> bbr_list_age_weeks;  // of each man on the BBR list (not started), at the end
};

// The requirements that reached a final state: the denominator of bbr_completed_share_of_ended.
std::int64_t ended(const ProgrammeCounters& c) {
  return c.completions + c.exits_before_start_total() + c.ended_after_start_total() + c.removed_out +
         c.diverted;
}

double quantile_of(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  return quantile_sorted(values, q);
}

double mean_of(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

void add_flows(InterventionFlows& into, const InterventionFlows& f) {
  into.bbr += f.bbr;
  into.si += f.si;
  into.team += f.team;
  into.bbr_wait_weeks.insert(into.bbr_wait_weeks.end(), f.bbr_wait_weeks.begin(), f.bbr_wait_weeks.end());
  into.daso_delay_days.insert(into.daso_delay_days.end(), f.daso_delay_days.begin(), f.daso_delay_days.end());
  into.bbr_waiting += f.bbr_waiting;
  into.bbr_waiting_over_52_weeks += f.bbr_waiting_over_52_weeks;
  into.bbr_attending += f.bbr_attending;
  into.bbr_awaiting_group += f.bbr_awaiting_group;
  into.bbr_list_age_weeks.insert(into.bbr_list_age_weeks.end(), f.bbr_list_age_weeks.begin(),
                                 f.bbr_list_age_weeks.end());
  into.si_waiting += f.si_waiting;
}

}  // namespace

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

InterventionFlows flows_since(const InterventionsTeam& team, const std::vector<ProgrammeCounters>& programmes,
                              const TeamCounters& team_then, const std::vector<std::size_t>& starts_seen,
                              std::size_t daso_seen, Day now) {
  InterventionFlows f;
  (f.bbr = team.counters(0)) -= programmes[0];
  for (std::uint32_t p = 1; p < team.programme_count(); ++p) {
    ProgrammeCounters flow = team.counters(p);
    f.si += (flow -= programmes[p]);
  }
  (f.team = team.team_counters()) -= team_then;
  const auto& starts = team.starts(0);
  for (std::size_t i = starts_seen[0]; i < starts.size(); ++i)
    f.bbr_wait_weeks.push_back(static_cast<double>(starts[i].waited_days) / 7.0);
  const auto& contacts = team.daso_contacts();
  for (std::size_t i = daso_seen; i < contacts.size(); ++i)
    f.daso_delay_days.push_back(static_cast<double>(contacts[i].delay_days));
  f.bbr_waiting = team.waiting_to_start(0);
  f.bbr_waiting_over_52_weeks = team.waiting_longer_than(0, now, kOneYearOfWaitingDays);
  f.bbr_attending = team.attending(0);
  // The list's age (issue 18): how long each man not yet started has waited since his requirement.
  for (const Participant& p : team.participants()) {
    if (p.programme != 0) continue;
    if (is_waiting_to_start(p.state))
      f.bbr_list_age_weeks.push_back(static_cast<double>(now - p.requirement_day) / 7.0);
    if (p.state == ParticipantState::awaiting_group) f.bbr_awaiting_group += 1;
  }
  for (std::uint32_t p = 1; p < team.programme_count(); ++p) f.si_waiting += team.waiting_to_start(p);
  return f;
}

void add_rows(const std::string& date, const std::string& level, const std::string& unit,
              const InterventionFlows& f, ReplicationResult& result) {
  auto row = [&](const std::string& metric, double value) {
    result.add_row(date, level, unit, metric, value);
  };
  row("bbr_waiting_list", static_cast<double>(f.bbr_waiting));
  row("bbr_waiting_over_52_weeks", static_cast<double>(f.bbr_waiting_over_52_weeks));
  row("bbr_attending", static_cast<double>(f.bbr_attending));
  row("bbr_awaiting_group", static_cast<double>(f.bbr_awaiting_group));
  // Waiting-time percentiles (issue 18): of the list's age at the period's end, and of the waits of the
  // starts recorded in the period (requirement to recorded start); 0 when there are none.
  row("bbr_list_age_p50_weeks", quantile_of(f.bbr_list_age_weeks, 0.5));
  row("bbr_list_age_p90_weeks", quantile_of(f.bbr_list_age_weeks, 0.9));
  row("bbr_start_wait_p50_weeks", quantile_of(f.bbr_wait_weeks, 0.5));
  row("bbr_start_wait_p90_weeks", quantile_of(f.bbr_wait_weeks, 0.9));
  row("bbr_requirements", static_cast<double>(f.bbr.requirements));
  row("bbr_starts", static_cast<double>(f.bbr.starts));
  row("bbr_completions", static_cast<double>(f.bbr.completions));
  row("bbr_exits_before_start", static_cast<double>(f.bbr.exits_before_start_total()));
  for (std::size_t r = 0; r < kTerminationReasonNames.size(); ++r)
    row("bbr_exits_before_start_" + std::string(kTerminationReasonNames[r]),
        static_cast<double>(f.bbr.exits_before_start[r]));
  row("bbr_ended_after_start", static_cast<double>(f.bbr.ended_after_start_total()));
  row("bbr_removed_non_attendance", static_cast<double>(f.bbr.removals_non_attendance));
  row("bbr_diverted", static_cast<double>(f.bbr.diverted));
  row("si_waiting_list", static_cast<double>(f.si_waiting));
  row("si_starts", static_cast<double>(f.si.starts));
  row("si_completions", static_cast<double>(f.si.completions));
  row("facilitator_utilisation", ratio(f.team.facilitator_hours_used, f.team.facilitator_hours_available));
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

void InterventionRecorder::add_kpis(std::vector<Kpi>& kpis) const {
  std::vector<std::size_t> all;
  for (std::size_t t = 0; t < teams_.size(); ++t) all.push_back(t);
  add_kpis_of(all, "national", "national", kpis);
}

void InterventionRecorder::add_team_kpis(std::vector<Kpi>& kpis) const {
  for (std::size_t t = 0; t < teams_.size(); ++t) add_kpis_of({t}, "team", teams_[t]->name(), kpis);
}

void InterventionRecorder::add_pdu_kpis(std::size_t office, const std::string& pdu,
                                        std::vector<Kpi>& kpis) const {
  const auto& specs = scenario_.interventions_teams;
  for (std::size_t t = 0; t < teams_.size() && t < specs.size(); ++t) {
    const auto at = std::find(specs[t].pdus.begin(), specs[t].pdus.end(), office);
    if (at == specs[t].pdus.end()) continue;
    // The team's offices are its spec's PDUs in order (engine/replication.cpp), so this is its index.
    const auto k = static_cast<std::uint32_t>(at - specs[t].pdus.begin());
    const Day first = scenario_.window.first_report_day(), last = scenario_.window.last_day();
    std::int64_t requirements = 0, waiting = 0, waiting_over_52_weeks = 0;
    for (const Participant& p : teams_[t]->participants()) {
      if (p.office != k || p.programme != 0) continue;
      if (p.requirement_day >= first && p.requirement_day <= last) ++requirements;
      if (is_waiting_to_start(p.state)) {
        ++waiting;
        if (last - p.requirement_day > kOneYearOfWaitingDays) ++waiting_over_52_weeks;
      }
    }
    kpis.push_back(Kpi{"bbr_requirements", static_cast<double>(requirements), "pdu", pdu});
    kpis.push_back(Kpi{"bbr_waiting_list_end", static_cast<double>(waiting), "pdu", pdu});
    kpis.push_back(
        Kpi{"bbr_waiting_over_52_weeks_end", static_cast<double>(waiting_over_52_weeks), "pdu", pdu});
    return;
  }
}

void InterventionRecorder::add_kpis_of(const std::vector<std::size_t>& units, const std::string& level,
                                       const std::string& unit, std::vector<Kpi>& kpis) const {
  InterventionFlows w;
  for (const std::size_t t : units) {
    const Snapshot& open = at_window_open_[t];
    add_flows(w, flows_since(*teams_[t], open.programmes, open.team, open.starts_seen,
                             open.daso_contacts_seen, scenario_.window.last_day()));
  }
  const bool national = level == "national";
  auto kpi = [&](const std::string& name, double value) { kpis.push_back(Kpi{name, value, level, unit}); };
  kpi("bbr_requirements", static_cast<double>(w.bbr.requirements));
  kpi("bbr_starts", static_cast<double>(w.bbr.starts));
  kpi("bbr_completions", static_cast<double>(w.bbr.completions));
  kpi("bbr_waiting_list_end", static_cast<double>(w.bbr_waiting));
  kpi("bbr_wait_weeks_mean", mean_of(w.bbr_wait_weeks));
  kpi("bbr_wait_weeks_p50", quantile_of(w.bbr_wait_weeks, 0.5));
  kpi("bbr_wait_weeks_p90", quantile_of(w.bbr_wait_weeks, 0.9));
  kpi("bbr_waiting_over_52_weeks_end", static_cast<double>(w.bbr_waiting_over_52_weeks));
  kpi("bbr_exits_before_start", static_cast<double>(w.bbr.exits_before_start_total()));
  for (std::size_t r = 0; r < kTerminationReasonNames.size(); ++r)
    kpi("bbr_exits_before_start_" + std::string(kTerminationReasonNames[r]),
        static_cast<double>(w.bbr.exits_before_start[r]));
  kpi("bbr_ended_after_start", static_cast<double>(w.bbr.ended_after_start_total()));
  kpi("bbr_removed_non_attendance", static_cast<double>(w.bbr.removals_non_attendance));
  kpi("bbr_breaches_after_removal", static_cast<double>(w.bbr.breaches_after_removal));
  kpi("bbr_orders_ended_on_breach", static_cast<double>(w.bbr.orders_ended_on_breach));
  kpi("bbr_requirements_ended_on_breach", static_cast<double>(w.bbr.requirements_ended_on_breach));
  kpi("bbr_completed_share_of_ended",
      ratio(static_cast<double>(w.bbr.completions), static_cast<double>(ended(w.bbr))));
  kpi("bbr_groups_run", static_cast<double>(w.bbr.groups_started));
  kpi("bbr_group_fill_mean", ratio(static_cast<double>(w.bbr.group_session_places_filled),
                                   static_cast<double>(w.bbr.group_session_places_offered)));
  // Group sessions each member attended or missed: the totals of events.csv's session rows.
  kpi("bbr_sessions_attended", static_cast<double>(w.bbr.sessions_attended));
  kpi("bbr_sessions_missed", static_cast<double>(w.bbr.sessions_missed));
  kpi(metric_name::bbr_sessions_cancelled_rag,
      static_cast<double>(w.bbr.sessions_cancelled_rag + w.si.sessions_cancelled_rag));
  // The delivery mechanisms of `interventions.delivery` (issue 18): all programmes' group sessions.
  kpi("group_sessions_cancelled_absence",
      static_cast<double>(w.bbr.sessions_cancelled_absence + w.si.sessions_cancelled_absence));
  kpi("group_sessions_cancelled_holiday",
      static_cast<double>(w.bbr.sessions_cancelled_holiday + w.si.sessions_cancelled_holiday));
  kpi("bbr_pre_group_starts", static_cast<double>(w.bbr.pre_group_starts));
  kpi("facilitator_utilisation", ratio(w.team.facilitator_hours_used, w.team.facilitator_hours_available));
  kpi("si_requirements", static_cast<double>(w.si.requirements));
  kpi("si_starts", static_cast<double>(w.si.starts));
  kpi("si_completions", static_cast<double>(w.si.completions));
  kpi("si_sessions_attended", static_cast<double>(w.si.sessions_attended));
  kpi("si_sessions_missed", static_cast<double>(w.si.sessions_missed));
  if (national)
    kpi("srt_sessions", static_cast<double>(toolkit_sessions_delivered() - toolkit_sessions_at_window_open_));
  kpi("diverted_from_bbr", static_cast<double>(w.team.diverted_from_bbr));
  kpi("daso_referrals", static_cast<double>(w.team.daso_referrals));
  kpi("daso_first_contacts", static_cast<double>(w.team.daso_first_contacts));
  kpi("daso_declined", static_cast<double>(w.team.daso_declined));
  kpi("daso_contact_delay_days_mean", mean_of(w.daso_delay_days));
  if (scenario_.interventions.si_cohort_report.enabled)
    add_si_cohort_kpis(si_cohort_, units, scenario_.interventions.structured_interventions, level, unit,
                       kpis);
  if (scenario_.interventions.cohort_report.enabled) {
    // The status of the cohort of BBR requirements on the report's day (BBRN-1..7, CT-1..CT-4). The
    // status day is in the window, so it has been taken; the shares' denominators are in their names.
    RequirementCohortStatus c;
    if (cohort_)
      for (const std::size_t t : units) c += (*cohort_)[t];
    const auto n = [](std::int64_t v) { return static_cast<double>(v); };
    kpi("bbr_cohort_requirements", n(c.requirements));
    kpi("bbr_cohort_commenced", n(c.commenced));
    kpi("bbr_cohort_waiting", n(c.waiting));
    kpi("bbr_cohort_ended_before_start", n(c.ended_before_start));
    kpi("bbr_cohort_commenced_share", ratio(n(c.commenced), n(c.requirements)));
    kpi("bbr_cohort_waiting_share", ratio(n(c.waiting), n(c.requirements)));
    kpi("bbr_cohort_ended_before_start_share", ratio(n(c.ended_before_start), n(c.requirements)));
    kpi("bbr_cohort_waiting_over_52_weeks", n(c.waiting_over_52_weeks));
    kpi("bbr_cohort_waiting_over_52_weeks_share", ratio(n(c.waiting_over_52_weeks), n(c.waiting)));
    kpi("bbr_cohort_starters_exited", n(c.starters_exited));
    kpi("bbr_cohort_starters_exited_share", ratio(n(c.starters_exited), n(c.commenced)));
    kpi("bbr_cohort_starters_completed", n(c.starters_completed));
    // BBRN-7's 187 of 3,287 starters: completions as a share of all starters (censored, 5.7%).
    kpi("bbr_cohort_starters_completed_share", ratio(n(c.starters_completed), n(c.commenced)));
    kpi("bbr_cohort_starters_revoked", n(c.starters_revoked));
    kpi("bbr_cohort_starters_activated", n(c.starters_activated));
    kpi("bbr_cohort_starters_other", n(c.starters_other));
    kpi("bbr_cohort_exited_completed_share", ratio(n(c.starters_completed), n(c.starters_exited)));
    kpi("bbr_cohort_exited_revoked_share", ratio(n(c.starters_revoked), n(c.starters_exited)));
    kpi("bbr_cohort_exited_activated_share", ratio(n(c.starters_activated), n(c.starters_exited)));
    kpi("bbr_cohort_exited_other_share", ratio(n(c.starters_other), n(c.starters_exited)));
    kpi("bbr_cohort_starters_order_ended", n(c.starters_order_ended));
    kpi("bbr_cohort_starters_order_ended_share", ratio(n(c.starters_order_ended), n(c.commenced)));
    kpi("bbr_cohort_order_ended_completed", n(c.order_ended_completed));
    kpi("bbr_cohort_order_ended_revoked", n(c.order_ended_revoked));
    kpi("bbr_cohort_order_ended_activated", n(c.order_ended_activated));
    kpi("bbr_cohort_order_ended_other", n(c.order_ended_other));
    kpi("bbr_cohort_order_ended_completed_share",
        ratio(n(c.order_ended_completed), n(c.starters_order_ended)));
    kpi("bbr_cohort_order_ended_revoked_share", ratio(n(c.order_ended_revoked), n(c.starters_order_ended)));
    kpi("bbr_cohort_order_ended_activated_share",
        ratio(n(c.order_ended_activated), n(c.starters_order_ended)));
    kpi("bbr_cohort_order_ended_other_share", ratio(n(c.order_ended_other), n(c.starters_order_ended)));
  }
}

}  // namespace probsim
