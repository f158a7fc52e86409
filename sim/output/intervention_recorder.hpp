#pragma once
// Turns the interventions teams' counters and lists into the window's intervention KPIs and monthly
// time series (docs/reference/outputs.md), by team and nationally. The run recorder calls it at the
// same instants as for everything else.

#include <optional>
#include <vector>

#include "interventions/interventions_team.hpp"
#include "interventions/requirement_cohort.hpp"
#include "office/pdu_office.hpp"
#include "output/replication_result.hpp"
#include "output/si_cohort_kpis.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

class InterventionRecorder {
 public:
  InterventionRecorder(const Scenario& scenario, std::vector<const InterventionsTeam*> teams,
                       std::vector<const PduOffice*> offices);

  void open_window();
  // Rows for the period that ended on `last` (a simulation day) dated `date`.
  void close_period(const std::string& date, Day last, ReplicationResult& result);
  // At the end of `interventions.cohort_report.status_on`: the BBR cohort's status (summed over teams),
  // reported with the KPIs.
  void take_cohort_status();
  // At the end of `interventions.si_cohort_report.status_on` (sim/output/si_cohort_kpis.hpp).
  void take_si_cohort_status();
  void add_kpis(std::vector<Kpi>& kpis) const;       // national
  void add_team_kpis(std::vector<Kpi>& kpis) const;  // the same KPIs for each team (level "team")
  // The BBR KPIs that follow a man's PDU (his requirement records which office made it) for the PDU
  // at `office` (scenario order), named `pdu`: requirements made in the window, and the waiting list
  // at its end. Nothing when no team serves the PDU.
  void add_pdu_kpis(std::size_t office, const std::string& pdu, std::vector<Kpi>& kpis) const;

 private:
  struct Snapshot {  // one team's cumulative counters at an instant
    std::vector<ProgrammeCounters> programmes;
    TeamCounters team;
    std::vector<std::size_t> starts_seen;  // by programme
    std::size_t daso_contacts_seen = 0;
  };
  [[nodiscard]] Snapshot snapshot_of(const InterventionsTeam& team) const;
  [[nodiscard]] std::int64_t toolkit_sessions_delivered() const;
  // The window's KPIs of the teams `units` (indices into teams_), as `level`/`unit`. The SRT toolkit
  // sessions are delivered by PDU staff, not by a team, so they are national only.
  void add_kpis_of(const std::vector<std::size_t>& units, const std::string& level, const std::string& unit,
                   std::vector<Kpi>& kpis) const;

  const Scenario& scenario_;
  std::vector<const InterventionsTeam*> teams_;
  std::vector<const PduOffice*> offices_;
  std::vector<Snapshot> at_window_open_;
  std::vector<Snapshot> at_last_period_;
  std::int64_t toolkit_sessions_at_window_open_ = 0;
  std::int64_t toolkit_sessions_at_last_period_ = 0;
  std::optional<std::vector<RequirementCohortStatus>> cohort_;  // by team
  std::optional<std::vector<SiCohortCounts>> si_cohort_;        // by team
};

}  // namespace probsim
