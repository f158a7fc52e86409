#include "output/intervention_flows.hpp"

#include <algorithm>

#include "output/summary_statistics.hpp"

namespace probsim::intervention_flows {

double ratio(double part, double whole) {
  return whole > 0.0 ? part / whole : 0.0;
}

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
  into.bbr_waiting_past_renege += f.bbr_waiting_past_renege;
  into.bbr_list_age_weeks.insert(into.bbr_list_age_weeks.end(), f.bbr_list_age_weeks.begin(),
                                 f.bbr_list_age_weeks.end());
  into.si_waiting += f.si_waiting;
}

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
    if (is_waiting_to_start(p.state)) {
      f.bbr_list_age_weeks.push_back(static_cast<double>(now - p.requirement_day) / 7.0);
      if (team.past_renege(p, now)) f.bbr_waiting_past_renege += 1;
    }
    if (p.state == ParticipantState::awaiting_group) f.bbr_awaiting_group += 1;
  }
  for (std::uint32_t p = 1; p < team.programme_count(); ++p) f.si_waiting += team.waiting_to_start(p);
  return f;
}

}  // namespace probsim::intervention_flows
