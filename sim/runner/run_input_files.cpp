// The files a run reads, and whether a run into a directory would remove one (run_input_files.hpp).
#include "runner/run_input_files.hpp"

#include <set>

#include "runner/run_entries.hpp"

namespace probsim {

namespace fs = std::filesystem;

namespace {

void collect_source_files(const ConfigNode& node, std::set<std::string>& files) {
  for (const SourceLocation* where : {&node.where, &node.key_where})
    if (!where->file.empty()) files.insert(where->file);
  for (const ConfigNode& item : node.items) collect_source_files(item, files);
  for (const auto& [key, value] : node.entries) collect_source_files(value, files);
}

}  // namespace

std::vector<fs::path> run_input_files(const LoadedScenario& loaded, const std::string& scenario_path) {
  std::set<std::string> names = {scenario_path};
  collect_source_files(loaded.resolved, names);  // a --set's "file" is its text, never a file
  if (loaded.scenario.snapshot_files) {
    names.insert(loaded.scenario.snapshot_files->caseload_csv);
    names.insert(loaded.scenario.snapshot_files->staff_csv);
  }
  std::vector<fs::path> files;
  for (const std::string& name : names)
    if (std::error_code error; !name.empty() && fs::is_regular_file(name, error)) files.emplace_back(name);
  return files;
}

std::string why_inputs_forbid_replacing(const fs::path& out_dir, const std::vector<fs::path>& inputs) {
  std::error_code error;
  if (!fs::is_directory(out_dir, error)) return "";
  const fs::path dir = fs::weakly_canonical(out_dir, error);
  if (error || dir.empty()) return "";
  for (const fs::path& input : inputs) {
    const fs::path file = fs::weakly_canonical(input, error);
    if (error || !lies_within(file, dir) || file == dir / "scenario.resolved.yaml") continue;
    return out_dir.string() + " holds " + input.string() +
           ", which this run reads; replacing the earlier run there would delete it. Move it out of " +
           out_dir.string() + ", or give another --out";
  }
  return "";
}

}  // namespace probsim
