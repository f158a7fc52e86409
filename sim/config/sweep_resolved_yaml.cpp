#include <algorithm>
#include <cstdio>

#include "config/sweep_loader.hpp"

// A sweep written back as YAML (sweep.resolved.yaml), and the sweep's derived key lists: what identifies
// a batch's inputs, so it must not change for a sweep that does not use a newer key.

namespace probsim {

namespace {

ConfigNode scalar_node(std::string text) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::scalar;
  node.scalar = std::move(text);
  return node;
}

ConfigNode map_node() {
  ConfigNode node;
  node.kind = ConfigNode::Kind::map;
  return node;
}

ConfigNode list_node() {
  ConfigNode node;
  node.kind = ConfigNode::Kind::sequence;
  return node;
}

void append_assignments(ConfigNode& map, const std::vector<SweepAssignment>& assignments) {
  for (const auto& a : assignments) map.entries.emplace_back(a.key_path, a.value);
}

}  // namespace

std::filesystem::path SweepSpec::scenario_file(std::size_t index) const {
  const std::filesystem::path written(scenarios.at(index));
  if (written.is_absolute()) return written;
  return (std::filesystem::path(path).parent_path() / written).lexically_normal();
}

std::vector<std::string> SweepSpec::varied_keys() const {
  std::vector<std::string> keys;
  auto add = [&](const std::string& key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  };
  for (const auto& parameter : grid) add(parameter.key_path);
  for (const auto& point : points)
    for (const auto& a : point) add(a.key_path);
  return keys;
}

std::string SweepSpec::resolved_yaml() const {
  ConfigNode root = map_node();
  root.entries.emplace_back("name", scalar_node(name));
  if (!description.empty()) root.entries.emplace_back("description", scalar_node(description));
  ConfigNode scenario_list = list_node();
  for (const auto& s : scenarios) scenario_list.items.push_back(scalar_node(s));
  root.entries.emplace_back("scenarios", scenario_list);
  if (!common.empty()) {
    ConfigNode set = map_node();
    append_assignments(set, common);
    root.entries.emplace_back("set", set);
  }
  if (!grid.empty()) {
    ConfigNode parameters = map_node();
    for (const auto& p : grid) {
      ConfigNode values = list_node();
      values.items = p.values;
      parameters.entries.emplace_back(p.key_path, values);
    }
    root.entries.emplace_back("parameters", parameters);
  }
  if (!points.empty()) {
    ConfigNode list = list_node();
    for (std::size_t i = 0; i < points.size(); ++i) {
      ConfigNode map = map_node();
      if (i < point_labels.size() && !point_labels[i].empty())
        map.entries.emplace_back("label", scalar_node(point_labels[i]));
      append_assignments(map, points[i]);
      list.items.push_back(map);
    }
    root.entries.emplace_back("points", list);
  }
  root.entries.emplace_back("replications_per_point", scalar_node(std::to_string(replications_per_point)));
  root.entries.emplace_back("base_seed", scalar_node(std::to_string(base_seed)));
  root.entries.emplace_back("point_seeds",
                            scalar_node(point_seeds == PointSeeds::common ? "common" : "independent"));
  root.entries.emplace_back("events", scalar_node(events ? "true" : "false"));
  if (precision) {
    ConfigNode p = map_node();
    char width[32];
    std::snprintf(width, sizeof width, "%.17g", precision->relative_half_width);
    p.entries.emplace_back("relative_half_width", scalar_node(width));
    if (!precision->kpis.empty()) {
      ConfigNode kpis = list_node();
      for (const auto& k : precision->kpis) kpis.items.push_back(scalar_node(k));
      p.entries.emplace_back("kpis", kpis);
    }
    p.entries.emplace_back("max_replications", scalar_node(std::to_string(precision->max_replications)));
    root.entries.emplace_back("precision", p);
  }
  // The report's keys, written only when given, so that a sweep without them resolves as it always did.
  if (!headline_kpis.empty()) {
    ConfigNode kpis = list_node();
    for (const auto& k : headline_kpis) kpis.items.push_back(scalar_node(k));
    root.entries.emplace_back("headline_kpis", kpis);
  }
  if (!key_labels.empty()) {
    ConfigNode labels = map_node();
    for (const auto& [key, label] : key_labels) labels.entries.emplace_back(key, scalar_node(label));
    root.entries.emplace_back("labels", labels);
  }
  return emit_yaml(root);
}

}  // namespace probsim
