#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <vector>

#include "config/snapshot_csv_reader.hpp"
#include "config/sweep_loader.hpp"

// The rows of the snapshot CSVs each sweep point will read, counted before any point is built, so that
// batch's memory check can count what the built points hold of them (runner/sweep_memory.hpp).

namespace probsim {

namespace {

// Lines past the first (the header), counted in blocks without parsing; a last line without its line
// break counts. Nothing when the file is not a regular file or cannot be opened: a pipe is never read.
std::optional<std::size_t> count_csv_rows(const std::string& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<char> block(1 << 16);
  std::size_t lines = 0;
  char last = '\n';
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    lines +=
        static_cast<std::size_t>(std::count(block.begin(), block.begin() + static_cast<long>(got), '\n'));
    last = block[got - 1];
  }
  if (in.bad()) return std::nullopt;
  if (last != '\n') ++lines;
  return lines > 0 ? lines - 1 : 0;
}

// The two files a tree's `simulation` block names for a snapshot, resolved as read_simulation resolves
// them; nothing without warm_start: snapshot or with a key missing or not a path.
std::optional<std::pair<std::string, std::string>> snapshot_csv_files(const ConfigNode& tree) {
  const ConfigNode* sim = tree.find("simulation");
  if (sim == nullptr || sim->kind != ConfigNode::Kind::map) return std::nullopt;
  const ConfigNode* warm_start = sim->find("warm_start");
  if (warm_start == nullptr || warm_start->kind != ConfigNode::Kind::scalar ||
      warm_start->scalar != "snapshot")
    return std::nullopt;
  std::string files[2];
  const char* keys[2] = {"caseload_csv", "staff_csv"};
  for (int k = 0; k < 2; ++k) {
    const ConfigNode* path = sim->find(keys[k]);
    if (path == nullptr || path->kind != ConfigNode::Kind::scalar ||
        path->scalar.find_first_not_of(" \t") == std::string::npos)
      return std::nullopt;
    files[k] = resolve_snapshot_path(path->where, path->scalar);
  }
  return std::pair{files[0], files[1]};
}

// Whether a key path starts at `simulation` (the tree's top is a map, so its first step is a key).
bool sets_simulation(const std::string& key_path) {
  return key_path.substr(0, key_path.find('.')) == "simulation";
}

}  // namespace

std::vector<SnapshotCsvRows> point_snapshot_csv_rows(const SweepSpec& sweep,
                                                     const std::vector<SweepPoint>& points) {
  std::map<std::string, std::optional<std::size_t>> rows_of;  // each file counted once
  auto rows = [&](const std::string& file) {
    auto found = rows_of.find(file);
    if (found == rows_of.end()) found = rows_of.emplace(file, count_csv_rows(file)).first;
    return found->second;
  };
  auto counted_rows = [&](const std::optional<std::pair<std::string, std::string>>& files) {
    SnapshotCsvRows counted;
    if (!files) return counted;
    if (const auto n = rows(files->first)) {
      counted.caseload_file = files->first;
      counted.caseload = *n;
    }
    if (const auto n = rows(files->second)) {
      counted.staff_file = files->second;
      counted.staff = *n;
    }
    return counted;
  };
  // Per scenario, its `simulation` block with the sweep's `set` applied: only that block names the CSVs,
  // and a point copies it, not the whole tree, when it sets something in it.
  std::vector<ConfigNode> simulation_of(sweep.scenarios.size());
  std::vector<SnapshotCsvRows> scenario_rows(sweep.scenarios.size());
  for (std::size_t s = 0; s < sweep.scenarios.size(); ++s) {
    Diagnostics ignored;  // load_points reports them
    const std::filesystem::path file = sweep.scenario_file(s);
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) continue;
    std::optional<ConfigNode> tree = load_config_with_extends(file.string(), ignored);
    if (!tree || tree->kind != ConfigNode::Kind::map) continue;
    ConfigNode& root = simulation_of[s];
    root.kind = ConfigNode::Kind::map;
    if (const ConfigNode* sim = tree->find("simulation")) root.entries.emplace_back("simulation", *sim);
    for (const auto& a : sweep.common)
      if (sets_simulation(a.key_path)) set_at_path(root, a.key_path, a.value, a.key_where, ignored);
    scenario_rows[s] = counted_rows(snapshot_csv_files(root));
  }
  std::vector<SnapshotCsvRows> result;
  result.reserve(points.size());
  for (const SweepPoint& point : points) {
    const bool own = std::any_of(point.assignments.begin(), point.assignments.end(),
                                 [](const SweepAssignment& a) { return sets_simulation(a.key_path); });
    if (!own || simulation_of.at(point.scenario).kind != ConfigNode::Kind::map) {
      result.push_back(scenario_rows.at(point.scenario));
      continue;
    }
    ConfigNode root = simulation_of[point.scenario];
    Diagnostics ignored;
    for (const auto& a : point.assignments)
      if (sets_simulation(a.key_path)) set_at_path(root, a.key_path, a.value, a.key_where, ignored);
    result.push_back(counted_rows(snapshot_csv_files(root)));
  }
  return result;
}

}  // namespace probsim
