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

std::vector<std::string> Scenario::pdu_names() const {
  std::vector<std::string> names;
  for (const auto& region : regions)
    for (const auto& pdu : region.pdus) names.push_back(pdu.name);
  return names;
}

RuleProblems Scenario::check() const {
  RuleProblems problems;
  add_problems(problems, "simulation", window.check());
  add_problems(problems, "case_mix", caseload.case_mix.check());
  // A region's override is held by each of its PDUs, so it is checked at them.
  for (std::size_t r = 0; r < regions.size(); ++r)
    for (std::size_t p = 0; p < regions[r].pdus.size(); ++p)
      if (const auto& mix = regions[r].pdus[p].case_mix)
        add_problems(problems, "regions[" + std::to_string(r) + "].pdus[" + std::to_string(p) + "].case_mix",
                     mix->check());
  // A licence case held before release is counted at the custody row's points (WMT-1).
  if (caseload.allocation.licence_allocated_before_release_weeks > 0 && !caseload.workload.has_custody_points)
    problems.push_back({"allocation.licence_allocated_before_release_weeks",
                        "needs workload.points_per_case_per_week.custody (WMT-1's custody row)"});
  add_problems(problems, "workforce", workforce.check());
  const SentenceManagementRules& sm = caseload.sentence_management;
  add_problems(problems, "sentence_management.contacts", sm.contacts.check());
  add_problems(problems, "sentence_management.overload_triage", sm.overload_triage.check());
  add_problems(problems, "sentence_management.judgement_under_revised_measures",
               sm.judgement_under_revised_measures.check());
  if (sm.enforcement.enabled && !sm.enabled)
    problems.push_back({"enforcement", "needs a sentence_management block: appointments are its contacts"});
  add_problems(problems, "enforcement", sm.enforcement.check());
  add_problems(problems, "prioritisation", caseload.prioritisation.thresholds.check());
  add_problems(problems, "prioritisation",
               check_rag_overrides(caseload.prioritisation.overrides, pdu_names()));
  add_problems(problems, "staffing_plan", staffing_plan.check(window));
  add_problems(problems, "interventions", interventions.check(window));
  return problems;
}

}  // namespace probsim
