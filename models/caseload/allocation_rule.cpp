#include "caseload/allocation_rule.hpp"

#include <algorithm>

namespace probsim {

bool AllocationRule::allows(RoshLevel rosh, Grade grade) const {
  const auto& grades = eligible_grades_by_rosh[static_cast<std::size_t>(rosh)];
  return std::find(grades.begin(), grades.end(), grade) != grades.end();
}

PractitionerIndex AllocationRule::choose(const Case& c, std::span<const Practitioner> practitioners) const {
  return choose(c, practitioners, CaseManagementTeams{});
}

PractitionerIndex AllocationRule::choose(const Case& c, std::span<const Practitioner> practitioners,
                                         const CaseManagementTeams& teams) const {
  const std::uint32_t team = teams.team_of_case(c.id);
  // The case's eligible grades as a bit set, once per call: this loop is the hottest in the model.
  unsigned eligible = 0;
  for (Grade grade : eligible_grades_by_rosh[static_cast<std::size_t>(c.rosh)])
    eligible |= 1u << static_cast<unsigned>(grade);
  auto least_loaded = [&](bool grade_must_be_eligible, bool team_only) {
    PractitionerIndex best = kUnallocated;
    double best_load = 0.0;
    for (std::size_t i = 0; i < practitioners.size(); ++i) {
      const Practitioner& p = practitioners[i];
      if (!p.can_take_cases()) continue;
      if (team_only && teams.team_of_practitioner(static_cast<PractitionerIndex>(i)) != team) continue;
      if (grade_must_be_eligible && (eligible & (1u << static_cast<unsigned>(p.grade))) == 0) continue;
      const double load = p.rules_workload_pct();
      if (best == kUnallocated || load < best_load) {
        best = static_cast<PractitionerIndex>(i);
        best_load = load;
      }
    }
    return best;
  };
  PractitionerIndex chosen = kUnallocated;
  if (teams.count > 1) chosen = least_loaded(true, true);
  if (chosen == kUnallocated) chosen = least_loaded(true, false);
  if (chosen == kUnallocated && fall_back_to_any_grade) chosen = least_loaded(false, false);
  return chosen;
}

}  // namespace probsim
