#pragma once
// The structured interventions' referrals and completions over a stretch of dates
// (`interventions.si_cohort_report`), as HMIP published them for 1 April 2022 - 13 February 2023
// (SI-6, calibration target CT-6; docs/validation/09-bbr-delivery.md §9.7). Two readings, both reported, per
// programme and for all SIs together:
//   cohort  the requirements (referrals) made from requirements_from to requirements_to, and of them
//           those completed by the end of status_on (si_cohort_requirements, si_cohort_completed);
//   period  every completion recorded from requirements_from to status_on, whenever its referral was
//           made (si_period_completions): "completions in the window" read as a count of events.
// The referrals are the same in both readings (a referral is counted on its requirement day).

#include <optional>
#include <string>
#include <vector>

#include "interventions/interventions_team.hpp"
#include "output/replication_result.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

struct SiCohortCounts {
  // By structured intervention, in the order of `interventions.structured_interventions`.
  std::vector<std::int64_t> requirements;
  std::vector<std::int64_t> completed;           // of `requirements`, completed by status_on
  std::vector<std::int64_t> period_completions;  // completions recorded in [requirements_from, status_on]
};

// Read from the team's participants as they are at the end of `report.status_on`.
[[nodiscard]] SiCohortCounts si_cohort_counts(const InterventionsTeam& team, const BbrCohortReport& report,
                                              const SimulationWindow& window);

// The si_cohort_* and si_period_completions KPIs of the teams `units` (indices into `by_team`), as
// `level`/`unit`: all SIs together, then `_<programme name>` for each.
void add_si_cohort_kpis(const std::optional<std::vector<SiCohortCounts>>& by_team,
                        const std::vector<std::size_t>& units, const std::vector<ProgrammeRules>& programmes,
                        const std::string& level, const std::string& unit, std::vector<Kpi>& kpis);

}  // namespace probsim
