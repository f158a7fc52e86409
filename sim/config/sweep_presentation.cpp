#include "config/sweep_presentation.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace probsim {

namespace {

bool is_one_line_text(const ConfigNode& node) {
  return node.kind == ConfigNode::Kind::scalar && !node.scalar.empty() &&
         node.scalar.find('\n') == std::string::npos;
}

}  // namespace

std::string take_point_label(ConfigNode& point, const std::string& path, Diagnostics& diagnostics) {
  if (point.kind != ConfigNode::Kind::map) return "";  // read_assignments reports it
  const auto it = std::find_if(point.entries.begin(), point.entries.end(),
                               [](const auto& entry) { return entry.first == "label"; });
  if (it == point.entries.end()) return "";
  std::string label;
  if (is_one_line_text(it->second))
    label = it->second.scalar;
  else
    diagnostics.error(
        it->second.anchor(), path + ".label",
        "expected the point's label, a short text on one line, found " + it->second.describe_value());
  point.entries.erase(it);
  return label;
}

void read_presentation(FieldReader& root, SweepSpec& sweep) {
  Diagnostics& diagnostics = root.diagnostics();
  if (const ConfigNode* kpis = root.node("headline_kpis", false)) {
    if (kpis->kind != ConfigNode::Kind::sequence || kpis->items.empty()) {
      diagnostics.error(kpis->anchor(), "headline_kpis",
                        "expected a non-empty list of KPI names, found " + kpis->describe_value());
    } else {
      std::set<std::string> seen;
      for (const ConfigNode& kpi : kpis->items) {
        if (!is_one_line_text(kpi))
          diagnostics.error(kpi.where, "headline_kpis", "expected a KPI name, found " + kpi.describe_value());
        else if (!seen.insert(kpi.scalar).second)
          diagnostics.error(kpi.where, "headline_kpis", "'" + kpi.scalar + "' is listed twice");
        else {
          sweep.headline_kpis.push_back(kpi.scalar);
          sweep.headline_kpi_where.push_back(kpi.where);
        }
      }
    }
  }
  if (const ConfigNode* labels = root.node("labels", false)) {
    if (labels->kind != ConfigNode::Kind::map) {
      diagnostics.error(labels->anchor(), "labels",
                        "expected a map of varied key.path: short name, found " + labels->describe_value());
    } else {
      const std::vector<std::string> varied = sweep.varied_keys();
      std::map<std::string, std::string> key_of_label;
      for (const auto& [key, label] : labels->entries) {
        if (std::find(varied.begin(), varied.end(), key) == varied.end()) {
          diagnostics.error(label.key_where, "labels." + key,
                            "names no key that `parameters` or `points` vary");
          continue;
        }
        if (!is_one_line_text(label)) {
          diagnostics.error(label.anchor(), "labels." + key,
                            "expected a short name on one line, found " + label.describe_value());
          continue;
        }
        const auto [it, inserted] = key_of_label.emplace(label.scalar, key);
        if (!inserted) {
          diagnostics.error(
              label.where, "labels." + key,
              "'" + label.scalar + "' already names " + it->second + "; each key needs its own");
          continue;
        }
        sweep.key_labels.emplace_back(key, label.scalar);
      }
    }
  }
  // Two points of one label would be one line of a legend standing for two different points.
  std::map<std::string, std::size_t> first_with;
  for (std::size_t i = 0; i < sweep.point_labels.size(); ++i) {
    const std::string& label = sweep.point_labels[i];
    if (label.empty()) continue;
    const auto [it, inserted] = first_with.emplace(label, i);
    if (!inserted) {
      const ConfigNode* points = root.node("points", false);
      const SourceLocation where =
          points != nullptr && i < points->items.size() ? points->items[i].where : SourceLocation{};
      diagnostics.error(where, "points[" + std::to_string(i) + "].label",
                        "'" + label + "' is already the label of points[" + std::to_string(it->second) +
                            "]; each point needs its own");
    }
  }
}

}  // namespace probsim
