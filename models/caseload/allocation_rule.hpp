#pragma once
// Which practitioner gets a new case: among the grades the rule allows for the case's RoSH level, the
// one with the lowest WMT workload % (ties to the lowest index, so the choice is deterministic). Only
// staff in post, of a case-holding grade, with capacity (not on long-term sickness) are considered.
//
// A domestic-abuse case may be allocated as a complex one (WF-12: POs hold the complex cases; 4.3/4.4:
// Durham gave every DV case to a PO first): then, within its team, the grades in
// `domestic_abuse.complex_grades` that its RoSH level allows come before the RoSH rule's other grades,
// and the same again over the whole PDU when nobody in the team may take it. Which DA cases are
// treated so is a draw keyed on the replication and the case id (as the team is), so two runs that
// differ only in the share treat the same people alike (common random numbers); a PDU `paired_with`
// another sees the same people but draws its own complex cases, as it draws its own teams.

#include <array>
#include <cstdint>
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
  struct DomesticAbuseAllocation {
    // The share of DA cases allocated as complex [Assume], 0..1; 0: DA cases follow the RoSH rule alone.
    double share_allocated_as_complex = 0.0;
    std::vector<Grade> complex_grades;  // tried first for those cases (where RoSH allows them)
  } domestic_abuse;

  [[nodiscard]] bool allocated_as_complex(const Case& c, std::uint64_t replication_seed) const;

  [[nodiscard]] bool allows(RoshLevel rosh, Grade grade) const;

  // The chosen practitioner, or kUnallocated when the PDU has nobody who may take the case.
  [[nodiscard]] PractitionerIndex choose(const Case& c, std::span<const Practitioner> practitioners) const;
  // The same within the case's team of `teams` first; the whole PDU when nobody in the team may take it.
  // `replication_seed` keys the draw of whether a DA case is allocated as complex.
  [[nodiscard]] PractitionerIndex choose(const Case& c, std::span<const Practitioner> practitioners,
                                         const CaseManagementTeams& teams,
                                         std::uint64_t replication_seed = 0) const;
};

}  // namespace probsim
