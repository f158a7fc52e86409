#include "caseload/allocation_rule.hpp"

#include <algorithm>

#include "core/random_stream.hpp"

namespace probsim {

bool AllocationRule::allows(RoshLevel rosh, Grade grade) const {
  const auto& grades = eligible_grades_by_rosh[static_cast<std::size_t>(rosh)];
  return std::find(grades.begin(), grades.end(), grade) != grades.end();
}

bool AllocationRule::allocated_as_complex(const Case& c, std::uint64_t replication_seed) const {
  if (!c.domestic_abuse_flag || domestic_abuse.share_allocated_as_complex <= 0.0) return false;
  RandomStream draw(replication_seed, stream::kComplexAllocation, c.id);
  return draw.uniform01() < domestic_abuse.share_allocated_as_complex;
}

PractitionerIndex AllocationRule::choose(const Case& c, std::span<const Practitioner> practitioners) const {
  return choose(c, practitioners, CaseManagementTeams{});
}

PractitionerIndex AllocationRule::choose(const Case& c, std::span<const Practitioner> practitioners,
                                         const CaseManagementTeams& teams,
                                         std::uint64_t replication_seed) const {
  const std::uint32_t team = teams.team_of_case(c.id);
  // The case's eligible grades as a bit set, once per call: this loop is the hottest in the model.
  unsigned eligible = 0;
  for (Grade grade : eligible_grades_by_rosh[static_cast<std::size_t>(c.rosh)])
    eligible |= 1u << static_cast<unsigned>(grade);
  // A DA case allocated as complex: its complex grades that RoSH allows, before the others.
  unsigned preferred = 0;
  if (allocated_as_complex(c, replication_seed))
    for (Grade grade : domestic_abuse.complex_grades)
      preferred |= eligible & (1u << static_cast<unsigned>(grade));
  auto least_loaded_of = [&](unsigned grades, bool team_only) {
    PractitionerIndex best = kUnallocated;
    double best_load = 0.0;
    for (std::size_t i = 0; i < practitioners.size(); ++i) {
      const Practitioner& p = practitioners[i];
      if (!p.can_take_cases()) continue;
      if (team_only && teams.team_of_practitioner(static_cast<PractitionerIndex>(i)) != team) continue;
      if ((grades & (1u << static_cast<unsigned>(p.grade))) == 0) continue;
      const double load = p.rules_workload_pct();
      if (best == kUnallocated || load < best_load) {
        best = static_cast<PractitionerIndex>(i);
        best_load = load;
      }
    }
    return best;
  };
  // The team covering where the person lives first (its complex grades, then its eligible ones), then
  // the whole PDU the same way, then, if the rule allows, any case-holding grade.
  constexpr unsigned kAnyGrade = ~0u;
  PractitionerIndex chosen = kUnallocated;
  if (teams.count > 1 && preferred != 0) chosen = least_loaded_of(preferred, true);
  if (chosen == kUnallocated && teams.count > 1) chosen = least_loaded_of(eligible, true);
  if (chosen == kUnallocated && preferred != 0) chosen = least_loaded_of(preferred, false);
  if (chosen == kUnallocated) chosen = least_loaded_of(eligible, false);
  if (chosen == kUnallocated && fall_back_to_any_grade) chosen = least_loaded_of(kAnyGrade, false);
  return chosen;
}

}  // namespace probsim
