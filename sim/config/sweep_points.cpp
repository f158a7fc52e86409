#include <algorithm>
#include <map>
#include <set>

#include "config/sweep_loader.hpp"
#include "config/sweep_same_values.hpp"
#include "core/random_stream.hpp"

// A sweep's points: their expansion from the grid and the explicit points, and the building and
// checking of every point's scenario before anything runs.

namespace probsim {

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

std::vector<SweepPoint> expand_points(const SweepSpec& sweep, Diagnostics& diagnostics) {
  std::vector<SweepPoint> points;
  std::vector<SourceLocation> locations;  // per point: its `points` item, or its scenario
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
      locations.push_back(sweep.scenario_locations.at(s));
    }
    for (std::size_t i = 0; i < sweep.points.size(); ++i) {
      SweepPoint point{"", s, sweep.points[i], 0, ""};
      if (i < sweep.point_labels.size()) point.label = sweep.point_labels[i];
      points.push_back(std::move(point));
      locations.push_back(i < sweep.point_locations.size() ? sweep.point_locations[i]
                                                           : sweep.scenario_locations.at(s));
    }
    if (grid_size == 0 && sweep.points.empty()) {
      points.push_back(SweepPoint{"", s, {}, 0, ""});
      locations.push_back(sweep.scenario_locations.at(s));
    }
  }

  const std::size_t width = std::max<std::size_t>(4, std::to_string(points.size()).size());
  // A point with no values of its own (`{}`) is found by its item in `points`.
  auto place = [&](std::size_t i) {
    return points[i].assignments.empty() ? locations[i] : points[i].assignments.front().key_where;
  };
  std::map<std::string, std::size_t> first_by_key;  // same_point_key → the first such point
  for (std::size_t i = 0; i < points.size(); ++i) {
    SweepPoint& point = points[i];
    const std::string number = std::to_string(i + 1);
    point.id = "p" + std::string(width - number.size(), '0') + number;
    const auto [it, inserted] = first_by_key.emplace(same_point_key(point, sweep), i);
    if (!inserted) {
      const SweepPoint& first = points[it->second];
      diagnostics.error(place(i), "points",
                        "point " + point.id + " (" + point.describe() + ") is the same as point " + first.id +
                            " (" + first.describe() + ", at line " + std::to_string(place(it->second).line) +
                            "); each point must differ in its scenario or its values");
    }
    point.base_seed = sweep.point_seeds == PointSeeds::common
                          ? sweep.base_seed
                          : combine_seed(combine_seed(sweep.base_seed, purpose_key("sweep_point")),
                                         purpose_key(point.identity(sweep)));
  }
  return points;
}

namespace {

// Keys of a sweep that override one another silently. A list item may be named by its index or its
// `name`, so `regions.0.x` and `regions.London.x` are one setting spelt twice: compared as text they passed
// as two keys, a grid over both ran points in which one overrode the other, and `set` could fix a key the
// grid varied. And a key inside one that replaces its whole map or list after it is lost. Checked against
// each base scenario with `set` applied, whose lists give the names.
void refuse_keys_that_override_each_other(const SweepSpec& sweep,
                                          const std::vector<std::optional<ConfigNode>>& bases,
                                          Diagnostics& diagnostics) {
  struct Key {
    std::string block;  // set, parameters or points[i], for the message's key
    const std::string* path;
    SourceLocation where;
  };
  std::vector<Key> keys;
  for (const auto& a : sweep.common) keys.push_back({"set", &a.key_path, a.key_where});
  for (const auto& parameter : sweep.grid)
    keys.push_back({"parameters", &parameter.key_path, parameter.key_where});
  for (std::size_t i = 0; i < sweep.points.size(); ++i)
    for (const auto& a : sweep.points[i])
      keys.push_back({"points[" + std::to_string(i) + "]", &a.key_path, a.key_where});
  std::set<std::pair<std::string, std::string>> reported;
  for (std::size_t s = 0; s < bases.size(); ++s) {
    ConfigNode tree = *bases[s];
    Diagnostics ignored;  // a bad `set` path is reported with each point
    for (const auto& a : sweep.common) set_at_path(tree, a.key_path, a.value, a.key_where, ignored);
    std::vector<std::string> indexed;
    for (const Key& key : keys) indexed.push_back(indexed_key_path(tree, *key.path));
    // A key inside a map or list that a key applied after it replaces is lost (staff.0.headcount, then
    // staff): the points differ in name only. Keys are applied `set` first, then the point's own, each in
    // order; a grid's keys and an explicit point's are never applied together.
    for (std::size_t a = 0; a < keys.size(); ++a)
      for (std::size_t b = a + 1; b < keys.size(); ++b) {
        const bool together = keys[a].block == "set" || keys[a].block == keys[b].block;
        if (!together || !indexed[a].starts_with(indexed[b] + ".") ||
            !reported.emplace(*keys[a].path, *keys[b].path).second)
          continue;
        // `set` is applied before every point, so its key cannot be moved after a point's.
        const std::string advice =
            keys[a].block == "set" && keys[b].block != "set"
                ? "give it inside that key's value there, or in the points instead of `set`"
                : "give its value inside that key's, or set the narrower key after the broader";
        diagnostics.error(keys[a].where, keys[a].block + "." + *keys[a].path,
                          "is lost: '" + *keys[b].path + "' (line " + std::to_string(keys[b].where.line) +
                              ", " + keys[b].block +
                              "), applied after it, replaces the whole of what holds it in scenario '" +
                              sweep.scenarios.at(s) + "'; " + advice);
      }
    std::map<std::string, const Key*> first_by_path;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const Key& key = keys[k];
      const auto [it, inserted] = first_by_path.emplace(indexed[k], &key);
      const Key& first = *it->second;
      if (inserted || *first.path == *key.path || !reported.emplace(*first.path, *key.path).second) continue;
      const std::string line = std::to_string(first.where.line);
      // `set` against a varied key is the mistake `read_sweep` names when both are spelt alike.
      const bool fixed_and_varied = (first.block == "set") != (key.block == "set");
      diagnostics.error(
          key.where, key.block + "." + *key.path,
          fixed_and_varied
              ? "is the setting '" + *first.path + "' (line " + line + ") spelt another way, " +
                    "fixed by `set` and varied by `parameters` or `points`; give it in one place only"
              : "names the same setting as '" + *first.path + "' (line " + line + ") in scenario '" +
                    sweep.scenarios.at(s) + "'; spell each key one way throughout the sweep");
    }
  }
}

std::size_t count_values(const ConfigNode& node) {
  std::size_t n = 1;
  for (const auto& item : node.items) n += count_values(item);
  for (const auto& [key, value] : node.entries) n += count_values(value);
  return n;
}

// The sweep's `set`, then the point's own values: a point's scenario is its file's tree after these.
void apply_point_values(ConfigNode& tree, const SweepSpec& sweep, const SweepPoint& point,
                        Diagnostics& diagnostics) {
  for (const auto& a : sweep.common) set_at_path(tree, a.key_path, a.value, a.key_where, diagnostics);
  for (const auto& a : point.assignments) set_at_path(tree, a.key_path, a.value, a.key_where, diagnostics);
}

}  // namespace

std::optional<std::vector<LoadedPoint>> load_points(const SweepSpec& sweep,
                                                    const std::vector<SweepPoint>& points,
                                                    Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.items().size();
  std::vector<std::optional<ConfigNode>> bases(sweep.scenarios.size());
  for (std::size_t s = 0; s < sweep.scenarios.size(); ++s) {
    const std::filesystem::path file = sweep.scenario_file(s);
    if (!std::filesystem::is_regular_file(file)) {
      std::error_code ignored;
      const bool directory = std::filesystem::is_directory(file, ignored);
      const bool other = !directory && std::filesystem::exists(file, ignored);  // a device or a pipe
      diagnostics.error(sweep.scenario_locations.at(s), "scenarios",
                        (directory ? "the path it names is a directory, not a scenario file: '"
                         : other   ? "the path it names is not a regular file (a device or pipe?): '"
                                   : "no such scenario file: '") +
                            file.string() + "' (paths are relative to the sweep file)");
      continue;
    }
    bases[s] = load_config_with_extends(file.string(), diagnostics);
  }
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  // Reported beside the points' own problems, which are still checked.
  refuse_keys_that_override_each_other(sweep, bases, diagnostics);

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

  std::vector<std::shared_ptr<const ConfigNode>> shared_bases;
  for (auto& base : bases) shared_bases.push_back(std::make_shared<const ConfigNode>(std::move(*base)));
  std::vector<LoadedPoint> loaded;
  for (const auto& point : points) {
    ConfigNode tree = *shared_bases[point.scenario];
    Diagnostics found;
    apply_point_values(tree, sweep, point, found);
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
    if (scenario) loaded.push_back(LoadedPoint{point, std::move(*scenario), shared_bases[point.scenario]});
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

ConfigNode LoadedPoint::resolved(const SweepSpec& sweep) const {
  ConfigNode tree = *base;
  Diagnostics checked;  // by load_points, on this same tree
  apply_point_values(tree, sweep, point, checked);
  name_snapshot_csvs_absolutely(tree, scenario);
  return tree;
}

std::vector<std::size_t> scenario_value_counts(const SweepSpec& sweep) {
  std::vector<std::size_t> counts;
  for (std::size_t s = 0; s < sweep.scenarios.size(); ++s) {
    Diagnostics ignored;  // load_points reports them
    const std::filesystem::path file = sweep.scenario_file(s);
    std::error_code error;
    const std::optional<ConfigNode> tree = std::filesystem::is_regular_file(file, error)
                                               ? load_config_with_extends(file.string(), ignored)
                                               : std::nullopt;
    counts.push_back(tree ? count_values(*tree) : 0);
  }
  return counts;
}

}  // namespace probsim
