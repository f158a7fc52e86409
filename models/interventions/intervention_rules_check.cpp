// InterventionRules::check: the parts' own checks, in the order the scenario file's keys have them,
// and the rules between parts.

#include <string>

#include "interventions/intervention_rules.hpp"

namespace probsim {

RuleProblems InterventionRules::check_routing_targets() const {
  if (!structured_interventions.empty() || routing.sara_low_structured_intervention_share <= 0.0) return {};
  return {{"routing.sara_low_structured_intervention_share",
           "refers SARA-low cases to structured interventions, but interventions.structured_interventions "
           "lists none: add them or set this share to 0"}};
}

RuleProblems InterventionRules::check(const SimulationWindow& window) const {
  RuleProblems problems;
  add_problems(problems, "bbr.priority_order", check_waiting_list_order(bbr_priority_order));
  add_problems(problems, "routing", routing.check());
  add_problems(problems, "bbr", bbr.check());
  const auto programme_key = [](std::size_t i) {
    return "structured_interventions[" + std::to_string(i) + "]";
  };
  for (std::size_t i = 0; i < structured_interventions.size(); ++i)
    add_problems(problems, programme_key(i), structured_interventions[i].check());
  add_problems(problems, "bbr.removal_enforcement.weeks_to_outcome",
               bbr.removal_enforcement.weeks_to_outcome.check());
  for (std::size_t i = 0; i < structured_interventions.size(); ++i)
    add_problems(problems, programme_key(i) + ".removal_enforcement.weeks_to_outcome",
                 structured_interventions[i].removal_enforcement.weeks_to_outcome.check());
  add_problems(problems, "readiness_delay_weeks", readiness.check());
  add_problems(problems, "delivery", delivery.check());
  if (enabled) add_problems(problems, "", check_routing_targets());
  if (cohort_report.enabled) add_problems(problems, "cohort_report", cohort_report.check(window));
  if (si_cohort_report.enabled) add_problems(problems, "si_cohort_report", si_cohort_report.check(window));
  return problems;
}

}  // namespace probsim
