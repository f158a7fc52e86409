#pragma once
// Which practitioner gets a new case: among the grades the rule allows for the case's RoSH level, the
// one with the lowest WMT workload % (ties to the lowest index, so the choice is deterministic). Only
// staff in post, of a case-holding grade, with capacity (not on long-term sickness) are considered.

#include <array>
#include <span>
#include <vector>

#include "caseload/case.hpp"
#include "caseload/case_management_teams.hpp"
#include "workforce/practitioner.hpp"

namespace probsim {

struct AllocationRule {
  // Grades that may hold a case, by RoSH level (4.3/4.4 in docs/sources.md: high/very high to POs).
  std::array<std::vector<Grade>, 4> eligible_grades_by_rosh;
  // With no eligible practitioner in post: true gives the case to the least-loaded practitioner of any
  // case-holding grade; false leaves it unallocated until an eligible one is in post.
  bool fall_back_to_any_grade = false;
  // Case holders per case-management team [Assume]; 0: the PDU is one pool (CaseManagementTeams).
  int team_size = 0;
  // Weeks before release a licence case is allocated and held at custody points (WMT-1; [Assume], TS-8);
  // 0: allocated on release, as before (caseload/pre_release_custody.hpp).
  int licence_allocated_before_release_weeks = 0;

  [[nodiscard]] bool allows(RoshLevel rosh, Grade grade) const;

  // The chosen practitioner, or kUnallocated when the PDU has nobody who may take the case.
  [[nodiscard]] PractitionerIndex choose(const Case& c, std::span<const Practitioner> practitioners) const;
  // The same within the case's team of `teams` first; the whole PDU when nobody in the team may take it.
  [[nodiscard]] PractitionerIndex choose(const Case& c, std::span<const Practitioner> practitioners,
                                         const CaseManagementTeams& teams) const;
};

}  // namespace probsim
