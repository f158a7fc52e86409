#include "interventions/da_intervention_sample.hpp"

#include <unordered_map>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/da_case_task_counts.hpp"

namespace probsim {

namespace {

// What one case has had, over all its intervention records.
struct CaseInterventions {
  bool referred = false, started = false, completed = false;
  bool bbr_required = false, bbr_started = false, bbr_removed = false;
};

}  // namespace

std::vector<DaInterventionSampleCounts> count_da_intervention_sample(const InterventionsTeam& team, Day day) {
  std::unordered_map<CaseId, CaseInterventions> of_case;
  for (const Participant& p : team.participants()) {
    CaseInterventions& c = of_case[p.case_id];
    c.referred = true;
    c.started = c.started || p.started;
    c.completed = c.completed || p.state == ParticipantState::completed;
    if (p.programme == 0) {
      c.bbr_required = true;
      c.bbr_started = c.bbr_started || p.started;
      c.bbr_removed = c.bbr_removed || p.state == ParticipantState::removed ||
                      p.state == ParticipantState::diverted ||
                      (p.requirement_removed_day != kNoDay && p.requirement_removed_day <= day);
    }
  }
  const ToolkitDelivery& toolkit = team.toolkit();
  for (const ToolkitDelivery::ToolkitCourse& course : toolkit.courses()) {
    CaseInterventions& c = of_case[course.case_id];
    c.referred = true;
    c.started = c.started || course.sessions_requested > 0;
    c.completed = c.completed || toolkit.finished(course);
  }

  std::vector<DaInterventionSampleCounts> by_office(team.office_count());
  for (std::size_t o = 0; o < team.office_count(); ++o) {
    DaInterventionSampleCounts& n = by_office[o];
    team.office(o).casework().for_each_da_case([&](CaseId id, Day start) {
      const Day age = day - start;
      if (start < 0 || age < kMainSampleMinAgeDays || age > kMainSampleMaxAgeDays) return;
      n.da_cases += 1;
      const auto found = of_case.find(id);
      if (found == of_case.end()) return;
      const CaseInterventions& c = found->second;
      n.referred += c.referred ? 1 : 0;
      n.started += c.started ? 1 : 0;
      n.completed += c.completed ? 1 : 0;
      n.bbr_required += c.bbr_required ? 1 : 0;
      n.bbr_started += c.bbr_started ? 1 : 0;
      n.bbr_removed += c.bbr_removed ? 1 : 0;
    });
  }
  return by_office;
}

}  // namespace probsim
