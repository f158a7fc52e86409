// `allocation`: which grades may hold a case of each RoSH level, and which a DA case allocated as
// complex goes to first.

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

// A non-empty list of grades at `list` (named `path` in errors), appended to `out`.
void read_grade_list(const ConfigNode& list, const std::string& path, Diagnostics& diagnostics,
                     std::vector<Grade>& out) {
  if (list.kind != ConfigNode::Kind::sequence || list.items.empty()) {
    diagnostics.error(list.anchor(), path,
                      "expected a non-empty list of grades, found " + list.describe_value());
    return;
  }
  for (std::size_t i = 0; i < list.items.size(); ++i)
    if (auto grade = read_grade(list.items[i], path + "[" + std::to_string(i) + "]", diagnostics))
      out.push_back(*grade);
}

void read_domestic_abuse_cases(FieldReader& alloc, AllocationRule::DomesticAbuseAllocation& rule) {
  auto da = alloc.optional_map("domestic_abuse_cases");
  if (!da) return;
  if (auto share = da->number("share_allocated_as_complex", true, 0.0, 1.0))
    rule.share_allocated_as_complex = *share;
  if (const ConfigNode* list = da->node("complex_grades", true))
    read_grade_list(*list, da->child_path("complex_grades"), alloc.diagnostics(), rule.complex_grades);
  for (Grade grade : rule.complex_grades)
    if (!holds_cases(grade))
      alloc.diagnostics().error(da->node("complex_grades", false)->anchor(), da->child_path("complex_grades"),
                                "grade '" + std::string(to_string(grade)) + "' does not hold cases");
  da->reject_unknown_keys();
}

}  // namespace

void read_allocation(FieldReader& root, AllocationRule& rule) {
  FieldReader alloc(root.node("allocation", true), "allocation", root.diagnostics());
  if (!alloc.ok()) return;
  FieldReader by_rosh(alloc.node("eligible_grades_by_rosh", true), "allocation.eligible_grades_by_rosh",
                      root.diagnostics());
  for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r) {
    const ConfigNode* list = by_rosh.node(kRoshLevelNames[r], by_rosh.ok());
    if (list == nullptr) continue;
    read_grade_list(*list, by_rosh.child_path(kRoshLevelNames[r]), root.diagnostics(),
                    rule.eligible_grades_by_rosh[r]);
  }
  by_rosh.reject_unknown_keys();
  if (auto fallback = alloc.boolean("fall_back_to_any_grade", false)) rule.fall_back_to_any_grade = *fallback;
  if (auto size = alloc.integer("team_size", false, 0, 1000)) rule.team_size = *size;
  if (auto weeks = alloc.integer("licence_allocated_before_release_weeks", false, 0, 104))
    rule.licence_allocated_before_release_weeks = *weeks;
  read_domestic_abuse_cases(alloc, rule.domestic_abuse);
  alloc.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
