// The interventions recorder's KPIs over the window: national, by interventions team, and by PDU where a
// man's PDU is known.
#include <algorithm>

#include "output/intervention_flows.hpp"
#include "output/intervention_recorder.hpp"
#include "output/metric_names.hpp"

namespace probsim {

using namespace intervention_flows;

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
    std::int64_t requirements = 0, waiting = 0, waiting_over_52_weeks = 0, waiting_past_renege = 0;
    for (const Participant& p : teams_[t]->participants()) {
      if (p.office != k || p.programme != 0) continue;
      if (p.requirement_day >= first && p.requirement_day <= last) ++requirements;
      if (is_waiting_to_start(p.state)) {
        ++waiting;
        if (last - p.requirement_day > kOneYearOfWaitingDays) ++waiting_over_52_weeks;
        if (teams_[t]->past_renege(p, last)) ++waiting_past_renege;
      }
    }
    kpis.push_back(Kpi{metric_name::bbr_requirements, static_cast<double>(requirements), "pdu", pdu});
    kpis.push_back(Kpi{metric_name::bbr_waiting_list_end, static_cast<double>(waiting), "pdu", pdu});
    kpis.push_back(Kpi{metric_name::bbr_waiting_over_52_weeks_end, static_cast<double>(waiting_over_52_weeks),
                       "pdu", pdu});
    kpis.push_back(
        Kpi{metric_name::bbr_waiting_past_renege_end, static_cast<double>(waiting_past_renege), "pdu", pdu});
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
  kpi(metric_name::bbr_requirements, static_cast<double>(w.bbr.requirements));
  kpi(metric_name::bbr_starts, static_cast<double>(w.bbr.starts));
  kpi(metric_name::bbr_completions, static_cast<double>(w.bbr.completions));
  kpi(metric_name::bbr_waiting_list_end, static_cast<double>(w.bbr_waiting));
  kpi(metric_name::bbr_wait_weeks_mean, mean_of(w.bbr_wait_weeks));
  kpi(metric_name::bbr_wait_weeks_p50, quantile_of(w.bbr_wait_weeks, 0.5));
  kpi(metric_name::bbr_wait_weeks_p90, quantile_of(w.bbr_wait_weeks, 0.9));
  kpi(metric_name::bbr_waiting_over_52_weeks_end, static_cast<double>(w.bbr_waiting_over_52_weeks));
  kpi(metric_name::bbr_waiting_past_renege_end, static_cast<double>(w.bbr_waiting_past_renege));
  kpi(metric_name::bbr_exits_before_start, static_cast<double>(w.bbr.exits_before_start_total()));
  for (std::size_t r = 0; r < kTerminationReasonNames.size(); ++r)
    kpi(metric_name::bbr_exits_before_start_by_reason(kTerminationReasonNames[r]),
        static_cast<double>(w.bbr.exits_before_start[r]));
  kpi(metric_name::bbr_ended_after_start, static_cast<double>(w.bbr.ended_after_start_total()));
  kpi(metric_name::bbr_removed_non_attendance, static_cast<double>(w.bbr.removals_non_attendance));
  kpi(metric_name::bbr_breaches_after_removal, static_cast<double>(w.bbr.breaches_after_removal));
  kpi(metric_name::bbr_orders_ended_on_breach, static_cast<double>(w.bbr.orders_ended_on_breach));
  kpi(metric_name::bbr_requirements_ended_on_breach, static_cast<double>(w.bbr.requirements_ended_on_breach));
  kpi(metric_name::bbr_completed_share_of_ended,
      ratio(static_cast<double>(w.bbr.completions), static_cast<double>(ended(w.bbr))));
  // CT-14 (PUB-7): of the requirements whose order ended successfully in the window, the share started.
  kpi(metric_name::bbr_orders_ended_successfully, static_cast<double>(w.bbr.orders_ended_successfully));
  kpi(metric_name::bbr_orders_ended_successfully_started,
      static_cast<double>(w.bbr.orders_ended_successfully_started));
  kpi(metric_name::bbr_orders_ended_successfully_started_share,
      ratio(static_cast<double>(w.bbr.orders_ended_successfully_started),
            static_cast<double>(w.bbr.orders_ended_successfully)));
  kpi(metric_name::bbr_groups_run, static_cast<double>(w.bbr.groups_started));
  kpi(metric_name::bbr_group_fill_mean, ratio(static_cast<double>(w.bbr.group_session_places_filled),
                                              static_cast<double>(w.bbr.group_session_places_offered)));
  // Group sessions each member attended or missed: the totals of events.csv's session rows.
  kpi(metric_name::bbr_sessions_attended, static_cast<double>(w.bbr.sessions_attended));
  kpi(metric_name::bbr_sessions_missed, static_cast<double>(w.bbr.sessions_missed));
  kpi(metric_name::bbr_sessions_cancelled_rag,
      static_cast<double>(w.bbr.sessions_cancelled_rag + w.si.sessions_cancelled_rag));
  // The delivery mechanisms of `interventions.delivery` (issue 18): all programmes' group sessions.
  kpi(metric_name::group_sessions_cancelled_absence,
      static_cast<double>(w.bbr.sessions_cancelled_absence + w.si.sessions_cancelled_absence));
  kpi(metric_name::group_sessions_cancelled_holiday,
      static_cast<double>(w.bbr.sessions_cancelled_holiday + w.si.sessions_cancelled_holiday));
  kpi(metric_name::bbr_pre_group_starts, static_cast<double>(w.bbr.pre_group_starts));
  kpi(metric_name::facilitator_utilisation,
      ratio(w.team.facilitator_hours_used, w.team.facilitator_hours_available));
  kpi(metric_name::si_requirements, static_cast<double>(w.si.requirements));
  kpi(metric_name::si_starts, static_cast<double>(w.si.starts));
  kpi(metric_name::si_completions, static_cast<double>(w.si.completions));
  kpi(metric_name::si_sessions_attended, static_cast<double>(w.si.sessions_attended));
  kpi(metric_name::si_sessions_missed, static_cast<double>(w.si.sessions_missed));
  if (national)
    kpi(metric_name::srt_sessions,
        static_cast<double>(toolkit_sessions_delivered() - toolkit_sessions_at_window_open_));
  kpi(metric_name::diverted_from_bbr, static_cast<double>(w.team.diverted_from_bbr));
  kpi(metric_name::daso_referrals, static_cast<double>(w.team.daso_referrals));
  kpi(metric_name::daso_first_contacts, static_cast<double>(w.team.daso_first_contacts));
  kpi(metric_name::daso_declined, static_cast<double>(w.team.daso_declined));
  kpi(metric_name::daso_contact_delay_days_mean, mean_of(w.daso_delay_days));
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
    kpi(metric_name::bbr_cohort_requirements, n(c.requirements));
    kpi(metric_name::bbr_cohort_commenced, n(c.commenced));
    kpi(metric_name::bbr_cohort_waiting, n(c.waiting));
    kpi(metric_name::bbr_cohort_ended_before_start, n(c.ended_before_start));
    kpi(metric_name::bbr_cohort_commenced_share, ratio(n(c.commenced), n(c.requirements)));
    kpi(metric_name::bbr_cohort_waiting_share, ratio(n(c.waiting), n(c.requirements)));
    kpi(metric_name::bbr_cohort_ended_before_start_share, ratio(n(c.ended_before_start), n(c.requirements)));
    kpi(metric_name::bbr_cohort_waiting_over_52_weeks, n(c.waiting_over_52_weeks));
    kpi(metric_name::bbr_cohort_waiting_over_52_weeks_share, ratio(n(c.waiting_over_52_weeks), n(c.waiting)));
    kpi(metric_name::bbr_cohort_starters_exited, n(c.starters_exited));
    kpi(metric_name::bbr_cohort_starters_exited_share, ratio(n(c.starters_exited), n(c.commenced)));
    kpi(metric_name::bbr_cohort_starters_completed, n(c.starters_completed));
    // BBRN-7's 187 of 3,287 starters: completions as a share of all starters (censored, 5.7%).
    kpi(metric_name::bbr_cohort_starters_completed_share, ratio(n(c.starters_completed), n(c.commenced)));
    kpi(metric_name::bbr_cohort_starters_revoked, n(c.starters_revoked));
    kpi(metric_name::bbr_cohort_starters_activated, n(c.starters_activated));
    kpi(metric_name::bbr_cohort_starters_other, n(c.starters_other));
    kpi(metric_name::bbr_cohort_exited_completed_share, ratio(n(c.starters_completed), n(c.starters_exited)));
    kpi(metric_name::bbr_cohort_exited_revoked_share, ratio(n(c.starters_revoked), n(c.starters_exited)));
    kpi(metric_name::bbr_cohort_exited_activated_share, ratio(n(c.starters_activated), n(c.starters_exited)));
    kpi(metric_name::bbr_cohort_exited_other_share, ratio(n(c.starters_other), n(c.starters_exited)));
    kpi(metric_name::bbr_cohort_starters_order_ended, n(c.starters_order_ended));
    kpi(metric_name::bbr_cohort_starters_order_ended_share, ratio(n(c.starters_order_ended), n(c.commenced)));
    kpi(metric_name::bbr_cohort_order_ended_completed, n(c.order_ended_completed));
    kpi(metric_name::bbr_cohort_order_ended_revoked, n(c.order_ended_revoked));
    kpi(metric_name::bbr_cohort_order_ended_activated, n(c.order_ended_activated));
    kpi(metric_name::bbr_cohort_order_ended_other, n(c.order_ended_other));
    kpi(metric_name::bbr_cohort_order_ended_completed_share,
        ratio(n(c.order_ended_completed), n(c.starters_order_ended)));
    kpi(metric_name::bbr_cohort_order_ended_revoked_share,
        ratio(n(c.order_ended_revoked), n(c.starters_order_ended)));
    kpi(metric_name::bbr_cohort_order_ended_activated_share,
        ratio(n(c.order_ended_activated), n(c.starters_order_ended)));
    kpi(metric_name::bbr_cohort_order_ended_other_share,
        ratio(n(c.order_ended_other), n(c.starters_order_ended)));
  }
}

}  // namespace probsim
