#pragma once
// Whether a scenario has staff of a grade in some PDUs, for the warnings about what no one can do
// (runner/run_warnings.hpp, runner/allocation_warnings.hpp).

#include <algorithm>
#include <set>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

// Staff of a grade `wanted` says in one of `pdus` (or their regions): in post at the start, as the PDU's
// staff lists or a warm start's staff CSV give them, or recruited before the run ends.
template <typename GradeWanted>
[[nodiscard]] bool has_staff(const Scenario& s, const std::vector<std::size_t>& pdus, GradeWanted wanted) {
  const auto among = [&](std::size_t pdu) { return std::find(pdus.begin(), pdus.end(), pdu) != pdus.end(); };
  std::set<std::size_t> regions;
  std::size_t index = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r)
    for (std::size_t p = 0; p < s.regions[r].pdus.size(); ++p, ++index)
      if (among(index)) regions.insert(r);
  for (const std::size_t pdu : pdus)
    for (const StaffGroup& group : s.pdu_at(pdu).staff)
      if (wanted(group.person.grade) && group.headcount > 0) return true;
  if (s.snapshot)
    for (const SnapshotStaffMember& member : s.snapshot->staff)
      if (wanted(member.person.grade) && among(member.pdu)) return true;
  for (const RecruitmentIntake& intake : s.staffing_plan.intakes) {
    if (!wanted(intake.grade) || intake.count <= 0) continue;
    if (s.window.report_end < intake.date) continue;  // after the run: nothing of this run has them
    if ((intake.pdu && among(*intake.pdu)) || (intake.region && regions.count(*intake.region))) return true;
  }
  return false;
}

}  // namespace probsim
