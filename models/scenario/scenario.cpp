#include "scenario/scenario.hpp"

#include <algorithm>
#include <string>

namespace probsim {

Day Scenario::longest_sentence_days() const {
  double longest_months = 0.0;
  for (const auto& length : caseload.case_mix.sentence_length_months)
    longest_months = std::max(longest_months, length.max());
  for (const auto& region : regions)
    for (const auto& pdu : region.pdus)
      if (pdu.case_mix)
        for (const auto& length : pdu.case_mix->sentence_length_months)
          longest_months = std::max(longest_months, length.max());
  return months_to_days(longest_months) + 1;
}

RuleProblems Scenario::check() const {
  RuleProblems problems;
  const SentenceManagementRules& sm = caseload.sentence_management;
  add_problems(problems, "sentence_management.contacts", sm.contacts.check());
  add_problems(problems, "sentence_management.overload_triage", sm.overload_triage.check());
  if (sm.enforcement.enabled && !sm.enabled)
    problems.push_back({"enforcement", "needs a sentence_management block: appointments are its contacts"});
  add_problems(problems, "enforcement", sm.enforcement.check());
  add_problems(problems, "prioritisation", caseload.prioritisation.thresholds.check());
  add_problems(problems, "interventions.bbr.priority_order",
               check_waiting_list_order(interventions.bbr_priority_order));
  add_problems(problems, "interventions.routing", interventions.routing.check());
  add_problems(problems, "interventions.bbr", interventions.bbr.check());
  for (std::size_t i = 0; i < interventions.structured_interventions.size(); ++i)
    add_problems(problems, "interventions.structured_interventions[" + std::to_string(i) + "]",
                 interventions.structured_interventions[i].check());
  add_problems(problems, "interventions.bbr.removal_enforcement.weeks_to_outcome",
               interventions.bbr.removal_enforcement.weeks_to_outcome.check());
  for (std::size_t i = 0; i < interventions.structured_interventions.size(); ++i)
    add_problems(problems,
                 "interventions.structured_interventions[" + std::to_string(i) +
                     "].removal_enforcement.weeks_to_outcome",
                 interventions.structured_interventions[i].removal_enforcement.weeks_to_outcome.check());
  add_problems(problems, "interventions.readiness_delay_weeks", interventions.readiness.check());
  return problems;
}

}  // namespace probsim
