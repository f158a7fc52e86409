#include "config/sweep_same_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace probsim {

namespace {

// A number as the scenario reader takes one (FieldReader::to_number: all of the text, finite), written
// the shortest way that reads back as the same double; nothing for text that is not such a number.
std::optional<std::string> number_written_one_way(const std::string& text) {
  double number = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, number);
  if (error != std::errc() || stop != end || !std::isfinite(number)) return std::nullopt;
  if (number == 0.0) number = 0.0;  // -0 sets what 0 sets
  char written[32];
  const auto [last, written_error] = std::to_chars(written, written + sizeof written, number);
  if (written_error != std::errc()) return std::nullopt;
  return std::string(written, last);
}

// Each number written one way, and each map's keys in one order: a YAML map has no order, and the
// scenario reader reads it by key, so {po: 10, pso: 12} and {pso: 12, po: 10.0} set one value (they made
// two points that ran the same scenario twice). A list keeps its order, which is its meaning.
void write_one_way(ConfigNode& node) {
  if (node.kind == ConfigNode::Kind::scalar) {
    if (auto number = number_written_one_way(node.scalar)) node.scalar = *number;
  }
  for (auto& item : node.items) write_one_way(item);
  for (auto& [key, value] : node.entries) write_one_way(value);
  std::stable_sort(node.entries.begin(), node.entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

std::string same_value_key(const ConfigNode& value) {
  ConfigNode copy = value;
  write_one_way(copy);
  return emit_yaml_inline(copy);
}

std::string same_point_key(const SweepPoint& point, const SweepSpec& sweep) {
  std::vector<std::string> settings;
  for (const auto& a : point.assignments) settings.push_back(a.key_path + "=" + same_value_key(a.value));
  // {x: 6, y: 4} and {y: 4, x: 6} set the same scenario, so the order is not part of the point; unless one
  // key lies inside another's value (`a` and `a.b`), where the later one wins and the order is.
  bool nested = false;
  for (const auto& a : point.assignments)
    for (const auto& b : point.assignments)
      if (&a != &b && b.key_path.size() > a.key_path.size() && b.key_path.starts_with(a.key_path) &&
          (b.key_path[a.key_path.size()] == '.' || b.key_path[a.key_path.size()] == '['))
        nested = true;
  if (!nested) std::sort(settings.begin(), settings.end());
  std::string text = "scenario=" + sweep.scenarios.at(point.scenario);
  for (const std::string& setting : settings) text += ";" + setting;
  return text;
}

std::optional<std::string> ValuesSeen::repeat(const ConfigNode& value) {
  const auto [it, inserted] = first_.emplace(same_value_key(value), &value);
  if (inserted) return std::nullopt;
  const std::string written = emit_yaml_inline(value);
  const std::string first_written = emit_yaml_inline(*it->second);
  return "the value " + written + " is listed twice (first at line " +
         std::to_string(it->second->where.line) + (first_written == written ? "" : ", as " + first_written) +
         ")";
}

}  // namespace probsim
