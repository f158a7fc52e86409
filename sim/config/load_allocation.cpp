// `allocation`: which grades may hold a case of each RoSH level.

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

void read_allocation(FieldReader& root, AllocationRule& rule) {
  FieldReader alloc(root.node("allocation", true), "allocation", root.diagnostics());
  if (!alloc.ok()) return;
  FieldReader by_rosh(alloc.node("eligible_grades_by_rosh", true), "allocation.eligible_grades_by_rosh",
                      root.diagnostics());
  for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r) {
    const ConfigNode* list = by_rosh.node(kRoshLevelNames[r], by_rosh.ok());
    if (list == nullptr) continue;
    const std::string path = by_rosh.child_path(kRoshLevelNames[r]);
    if (list->kind != ConfigNode::Kind::sequence || list->items.empty()) {
      root.diagnostics().error(list->anchor(), path,
                               "expected a non-empty list of grades, found " + list->describe_value());
      continue;
    }
    for (std::size_t i = 0; i < list->items.size(); ++i)
      if (auto grade = read_grade(list->items[i], path + "[" + std::to_string(i) + "]", root.diagnostics()))
        rule.eligible_grades_by_rosh[r].push_back(*grade);
  }
  by_rosh.reject_unknown_keys();
  if (auto fallback = alloc.boolean("fall_back_to_any_grade", false)) rule.fall_back_to_any_grade = *fallback;
  if (auto size = alloc.integer("team_size", false, 0, 1000)) rule.team_size = *size;
  if (auto weeks = alloc.integer("licence_allocated_before_release_weeks", false, 0, 104))
    rule.licence_allocated_before_release_weeks = *weeks;
  alloc.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
