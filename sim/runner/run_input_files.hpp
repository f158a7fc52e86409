#pragma once
// The files a run reads (its scenario file, the files it extends, its snapshot CSVs), and the check that a
// run into an existing directory does not remove one of them: a run replaces the earlier run in its --out
// whole, and a scenario or CSV kept there went with it, leaving a run that could not be replayed.

#include <filesystem>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"

namespace probsim {

// Every existing file the scenario was read from: `scenario_path`, each file of its `extends` chain that
// gave a value, and the snapshot CSVs it continues from.
[[nodiscard]] std::vector<std::filesystem::path> run_input_files(const LoadedScenario& loaded,
                                                                 const std::string& scenario_path);

// Why a run may not replace `out_dir`: one of `inputs` lies in it. Its scenario.resolved.yaml at the top
// is not counted: the run writes it anew, as the re-run its header describes does. "" when it may.
[[nodiscard]] std::string why_inputs_forbid_replacing(const std::filesystem::path& out_dir,
                                                      const std::vector<std::filesystem::path>& inputs);

}  // namespace probsim
