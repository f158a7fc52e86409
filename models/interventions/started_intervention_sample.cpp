#include "interventions/started_intervention_sample.hpp"

#include "interventions/interventions_team.hpp"

namespace probsim {

std::vector<StartedInterventionSampleCounts> count_started_intervention_sample(const InterventionsTeam& team,
                                                                               Day day) {
  std::vector<StartedInterventionSampleCounts> by_office(team.office_count());
  for (const Participant& p : team.participants()) {
    if (!p.started || p.start_day == kNoDay) continue;
    const Day age = day - p.start_day;
    if (age < kInterventionSampleMinStartAgeDays || age > kInterventionSampleMaxStartAgeDays) continue;
    StartedInterventionSampleCounts& n = by_office.at(p.office);
    n.starts += 1;
    n.bbr_starts += p.programme == 0 ? 1 : 0;
    n.second_starts += p.restarts > 0 ? 1 : 0;
    const bool completion_recorded =
        p.state == ParticipantState::completed &&
        (p.completion_recorded_day == kNoDay || p.completion_recorded_day <= day);
    if (completion_recorded)
      n.completed += 1;
    else if (is_final(p.state) && p.state != ParticipantState::completed)
      n.ended += 1;
    else
      n.in_programme += 1;
  }
  return by_office;
}

}  // namespace probsim
