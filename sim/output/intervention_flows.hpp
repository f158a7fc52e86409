#pragma once
// What one or more interventions teams did between two snapshots of their counters (a month, the window),
// summed over teams: the figures the interventions recorder writes as series (intervention_recorder.cpp)
// and as KPIs (intervention_recorder_kpis.cpp).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "interventions/interventions_team.hpp"

namespace probsim::intervention_flows {

inline constexpr Day kOneYearOfWaitingDays = 52 * 7;  // BBRN-5: "waited more than 52 weeks"

// What happened between two snapshots of one or more teams, summed.
struct InterventionFlows {
  ProgrammeCounters bbr;
  ProgrammeCounters si;  // all structured interventions together
  TeamCounters team;
  std::vector<double> bbr_wait_weeks;
  std::vector<double> daso_delay_days;
  // Stocks at the end.
  std::int64_t bbr_waiting = 0, bbr_waiting_over_52_weeks = 0, bbr_attending = 0, si_waiting = 0;
  std::int64_t bbr_awaiting_group = 0;       // recorded as started at the pre-group session, no place yet
  std::int64_t bbr_waiting_past_renege = 0;  // of bbr_waiting, too little of the order left to start (G-13)
  std::vector<double> bbr_list_age_weeks;    // of each man on the BBR list (not started), at the end
};

[[nodiscard]] double ratio(double part, double whole);
// The requirements that reached a final state: the denominator of bbr_completed_share_of_ended.
[[nodiscard]] std::int64_t ended(const ProgrammeCounters& c);
[[nodiscard]] double quantile_of(std::vector<double> values, double q);
[[nodiscard]] double mean_of(const std::vector<double>& values);
void add_flows(InterventionFlows& into, const InterventionFlows& f);
// The team's flows since the counters and positions given, and its stocks at `now`.
[[nodiscard]] InterventionFlows flows_since(const InterventionsTeam& team,
                                            const std::vector<ProgrammeCounters>& programmes,
                                            const TeamCounters& team_then,
                                            const std::vector<std::size_t>& starts_seen,
                                            std::size_t daso_seen, Day now);

}  // namespace probsim::intervention_flows
