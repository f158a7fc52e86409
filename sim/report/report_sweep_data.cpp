#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "config/config_node.hpp"
#include "config/diagnostics.hpp"
#include "config/sweep_loader.hpp"
#include "report/headline_kpis.hpp"
#include "report/report_data.hpp"
#include "runner/batch_files.hpp"

// What a sweep's report calls its keys and points, and which KPIs it shows first (issue 20: a legend of
// cut-off key paths, and a facilitator sweep opening on workload_pct_mean). The sweep file's `labels`,
// point `label`s and `headline_kpis` win; otherwise they are derived here.

namespace fs = std::filesystem;

namespace probsim::report_detail {

namespace {

std::vector<std::string> split_path(const std::string& key) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (true) {
    const std::size_t dot = key.find('.', from);
    parts.push_back(key.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
    if (dot == std::string::npos) return parts;
    from = dot + 1;
  }
}

bool is_index(const std::string& segment) {
  return !segment.empty() &&
         std::all_of(segment.begin(), segment.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// A key path's segments with each list index replaced by its item's `name` or `grade` in the point's
// scenario (staff.2 → facilitator), where the scenario has one; the index stays otherwise.
std::vector<std::string> readable_segments(const std::string& key, const YAML::Node& scenario) {
  std::vector<std::string> segments = split_path(key);
  YAML::Node node = scenario;
  for (auto& segment : segments) {
    if (!node || !node.IsDefined()) break;
    if (node.IsSequence() && is_index(segment)) {
      const std::size_t i = std::stoul(segment);
      if (i >= node.size()) break;
      YAML::Node item = node[i];
      for (const char* field : {"name", "grade"})
        if (item.IsMap() && item[field] && item[field].IsScalar()) {
          segment = item[field].as<std::string>();
          break;
        }
      node.reset(item);              // rebinding: `=` would write through yaml-cpp's reference
    } else if (node.IsSequence()) {  // a step by an item's name, as --set allows
      YAML::Node found;
      for (const auto& item : node)
        if (item.IsMap() && item["name"] && item["name"].IsScalar() &&
            item["name"].as<std::string>() == segment)
          found.reset(item);
      node.reset(found);
    } else if (node.IsMap()) {
      const YAML::Node child = node[segment];
      node.reset(child);
    } else {
      break;
    }
  }
  return segments;
}

std::string join(const std::vector<std::string>& parts, std::size_t from) {
  std::string text;
  for (std::size_t i = from; i < parts.size(); ++i) text += (text.empty() ? "" : " ") + parts[i];
  return text;
}

// The shortest tail of each key's readable segments that no other key's readable path ends with; a tail
// never starts just after a list index, which names what the tail is of (staff.2.headcount →
// "facilitator headcount", not "headcount").
std::vector<std::string> short_key_labels(const std::vector<std::string>& keys, const YAML::Node& scenario) {
  std::vector<std::vector<std::string>> readable, raw;
  for (const auto& key : keys) {
    readable.push_back(readable_segments(key, scenario));
    raw.push_back(split_path(key));
  }
  auto ends_with = [](const std::vector<std::string>& path, const std::vector<std::string>& tail) {
    return tail.size() <= path.size() && std::equal(tail.rbegin(), tail.rend(), path.rbegin());
  };
  std::vector<std::string> labels;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const auto& segments = readable[k];
    std::size_t start = segments.size() - 1;
    while (true) {
      if (start > 0 && is_index(raw[k][start - 1])) --start;
      const std::vector<std::string> tail(segments.begin() + static_cast<std::ptrdiff_t>(start),
                                          segments.end());
      bool unique = true;
      for (std::size_t j = 0; j < keys.size(); ++j)
        if (j != k && ends_with(readable[j], tail)) unique = false;
      if (unique || start == 0) break;
      --start;
    }
    labels.push_back(join(segments, start));
  }
  return labels;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

void describe_sweep(const fs::path& batch_dir, SweepData& sweep) {
  // The sweep as the batch resolved it: labels and headline KPIs, and the points' explicit labels in
  // the order expand_points numbers them (the same ids as points.csv).
  std::optional<SweepSpec> spec;
  std::map<std::string, std::string> explicit_labels;
  {
    Diagnostics ignored;  // a batch from before these keys, or a damaged file: labels are derived
    const fs::path file = batch_dir / kSweepResolvedFile;
    if (std::optional<ConfigNode> root = parse_config_file(file.string(), ignored))
      spec = read_sweep(*root, file.string(), ignored);
    if (spec) {
      Diagnostics unused;
      for (const auto& point : expand_points(*spec, unused))
        if (!point.label.empty()) explicit_labels[point.id] = point.label;
    }
  }
  YAML::Node scenario;
  if (!sweep.points.empty()) {
    try {
      scenario = YAML::LoadFile(
          (point_directory(batch_dir, sweep.points.front().id) / "scenario.resolved.yaml").string());
    } catch (const YAML::Exception&) {
      // Without it, list indices stay numbers in the labels.
    }
  }
  sweep.key_labels = short_key_labels(sweep.keys, scenario);
  if (spec)
    for (const auto& [key, label] : spec->key_labels) {
      const auto it = std::find(sweep.keys.begin(), sweep.keys.end(), key);
      if (it != sweep.keys.end()) sweep.key_labels[static_cast<std::size_t>(it - sweep.keys.begin())] = label;
    }
  // A declared label may equal another key's derived one; the page joins on labels, so those two keys
  // go by their full paths.
  for (std::size_t k = 0; k < sweep.keys.size(); ++k)
    for (std::size_t j = k + 1; j < sweep.keys.size(); ++j)
      if (sweep.key_labels[k] == sweep.key_labels[j]) {
        sweep.key_labels[k] = sweep.keys[k];
        sweep.key_labels[j] = sweep.keys[j];
      }

  const bool several_scenarios =
      std::any_of(sweep.points.begin(), sweep.points.end(),
                  [&](const ReportedSweepPoint& p) { return p.scenario != sweep.points.front().scenario; });
  for (auto& point : sweep.points) {
    if (const auto it = explicit_labels.find(point.id); it != explicit_labels.end()) {
      point.label = it->second;
      continue;
    }
    std::string label = several_scenarios ? fs::path(point.scenario).stem().string() : "";
    for (std::size_t k = 0; k < sweep.keys.size() && k < point.values.size(); ++k)
      label += (label.empty() ? "" : ", ") + sweep.key_labels[k] + "=" + point.values[k];
    point.label = label.empty() ? point.id : label;
  }

  if (spec && !spec->headline_kpis.empty()) {
    sweep.headline_kpis = spec->headline_kpis;
    sweep.headline_reason = kHeadlineNamedBySweep;
    return;
  }
  std::string subject;
  for (std::size_t k = 0; k < sweep.keys.size(); ++k) {
    subject += sweep.keys[k] + " " + sweep.key_labels[k] + " ";
    for (const auto& point : sweep.points)
      if (k < point.values.size()) subject += point.values[k] + " ";
  }
  SweepHeadline headline = default_sweep_headline(lower(subject));
  sweep.headline_kpis = std::move(headline.kpis);
  sweep.headline_reason = std::move(headline.reason);
}

}  // namespace probsim::report_detail
