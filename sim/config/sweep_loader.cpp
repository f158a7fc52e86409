#include "config/sweep_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include "config/field_reader.hpp"
#include "core/random_stream.hpp"

namespace probsim {

namespace {

constexpr std::uint64_t kMaxReplications = 1'000'000;

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
    std::map<std::string, int> seen;  // value text → line
    bool ok = true;
    for (const ConfigNode& value : values.items) {
      if (value.kind == ConfigNode::Kind::null) {
        diagnostics.error(value.where, path, "a value in the list is empty");
        ok = false;
        continue;
      }
      const auto [it, inserted] = seen.emplace(emit_yaml_inline(value), value.where.line);
      if (!inserted) {
        diagnostics.error(
            value.where, path,
            "the value " + it->first + " is listed twice (first at line " + std::to_string(it->second) + ")");
        ok = false;
      }
    }
    if (ok) sweep.grid.push_back(SweepParameter{key, values.key_where, values.items});
  }
}

void read_precision(FieldReader& root, SweepSpec& sweep) {
  const ConfigNode* node = root.node("precision", false);
  if (node == nullptr) return;
  FieldReader precision(node, "precision", root.diagnostics());
  if (!precision.ok()) return;
  PrecisionTarget target;
  const auto width = precision.number("relative_half_width", true, 1e-9, 10.0);
  if (width) target.relative_half_width = *width;
  if (const ConfigNode* kpis = precision.node("kpis", false)) {
    if (kpis->kind != ConfigNode::Kind::sequence || kpis->items.empty()) {
      root.diagnostics().error(kpis->anchor(), "precision.kpis",
                               "expected a non-empty list of KPI names, found " + kpis->describe_value());
    } else {
      for (const ConfigNode& kpi : kpis->items) {
        if (kpi.kind != ConfigNode::Kind::scalar || kpi.scalar.empty())
          root.diagnostics().error(kpi.where, "precision.kpis",
                                   "expected a KPI name, found " + kpi.describe_value());
        else
          target.kpis.push_back(kpi.scalar);
      }
    }
  }
  const auto max = read_count(precision, "max_replications", false, 2, kMaxReplications);
  if (max) target.max_replications = *max;
  precision.reject_unknown_keys();
  if (max && sweep.replications_per_point > *max)
    root.diagnostics().error(
        node->find("max_replications")->where, "precision.max_replications",
        "must be at least replications_per_point (" + std::to_string(sweep.replications_per_point) + ")");
  if (!max && sweep.replications_per_point > target.max_replications)
    target.max_replications = sweep.replications_per_point;
  if (sweep.replications_per_point == 1)
    root.diagnostics().error(root.node("replications_per_point", false)->where, "replications_per_point",
                             "must be at least 2 with a precision target (a confidence interval needs two "
                             "replications)");
  if (width) sweep.precision = target;
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
    for (const auto& point : points) {
      ConfigNode map = map_node();
      append_assignments(map, point);
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
  return emit_yaml(root);
}

std::string SweepPoint::identity(const SweepSpec& sweep) const {
  std::string text = "scenario=" + sweep.scenarios.at(scenario);
  for (const auto& a : assignments) text += ";" + a.key_path + "=" + a.value_text();
  return text;
}

std::string SweepPoint::describe() const {
  if (assignments.empty()) return "the scenario as it is";
  std::string text;
  for (const auto& a : assignments) text += (text.empty() ? "" : ", ") + a.key_path + "=" + a.value_text();
  return text;
}

// The most points and replications one sweep file may ask for: far beyond any calibration the project
// has run (27 points x 4 replications), and small enough to list in memory and on disk.
constexpr std::size_t kMaxSweepPoints = 100'000;
constexpr std::size_t kMaxSweepReplications = 1'000'000;

std::optional<SweepSpec> read_sweep(const ConfigNode& root_node, const std::string& path,
                                    Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.items().size();
  FieldReader root(&root_node, "", diagnostics);
  if (!root.ok()) return std::nullopt;
  SweepSpec sweep;
  sweep.path = path;
  if (auto name = root.text("name", true)) sweep.name = *name;
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
        // The same file spelt two ways (./a.yaml, ../sweeps/../a.yaml) would run every point twice.
        std::error_code ignored;
        const std::string resolved =
            std::filesystem::weakly_canonical(std::filesystem::path(path).parent_path() / item.scalar, ignored)
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
      for (std::size_t i = 0; i < points->items.size(); ++i)
        sweep.points.push_back(
            read_assignments(points->items[i], "points[" + std::to_string(i) + "]", diagnostics));
    }
  }
  if (auto reps = read_count(root, "replications_per_point", true, 1, kMaxReplications))
    sweep.replications_per_point = *reps;
  if (auto seed = read_count(root, "base_seed", false, 0, UINT64_MAX)) sweep.base_seed = *seed;
  if (auto seeds = root.choice("point_seeds", false, {"common", "independent"}))
    sweep.point_seeds = *seeds == 0 ? PointSeeds::common : PointSeeds::independent;
  if (auto events = root.boolean("events", false)) sweep.events = *events;
  read_precision(root, sweep);
  root.reject_unknown_keys();

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
    diagnostics.error(root_node.where, "replications_per_point",
                      "the sweep asks for " + std::to_string(points * scenarios * sweep.replications_per_point) +
                          " replications, more than the limit of " + std::to_string(kMaxSweepReplications));
  }

  // A key fixed for the whole sweep and varied by it at once is a mistake either way.
  for (const auto& fixed : sweep.common) {
    for (const auto& varied : sweep.varied_keys())
      if (varied == fixed.key_path)
        diagnostics.error(fixed.key_where, "set." + fixed.key_path,
                          "is also varied by `parameters` or `points`; give it in one place only");
  }
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  return sweep;
}

std::optional<SweepSpec> load_sweep_file(const std::string& path, Diagnostics& diagnostics) {
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
  return read_sweep(*root, path, diagnostics);
}

std::vector<SweepPoint> expand_points(const SweepSpec& sweep, Diagnostics& diagnostics) {
  std::vector<SweepPoint> points;
  std::size_t grid_size = sweep.grid.empty() ? 0 : 1;
  for (const auto& p : sweep.grid) grid_size *= p.values.size();
  for (std::size_t s = 0; s < sweep.scenarios.size(); ++s) {
    for (std::size_t g = 0; g < grid_size; ++g) {
      SweepPoint point;
      point.scenario = s;
      std::size_t rest = g;  // mixed-radix digits of g, the last parameter the fastest
      std::vector<std::size_t> digits(sweep.grid.size());
      for (std::size_t k = sweep.grid.size(); k-- > 0;) {
        digits[k] = rest % sweep.grid[k].values.size();
        rest /= sweep.grid[k].values.size();
      }
      for (std::size_t k = 0; k < sweep.grid.size(); ++k)
        point.assignments.push_back(SweepAssignment{sweep.grid[k].key_path, sweep.grid[k].values[digits[k]],
                                                    sweep.grid[k].key_where});
      points.push_back(std::move(point));
    }
    for (const auto& explicit_point : sweep.points) points.push_back(SweepPoint{"", s, explicit_point, 0});
    if (grid_size == 0 && sweep.points.empty()) points.push_back(SweepPoint{"", s, {}, 0});
  }

  const std::size_t width = std::max<std::size_t>(4, std::to_string(points.size()).size());
  std::map<std::string, std::string> ids_by_identity;
  for (std::size_t i = 0; i < points.size(); ++i) {
    SweepPoint& point = points[i];
    const std::string number = std::to_string(i + 1);
    point.id = "p" + std::string(width - number.size(), '0') + number;
    const std::string identity = point.identity(sweep);
    const auto [it, inserted] = ids_by_identity.emplace(identity, point.id);
    if (!inserted) {
      const SourceLocation where = point.assignments.empty() ? sweep.scenario_locations.at(point.scenario)
                                                             : point.assignments.front().key_where;
      diagnostics.error(where, "points",
                        "point " + point.id + " (" + point.describe() + ") is the same as point " +
                            it->second + "; each point must differ in its scenario or its values");
    }
    point.base_seed =
        sweep.point_seeds == PointSeeds::common
            ? sweep.base_seed
            : combine_seed(combine_seed(sweep.base_seed, purpose_key("sweep_point")), purpose_key(identity));
  }
  return points;
}

std::optional<std::vector<LoadedPoint>> load_points(const SweepSpec& sweep,
                                                    const std::vector<SweepPoint>& points,
                                                    Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.items().size();
  std::vector<std::optional<ConfigNode>> bases(sweep.scenarios.size());
  for (std::size_t s = 0; s < sweep.scenarios.size(); ++s) {
    const std::filesystem::path file = sweep.scenario_file(s);
    if (!std::filesystem::is_regular_file(file)) {
      diagnostics.error(
          sweep.scenario_locations.at(s), "scenarios",
          "no such scenario file: '" + file.string() + "' (paths are relative to the sweep file)");
      continue;
    }
    bases[s] = load_config_with_extends(file.string(), diagnostics);
  }
  if (diagnostics.items().size() != errors_before) return std::nullopt;

  // The same problem in many points (a bad value of the grid, or one in the base scenario) is
  // reported once, with the first point that has it and how many others do.
  struct Problem {
    Diagnostic diagnostic;
    std::string first_point;
    std::size_t points = 0;
  };
  std::vector<Problem> problems;
  std::map<std::string, std::size_t> problem_index;
  std::vector<std::size_t> points_per_scenario(sweep.scenarios.size(), 0);
  for (const auto& point : points) ++points_per_scenario[point.scenario];

  std::map<std::string, std::string> point_description;
  for (const auto& point : points) point_description[point.id] = point.describe();

  std::vector<LoadedPoint> loaded;
  for (const auto& point : points) {
    ConfigNode tree = *bases[point.scenario];
    Diagnostics found;
    for (const auto& a : sweep.common) set_at_path(tree, a.key_path, a.value, a.key_where, found);
    for (const auto& a : point.assignments) set_at_path(tree, a.key_path, a.value, a.key_where, found);
    // Read even after a path error, so the point's other problems are found in the same pass.
    const bool paths_ok = found.empty();
    std::optional<Scenario> scenario = read_scenario(tree, found);
    if (!paths_ok) scenario.reset();
    for (const auto& d : found.items()) {
      const std::string key = d.describe();
      const auto [it, inserted] = problem_index.emplace(key, problems.size());
      if (inserted) problems.push_back(Problem{d, point.id, 0});
      ++problems[it->second].points;
    }
    if (scenario) loaded.push_back(LoadedPoint{point, LoadedScenario{std::move(*scenario), std::move(tree)}});
  }
  for (const auto& problem : problems) {
    Diagnostic d = problem.diagnostic;
    if (problem.points == 1)
      d.message +=
          " (in point " + problem.first_point + ": " + point_description.at(problem.first_point) + ")";
    else
      d.message +=
          " (in " + std::to_string(problem.points) + " points, the first " + problem.first_point + ")";
    diagnostics.error(d.where, d.key, d.message);
  }
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  return loaded;
}

}  // namespace probsim
