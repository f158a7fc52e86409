// The value readers every block shares (see loader_values.hpp).

#include "config/loader_values.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "config/counted.hpp"

namespace probsim::scenario_loading {

std::optional<std::vector<double>> read_number_list(const ConfigNode& node, const std::string& path,
                                                    double min, double max, Diagnostics& diagnostics) {
  if (node.kind != ConfigNode::Kind::sequence) {
    diagnostics.error(node.where, path, "expected a list of numbers, found " + node.describe_value());
    return std::nullopt;
  }
  std::vector<double> values;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    auto v =
        FieldReader::to_number(node.items[i], path + "[" + std::to_string(i) + "]", min, max, diagnostics);
    if (v)
      values.push_back(*v);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return values;
}

// A bounded distribution in the unit the key names (`unit`, e.g. "MONTHS"), with values in [min, max]:
// `{fixed: X}`, `{values: [...], weights: [...]}` or `{uniform: [MIN, MAX]}`.
std::optional<BoundedDistribution> read_distribution(FieldReader& parent, std::string_view key, bool required,
                                                     const std::string& unit, double min, double max) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return std::nullopt;
  FieldReader form(node, parent.child_path(key), parent.diagnostics());
  if (!form.ok()) return std::nullopt;
  Diagnostics& d = parent.diagnostics();
  BoundedDistribution out;
  const ConfigNode* fixed = form.node("fixed", false);
  const ConfigNode* values = form.node("values", false);
  const ConfigNode* weights = form.node("weights", false);
  const ConfigNode* uniform = form.node("uniform", false);
  form.reject_unknown_keys();
  const int forms = (fixed != nullptr) + (values != nullptr) + (uniform != nullptr);
  if (forms != 1) {
    d.error(node->anchor(), form.path(),
            "give exactly one of 'fixed: " + unit + "', 'values: [" + unit +
                "...]' with 'weights: [...]', or "
                "'uniform: [MIN, MAX]'");
    return std::nullopt;
  }
  if (fixed != nullptr) {
    auto value = FieldReader::to_number(*fixed, form.child_path("fixed"), min, max, d);
    if (!value) return std::nullopt;
    return BoundedDistribution::fixed_at(*value);
  }
  if (uniform != nullptr) {
    auto range = read_number_list(*uniform, form.child_path("uniform"), min, max, d);
    if (!range) return std::nullopt;
    if (range->size() != 2 || (*range)[0] > (*range)[1]) {
      d.error(uniform->where, form.child_path("uniform"), "expected [MIN, MAX] with MIN <= MAX");
      return std::nullopt;
    }
    out.kind = BoundedDistribution::Kind::uniform;
    out.values = *range;
    return out;
  }
  auto listed = read_number_list(*values, form.child_path("values"), min, max, d);
  if (weights == nullptr) {
    d.error(node->anchor(), form.child_path("weights"), "is required with 'values'");
    return std::nullopt;
  }
  auto w = read_number_list(*weights, form.child_path("weights"), 0.0, kInfinity, d);
  if (!listed || !w) return std::nullopt;
  if (listed->empty() || listed->size() != w->size()) {
    d.error(weights->where, form.child_path("weights"),
            listed->empty() && w->empty()
                ? std::string("'values' and 'weights' are both empty; give at least one value and its weight")
                : "expected one weight per value (" + counted(listed->size(), "value") + ", " +
                      counted(w->size(), "weight") + ")");
    return std::nullopt;
  }
  double total = 0.0;
  for (double x : *w) total += x;
  if (!std::isfinite(total)) {
    // Finite weights whose sum overflows ([1e308, 1e308]): as fractions of the largest, in proportion.
    const double largest = *std::max_element(w->begin(), w->end());
    total = 0.0;
    for (double& x : *w) total += (x /= largest);
  }
  if (total <= 0.0) {
    d.error(weights->where, form.child_path("weights"), "at least one weight must be positive");
    return std::nullopt;
  }
  for (double& x : *w) x /= total;
  out.kind = BoundedDistribution::Kind::discrete;
  out.values = *listed;
  out.weights = *w;
  return out;
}

std::optional<Grade> read_grade(const ConfigNode& value, const std::string& path, Diagnostics& d) {
  if (value.kind == ConfigNode::Kind::scalar)
    if (auto index = index_of(value.scalar, kGradeNames)) return static_cast<Grade>(*index);
  std::string message = "expected a grade (po, pso or pqip), found " + value.describe_value();
  if (value.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(value.scalar, names_of(kGradeNames));
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(value.where, path, message);
  return std::nullopt;
}

// A map from grade name to a number in [min, max]; grades not given are 0.
std::optional<PerGrade<double>> read_per_grade(FieldReader& parent, std::string_view key, bool required,
                                               double min, double max) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return std::nullopt;
  FieldReader grades(node, parent.child_path(key), parent.diagnostics());
  if (!grades.ok()) return std::nullopt;
  PerGrade<double> values{};
  for (std::size_t g = 0; g < kGradeCount; ++g)
    if (auto v = grades.number(kGradeNames[g], false, min, max)) values[g] = *v;
  grades.reject_unknown_keys();
  return values;
}

// The index (in scenario order) of the PDU a scalar names, with a did-you-mean when there is none.
std::optional<std::size_t> find_pdu(const Scenario& s, const ConfigNode& name, const std::string& path,
                                    Diagnostics& d) {
  std::vector<std::string> names;
  for (const auto& region : s.regions)
    for (const auto& pdu : region.pdus) names.push_back(pdu.name);
  if (name.kind == ConfigNode::Kind::scalar)
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name.scalar) return i;
  std::string message = "expected the name of a PDU in this scenario, found " + name.describe_value();
  if (name.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(name.scalar, names);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(name.where, path, message);
  return std::nullopt;
}

std::optional<std::size_t> find_region(const Scenario& s, const ConfigNode& name, const std::string& path,
                                       Diagnostics& d) {
  std::vector<std::string> names;
  for (const auto& region : s.regions) names.push_back(region.name);
  if (name.kind == ConfigNode::Kind::scalar)
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name.scalar) return i;
  std::string message = "expected the name of a region in this scenario, found " + name.describe_value();
  if (name.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(name.scalar, names);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(name.where, path, message);
  return std::nullopt;
}

// Where to point at a key of `map` that may be absent: the key itself, else the map.
const SourceLocation& where_of(const ConfigNode& map, std::string_view key) {
  const ConfigNode* value = map.find(key);
  return value != nullptr ? value->anchor() : map.anchor();
}

RuleProblems only(const RuleProblems& problems, std::string_view key) {
  RuleProblems out;
  for (const RuleProblem& p : problems)
    if (p.key.rfind(key, 0) == 0 &&
        (p.key.size() == key.size() || p.key[key.size()] == '.' || p.key[key.size()] == '['))
      out.push_back(p);
  return out;
}

RuleProblems only_under(const RuleProblems& problems, std::string_view key) {
  RuleProblems out;
  for (const RuleProblem& p : problems)
    if (p.key.size() > key.size() && p.key.rfind(key, 0) == 0 && p.key[key.size()] == '.')
      out.push_back(RuleProblem{p.key.substr(key.size() + 1), p.message});
  return out;
}

std::optional<std::vector<PriorityCriterion>> read_priority_criteria(FieldReader& parent,
                                                                     std::string_view key) {
  auto indices = read_name_list(parent, key, kPriorityCriterionNames, "priority criteria", false);
  if (!indices) return std::nullopt;
  std::vector<PriorityCriterion> criteria;
  for (std::size_t i : *indices) criteria.push_back(static_cast<PriorityCriterion>(i));
  return criteria;
}

}  // namespace probsim::scenario_loading
