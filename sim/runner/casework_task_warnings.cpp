#include "runner/casework_task_warnings.hpp"

#include <algorithm>

#include "output/csv.hpp"

namespace probsim {

namespace {

// Whether the scenario's settings can create a task of `kind` at all (hours set, and the block that makes
// it on). The toolkit's sessions depend on the interventions' routing, so they count as possible.
bool can_create(const Scenario& s, TaskKind kind) {
  const SentenceManagementRules& r = s.caseload.sentence_management;
  switch (kind) {
    case TaskKind::initial_assessment:
      return r.initial_assessment.hours > 0.0;
    case TaskKind::sara:
      return r.sara.hours > 0.0;
    case TaskKind::home_visit:
      return r.home_visit.hours > 0.0;
    case TaskKind::contact:
      return r.contacts.hours_face_to_face > 0.0 || r.contacts.hours_remote > 0.0;
    case TaskKind::periodic_review:
      return r.periodic_review.hours > 0.0;
    case TaskKind::event_review:
      return r.event_review.hours > 0.0 && r.event_review.hazard_per_year > 0.0;
    case TaskKind::termination:
      return r.termination.hours > 0.0;
    case TaskKind::court_report:
      return r.court_reports.hours > 0.0 && r.court_reports.per_week_per_100_cases > 0.0;
    case TaskKind::toolkit_session:
      return true;
    case TaskKind::absence_judgement:
    case TaskKind::breach_action:
      return r.enforcement.enabled;
    case TaskKind::risk_management_plan:
      return r.risk_management_plan.enabled();  // levels: never empty
  }
  return true;
}

}  // namespace

std::vector<std::string> casework_task_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  // A task kind listed as mandated or deferrable that the scenario never creates: probably a block left
  // out (e.g. `risk_management_plan` listed without its settings), and the list then means nothing.
  const SentenceManagementRules& sm = s.caseload.sentence_management;
  for (std::size_t k = 0; sm.enabled && k < kTaskKindCount; ++k) {
    const auto kind = static_cast<TaskKind>(k);
    if (can_create(s, kind)) continue;
    for (const auto& [listed, key] :
         {std::pair{sm.mandated[k], "sentence_management.mandated_tasks"},
          std::pair{sm.overload_triage.applies_to[k], "sentence_management.overload_triage.tasks"},
          std::pair{sm.judgement_under_revised_measures.applies_to[k],
                    "sentence_management.judgement_under_revised_measures.tasks"}})
      if (listed)
        warnings.push_back(std::string(key) + " lists " + std::string(to_string(kind)) +
                           ", but the scenario creates no such task (its hours, rate or block are not set), "
                           "so the entry has no effect.");
  }

  // RAG-13's judgement acts only while a PDU is amber or red, and only on the kinds listed: a probability
  // above 0 with neither has no effect (a probability of 0 with kinds listed is the shipped, off state).
  const JudgementUnderRevisedMeasures& judgement = sm.judgement_under_revised_measures;
  if (sm.enabled && judgement.enabled && judgement.set_aside_probability > 0.0) {
    const std::string key = "sentence_management.judgement_under_revised_measures.set_aside_probability";
    if (std::none_of(judgement.applies_to.begin(), judgement.applies_to.end(), [](bool b) { return b; }))
      warnings.push_back(key + " is " + format_number(judgement.set_aside_probability) +
                         ", but its tasks list is empty, so no task is ever set aside. List the kinds "
                         "(e.g. [sara, home_visit]) or set it to 0.");
    else if (!s.caseload.prioritisation.enabled)
      warnings.push_back(key + " is " + format_number(judgement.set_aside_probability) +
                         ", but prioritisation.enabled is false: every PDU stays green, revised measures are "
                         "never in force, and no task is ever set aside. Set prioritisation.enabled: true.");
  }
  return warnings;
}

}  // namespace probsim
