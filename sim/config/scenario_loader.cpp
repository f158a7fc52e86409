// read_scenario: one call per top-level block, each read by its own load_<block>.cpp (declared in
// loader_blocks.hpp), in the order their messages appear; a check between two blocks sits after the
// later one. load_scenario: `extends`, `--set`, then read_scenario.

#include "config/scenario_loader.hpp"

#include <filesystem>

#include "config/field_reader.hpp"
#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"
#include "config/snapshot_csv_reader.hpp"

namespace probsim {

using namespace scenario_loading;

std::optional<Scenario> read_scenario(const ConfigNode& root_node, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.items().size();
  FieldReader root(&root_node, "", diagnostics);
  if (!root.ok()) return std::nullopt;
  Scenario s;
  // A label, as region and PDU names are: it names the results directory and heads the report, so it
  // must be one line of UTF-8 text.
  if (auto name = root.label("name", true)) s.name = *name;
  if (auto description = root.text("description", false)) s.description = *description;
  read_simulation(root, s);
  const ReferralRate pattern = read_referral_pattern(root);
  const std::size_t errors_before_case_mix = diagnostics.items().size();
  read_case_mix(root, s.caseload.case_mix);
  const bool national_case_mix_read = diagnostics.items().size() == errors_before_case_mix;
  read_early_termination(root, s.caseload.early_termination);
  read_allocation(root, s.caseload.allocation);
  read_workload(root, s.caseload.workload);
  // The allocation against the workload points (Scenario::check), once both blocks are read.
  report_problems(root_node, "", only(s.check(), "allocation.licence_allocated_before_release_weeks"),
                  diagnostics);
  read_workforce(root, s.workforce);
  read_regions(root, s, pattern);
  if (national_case_mix_read) read_case_mix_overrides(root, s);
  read_staffing_plan(root, s);
  read_calendar(root, s);
  read_sentence_management(root, s.caseload.sentence_management);
  read_enforcement(root, s.caseload.sentence_management);
  read_prioritisation(root, s);
  read_interventions(root, s.window, s.interventions);
  read_interventions_teams(root, s);
  root.reject_unknown_keys();
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  // The blocks ran each rule struct's check() as they read it; this catches what only defaults bring
  // about (a threshold given against another's default), pointed at the key or its block.
  report_problems(root_node, "", s.check(), diagnostics);
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  if (s.window.warm_start == WarmStart::snapshot) {
    attach_snapshot(s, find_at_path(root_node, "simulation.warm_start")->where, diagnostics);
    if (diagnostics.items().size() != errors_before) return std::nullopt;
  }
  return s;
}

namespace {

// Two --set of one setting (the same path, or one spelt by a list item's index and the other by its
// name), or one inside a setting a later --set replaces whole: the last wins, as a script that adds a
// --set to a base command means, but silently it could hide a slip. Said as a warning, naming both.
std::vector<std::string> overrides_of_one_setting(const ConfigNode& tree,
                                                  const std::vector<std::string>& overrides) {
  std::vector<std::string> paths, warnings;
  for (const auto& assignment : overrides) {
    const auto equals = assignment.find('=');
    paths.push_back(equals == std::string::npos ? std::string()
                                                : indexed_key_path(tree, assignment.substr(0, equals)));
  }
  for (std::size_t later = 0; later < paths.size(); ++later)
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      const std::string& a = paths[earlier];
      const std::string& b = paths[later];
      if (a.empty() || b.empty() || (a != b && a.rfind(b + ".", 0) != 0)) continue;
      const bool removes = overrides[later].substr(overrides[later].find('=') + 1).rfind("null", 0) == 0;
      warnings.push_back(a == b ? "--set " + overrides[later] + " sets the same setting as --set " +
                                      overrides[earlier] + " before it; the later applies"
                                : "--set " + overrides[later] + (removes ? " removes" : " replaces") +
                                      " the whole of " + b + ", so the earlier --set " + overrides[earlier] +
                                      " has no effect");
    }
  return warnings;
}

}  // namespace

std::optional<LoadedScenario> load_scenario(const std::string& path,
                                            const std::vector<std::string>& overrides,
                                            Diagnostics& diagnostics,
                                            std::vector<std::string>* override_warnings) {
  std::optional<ConfigNode> tree = load_config_with_extends(path, diagnostics);
  if (!tree) return std::nullopt;
  if (override_warnings != nullptr) *override_warnings = overrides_of_one_setting(*tree, overrides);
  for (const auto& assignment : overrides) apply_override(*tree, assignment, diagnostics);
  if (!diagnostics.empty()) return std::nullopt;
  std::optional<Scenario> scenario = read_scenario(*tree, diagnostics);
  if (!scenario) return std::nullopt;
  name_snapshot_csvs_absolutely(*tree, *scenario);
  return LoadedScenario{std::move(*scenario), std::move(*tree)};
}

void name_snapshot_csvs_absolutely(ConfigNode& tree, const Scenario& scenario) {
  if (!scenario.snapshot_files) return;
  for (auto [key, file] : {std::pair{"caseload_csv", scenario.snapshot_files->caseload_csv},
                           std::pair{"staff_csv", scenario.snapshot_files->staff_csv}})
    tree.find("simulation")->find(key)->scalar = std::filesystem::absolute(file).lexically_normal().string();
}

}  // namespace probsim
