#include "runner/allocation_warnings.hpp"

#include <algorithm>

#include "runner/staff_presence.hpp"

namespace probsim {

std::vector<std::string> allocation_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  const AllocationRule& rule = s.caseload.allocation;
  if (rule.fall_back_to_any_grade) return warnings;
  for (std::size_t pdu = 0; pdu < s.pdu_count(); ++pdu) {
    const PduSpec& spec = s.pdu_at(pdu);
    // A PDU with no case holder at all has its own warning (run_warnings.cpp).
    if (!has_staff(s, {pdu}, [](Grade g) { return holds_cases(g); })) continue;
    const std::vector<double>& rosh_shares = s.case_mix_of(spec).rosh.weights();
    std::vector<std::string> levels;
    for (std::size_t level = 0; level < rule.eligible_grades_by_rosh.size() && level < rosh_shares.size();
         ++level) {
      if (rosh_shares[level] <= 0.0) continue;
      const std::vector<Grade>& eligible = rule.eligible_grades_by_rosh[level];
      const auto may_hold = [&](Grade g) {
        return holds_cases(g) && std::find(eligible.begin(), eligible.end(), g) != eligible.end();
      };
      // A trainee counts as the PO they become if they qualify before the run ends.
      bool someone = false;
      for_each_staff_group(s, {pdu}, [&](const NewStaffMember& person, int, const CalendarDate& from) {
        Grade grade = person.grade;
        if (grade == Grade::pqip) {
          const CalendarDate training_start = from.plus_months(-person.training_months_completed);
          if (s.workforce.trainee_pipeline.stage_on(training_start, s.window.report_end).grade == Grade::po)
            someone = someone || may_hold(Grade::po);
        }
        someone = someone || may_hold(grade);
      });
      if (!someone) levels.emplace_back(to_string(static_cast<RoshLevel>(level)));
    }
    if (levels.empty()) continue;
    std::string named;
    for (std::size_t i = 0; i < levels.size(); ++i)
      named += std::string(i == 0 ? "" : i + 1 == levels.size() ? " and " : ", ") + levels[i];
    warnings.push_back(
        "PDU " + spec.name + " has no one in post or recruited of a grade that may hold its " + named +
        " RoSH cases (allocation.eligible_grades_by_rosh; allocation.fall_back_to_any_grade is false): they "
        "wait unallocated, and their assessments, visits and reviews, which begin at allocation, "
        "are never due, so they are outside every timeliness KPI (which then looks better). Add "
        "staff of an eligible grade, or set allocation.fall_back_to_any_grade.");
  }
  return warnings;
}

}  // namespace probsim
