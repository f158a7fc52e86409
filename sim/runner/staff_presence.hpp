#pragma once
// The staff a scenario gives some PDUs over a run, for the warnings about what no one can do
// (runner/run_warnings.hpp, allocation_warnings.hpp, bbr_capacity_warnings.hpp): one walk over the PDUs'
// staff lists, a warm start's staff CSV and the staffing plan's intakes before the run ends.

#include <algorithm>
#include <set>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

// Calls `visit(person, count, from)` for each group of staff the scenario puts in one of `pdus` (or, by an
// intake to a region, in their regions): `count` people like `person`, in post from `from` (report_start
// for those described at the start, the intake's date for those recruited before report_end).
template <typename Visit>
void for_each_staff_group(const Scenario& s, const std::vector<std::size_t>& pdus, Visit visit) {
  const auto among = [&](std::size_t pdu) { return std::find(pdus.begin(), pdus.end(), pdu) != pdus.end(); };
  std::set<std::size_t> regions;
  std::size_t index = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r)
    for (std::size_t p = 0; p < s.regions[r].pdus.size(); ++p, ++index)
      if (among(index)) regions.insert(r);
  for (const std::size_t pdu : pdus)
    for (const StaffGroup& group : s.pdu_at(pdu).staff)
      if (group.headcount > 0) visit(group.person, group.headcount, s.window.report_start);
  if (s.snapshot)
    for (const SnapshotStaffMember& member : s.snapshot->staff)
      if (among(member.pdu)) visit(member.person, 1, s.window.report_start);
  for (const RecruitmentIntake& intake : s.staffing_plan.intakes) {
    if (intake.count <= 0 || s.window.report_end < intake.date) continue;  // after the run: not this run's
    if ((intake.pdu && among(*intake.pdu)) || (intake.region && regions.count(*intake.region))) {
      NewStaffMember person;
      person.grade = intake.grade;
      person.fte = intake.fte_each;
      person.training_months_completed = intake.training_months_completed;
      visit(person, intake.count, intake.date);
    }
  }
}

// Staff of a grade `wanted` says in one of `pdus` (or their regions): in post at the start, as the PDU's
// staff lists or a warm start's staff CSV give them, or recruited before the run ends.
template <typename GradeWanted>
[[nodiscard]] bool has_staff(const Scenario& s, const std::vector<std::size_t>& pdus, GradeWanted wanted) {
  bool found = false;
  for_each_staff_group(s, pdus, [&](const NewStaffMember& person, int, const CalendarDate&) {
    found = found || wanted(person.grade);
  });
  return found;
}

}  // namespace probsim
