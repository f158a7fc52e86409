#include "config/sweep_loader.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "config/field_reader.hpp"
#include "config/sweep_presentation.hpp"
#include "config/sweep_same_values.hpp"
#include "config/utf8_text.hpp"

namespace probsim {

namespace {

constexpr std::uint64_t kMaxReplications = 1'000'000;

// A whole number that may not fit an int (seeds are 64-bit).
std::optional<std::uint64_t> read_count(FieldReader& reader, std::string_view key, bool required,
                                        std::uint64_t min, std::uint64_t max) {
  const ConfigNode* value = reader.node(key, required);
  if (value == nullptr) return std::nullopt;
  std::uint64_t number = 0;
  const char* begin = value->scalar.data();
  const char* end = begin + value->scalar.size();
  auto [stop, error] = std::from_chars(begin, end, number);
  if (value->kind != ConfigNode::Kind::scalar || error != std::errc() || stop != end || number < min ||
      number > max) {
    reader.diagnostics().error(value->where, reader.child_path(key),
                               "expected a whole number from " + std::to_string(min) + " to " +
                                   std::to_string(max) + ", found " + value->describe_value());
    return std::nullopt;
  }
  return number;
}

bool valid_key_path(const std::string& path) {
  if (path.empty() || path.front() == '.' || path.back() == '.') return false;
  return path.find("..") == std::string::npos;
}

// A map of `key.path: value` (the `set` block, or one explicit point).
std::vector<SweepAssignment> read_assignments(const ConfigNode& node, const std::string& path,
                                              Diagnostics& diagnostics) {
  std::vector<SweepAssignment> out;
  if (node.kind != ConfigNode::Kind::map) {
    diagnostics.error(node.anchor(), path,
                      "expected a map of key.path: value, found " + node.describe_value());
    return out;
  }
  for (const auto& [key, value] : node.entries) {
    if (!valid_key_path(key)) {
      diagnostics.error(value.key_where, path,
                        "'" + key + "' is not a key path like simulation.warm_up_weeks");
      continue;
    }
    if (value.kind == ConfigNode::Kind::null) {
      diagnostics.error(value.key_where, path + "." + key, "has no value");
      continue;
    }
    out.push_back(SweepAssignment{key, value, value.key_where});
  }
  return out;
}

void read_grid(const ConfigNode& node, SweepSpec& sweep, Diagnostics& diagnostics) {
  if (node.kind != ConfigNode::Kind::map) {
    diagnostics.error(node.anchor(), "parameters",
                      "expected a map of key.path: [values...], found " + node.describe_value());
    return;
  }
  for (const auto& [key, values] : node.entries) {
    const std::string path = "parameters." + key;
    if (!valid_key_path(key)) {
      diagnostics.error(values.key_where, "parameters",
                        "'" + key + "' is not a key path like simulation.warm_up_weeks");
      continue;
    }
    if (values.kind != ConfigNode::Kind::sequence || values.items.empty()) {
      diagnostics.error(values.anchor(), path,
                        "expected a non-empty list of values to try, found " + values.describe_value());
      continue;
    }
    ValuesSeen seen;  // 6 and 6.0 are one value
    bool ok = true;
    for (const ConfigNode& value : values.items) {
      if (value.kind == ConfigNode::Kind::null) {
        diagnostics.error(value.where, path, "a value in the list is empty");
        ok = false;
        continue;
      }
      if (auto repeat = seen.repeat(value)) {
        diagnostics.error(value.where, path, *repeat);
        ok = false;
      }
    }
    if (ok) sweep.grid.push_back(SweepParameter{key, values.key_where, values.items});
  }
}

void read_precision(FieldReader& root, SweepSpec& sweep) {
  auto precision = root.optional_map("precision");
  if (!precision) return;
  PrecisionTarget target;
  const auto width = precision->number("relative_half_width", true, 1e-9, 10.0);
  if (width) target.relative_half_width = *width;
  if (const ConfigNode* kpis = precision->node("kpis", false)) {
    if (kpis->kind != ConfigNode::Kind::sequence || kpis->items.empty()) {
      root.diagnostics().error(kpis->anchor(), "precision.kpis",
                               "expected a non-empty list of KPI names, found " + kpis->describe_value());
    } else {
      std::set<std::string> seen;  // a name twice gave precision.csv two rows for it
      for (const ConfigNode& kpi : kpis->items) {
        if (kpi.kind != ConfigNode::Kind::scalar || kpi.scalar.empty())
          root.diagnostics().error(kpi.where, "precision.kpis",
                                   "expected a KPI name, found " + kpi.describe_value());
        else if (!seen.insert(kpi.scalar).second)
          root.diagnostics().error(kpi.where, "precision.kpis", "'" + kpi.scalar + "' is listed twice");
        else {
          target.kpis.push_back(kpi.scalar);
          target.kpi_where.push_back(kpi.where);
        }
      }
    }
  }
  const auto max = read_count(*precision, "max_replications", false, 2, kMaxReplications);
  if (max) target.max_replications = *max;
  precision->reject_unknown_keys();
  if (max && sweep.replications_per_point > *max)
    root.diagnostics().error(
        precision->map_node()->find("max_replications")->where, "precision.max_replications",
        "must be at least replications_per_point (" + std::to_string(sweep.replications_per_point) + ")");
  if (!max && sweep.replications_per_point > target.max_replications)
    target.max_replications = sweep.replications_per_point;
  if (sweep.replications_per_point == 1)
    root.diagnostics().error(root.node("replications_per_point", false)->where, "replications_per_point",
                             "must be at least 2 with a precision target (a confidence interval needs two "
                             "replications)");
  if (width) sweep.precision = target;
}

}  // namespace

// The most points and replications one sweep file may ask for: far beyond any calibration the project
// has run (27 points x 4 replications), and small enough to list in memory and on disk.
constexpr std::size_t kMaxSweepPoints = 100'000;
constexpr std::size_t kMaxSweepReplications = 1'000'000;

std::optional<SweepSpec> read_sweep(const ConfigNode& root_node, const std::string& path,
                                    Diagnostics& diagnostics, SweepWithProblems with_problems) {
  const std::size_t errors_before = diagnostics.items().size();
  FieldReader root(&root_node, "", diagnostics);
  if (!root.ok()) return std::nullopt;
  SweepSpec sweep;
  sweep.path = path;
  // A label, as a scenario's name is: it names the batch directory and heads each point's files.
  if (auto name = root.label("name", true)) sweep.name = *name;
  if (auto description = root.text("description", false)) sweep.description = *description;
  if (const ConfigNode* scenarios = root.node("scenarios", true)) {
    if (scenarios->kind != ConfigNode::Kind::sequence || scenarios->items.empty()) {
      diagnostics.error(scenarios->anchor(), "scenarios",
                        "expected a non-empty list of scenario files (relative to the sweep file), found " +
                            scenarios->describe_value());
    } else {
      std::map<std::string, int> seen;
      for (const ConfigNode& item : scenarios->items) {
        if (item.kind != ConfigNode::Kind::scalar || item.scalar.empty()) {
          diagnostics.error(item.where, "scenarios",
                            "expected a scenario file path, found " + item.describe_value());
          continue;
        }
        // points.csv names each point's scenario by this path, and a line break in it split its row: the
        // batch ran and could never be aggregated.
        if (has_control_character(item.scalar)) {
          diagnostics.error(
              item.where, "scenarios",
              "a scenario path must be one line without control characters (a line break, a tab): "
              "points.csv and each point's files name it");
          continue;
        }
        // The same file spelt two ways (./a.yaml, ../sweeps/../a.yaml) would run every point twice.
        std::error_code ignored;
        const std::string resolved = std::filesystem::weakly_canonical(
                                         std::filesystem::path(path).parent_path() / item.scalar, ignored)
                                         .string();
        const auto [it, inserted] = seen.emplace(resolved.empty() ? item.scalar : resolved, item.where.line);
        if (!inserted) {
          diagnostics.error(item.where, "scenarios",
                            "'" + item.scalar + "' is the scenario already listed at line " +
                                std::to_string(it->second) + "; each scenario may be listed once");
          continue;
        }
        sweep.scenarios.push_back(item.scalar);
        sweep.scenario_locations.push_back(item.where);
      }
    }
  }
  if (const ConfigNode* set = root.node("set", false))
    sweep.common = read_assignments(*set, "set", diagnostics);
  if (const ConfigNode* grid = root.node("parameters", false)) read_grid(*grid, sweep, diagnostics);
  if (const ConfigNode* points = root.node("points", false)) {
    if (points->kind != ConfigNode::Kind::sequence || points->items.empty()) {
      diagnostics.error(points->anchor(), "points",
                        "expected a non-empty list of points, each a map of key.path: value, found " +
                            points->describe_value());
    } else {
      for (std::size_t i = 0; i < points->items.size(); ++i) {
        const std::string item_path = "points[" + std::to_string(i) + "]";
        ConfigNode item = points->items[i];
        sweep.point_locations.push_back(item.anchor());
        sweep.point_labels.push_back(take_point_label(item, item_path, diagnostics));
        sweep.points.push_back(read_assignments(item, item_path, diagnostics));
      }
    }
  }
  if (auto reps = read_count(root, "replications_per_point", true, 1, kMaxReplications))
    sweep.replications_per_point = *reps;
  if (auto seed = read_count(root, "base_seed", false, 0, UINT64_MAX)) sweep.base_seed = *seed;
  if (auto seeds = root.choice("point_seeds", false, {"common", "independent"}))
    sweep.point_seeds = *seeds == 0 ? PointSeeds::common : PointSeeds::independent;
  if (auto events = root.boolean("events", false)) sweep.events = *events;
  read_precision(root, sweep);
  read_presentation(root, sweep);
  // The problems past which `past_unknown_keys` still gives the sweep back: each unknown top-level key, and
  // a missing key no point depends on (a misspelt `replication_per_point` is both unknown and missing).
  std::size_t problems_past_which_points_are_checked = root.reject_unknown_keys();
  for (const char* key : {"name", "replications_per_point"})
    if (root_node.find(key) == nullptr) ++problems_past_which_points_are_checked;

  // Refuse a grid too big to mean anything before a single point is made: 2^64 points would overflow the
  // count to 0 (and run the base scenario as one point), 10^7 would exhaust memory even for --dry-run.
  std::size_t points = 0;
  bool too_many = false;
  if (!sweep.grid.empty()) {
    points = 1;
    for (const auto& p : sweep.grid) {
      if (p.values.empty()) continue;
      if (points > kMaxSweepPoints / p.values.size()) too_many = true;
      points = too_many ? kMaxSweepPoints + 1 : points * p.values.size();
    }
  }
  points += sweep.points.size();
  const std::size_t scenarios = std::max<std::size_t>(1, sweep.scenarios.size());
  if (too_many || points > kMaxSweepPoints / scenarios) {
    const ConfigNode* grid = root.node("parameters", false);
    diagnostics.error(grid != nullptr ? grid->anchor() : root_node.where, "parameters",
                      "the sweep has more than " + std::to_string(kMaxSweepPoints) +
                          " points (scenarios x grid values x points); split it into several sweeps");
  } else if (points * scenarios * sweep.replications_per_point > kMaxSweepReplications) {
    // At the replications' line, where the product is most easily cut (the points are said too).
    const ConfigNode* reps = root.node("replications_per_point", false);
    diagnostics.error(reps != nullptr ? reps->where : root_node.where, "replications_per_point",
                      "the sweep asks for " +
                          std::to_string(points * scenarios * sweep.replications_per_point) +
                          " replications (" + std::to_string(points * scenarios) + " points x " +
                          std::to_string(sweep.replications_per_point) + "), more than the limit of " +
                          std::to_string(kMaxSweepReplications));
  }

  // A key fixed for the whole sweep and varied by it at once is a mistake either way.
  for (const auto& fixed : sweep.common) {
    for (const auto& varied : sweep.varied_keys())
      if (varied == fixed.key_path)
        diagnostics.error(fixed.key_where, "set." + fixed.key_path,
                          "is also varied by `parameters` or `points`; give it in one place only");
  }
  const std::size_t problems = diagnostics.items().size() - errors_before;
  if (problems == 0) return sweep;
  if (with_problems == SweepWithProblems::past_unknown_keys &&
      problems == problems_past_which_points_are_checked)
    return sweep;
  return std::nullopt;
}

std::optional<SweepSpec> load_sweep_file(const std::string& path, Diagnostics& diagnostics,
                                         SweepWithProblems with_problems) {
  if (!std::filesystem::is_regular_file(path)) {
    diagnostics.error(SourceLocation{path, 0, 0}, "", "no such sweep file");
    return std::nullopt;
  }
  std::optional<ConfigNode> root = parse_config_file(path, diagnostics);
  if (!root) return std::nullopt;
  if (root->kind != ConfigNode::Kind::map) {
    // An empty file (or one cut short before its first key) has no line: name line 1, where the map
    // of keys should start, so that the message is located like every other.
    SourceLocation at = root->where;
    if (at.line == 0) at = SourceLocation{path, 1, 1};
    diagnostics.error(at, "", "a sweep must be a map of keys, found " + std::string(root->kind_name()));
    return std::nullopt;
  }
  return read_sweep(*root, path, diagnostics, with_problems);
}

}  // namespace probsim
