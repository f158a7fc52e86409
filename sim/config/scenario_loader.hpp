#pragma once
// Scenario file → typed, validated Scenario. Reports every problem it finds, each with file, line,
// column and key; a scenario with any problem is never returned, so a bad file never starts a run.

#include <optional>
#include <string>
#include <vector>

#include "config/config_node.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

struct LoadedScenario {
  Scenario scenario;
  ConfigNode resolved;  // the merged tree after `extends` and `--set`, for scenario.resolved.yaml
};

// `override_warnings`, if given, receives the odd but valid --set (two of one setting: the later
// applies), whether or not the scenario then loads: they may explain its errors.
[[nodiscard]] std::optional<LoadedScenario> load_scenario(
    const std::string& path, const std::vector<std::string>& overrides, Diagnostics& diagnostics,
    std::vector<std::string>* override_warnings = nullptr);

// A tree's snapshot CSV keys rewritten as the absolute paths `scenario` read, so that the resolved
// scenario names them wherever it is written (a run's or a batch point's scenario.resolved.yaml, whose
// folder is not the scenario's: a relative path there named no file, and the point's replay failed).
void name_snapshot_csvs_absolutely(ConfigNode& tree, const Scenario& scenario);

// The typed reading alone, for a tree already merged (used by the loader and by tests).
[[nodiscard]] std::optional<Scenario> read_scenario(const ConfigNode& root, Diagnostics& diagnostics);

}  // namespace probsim
