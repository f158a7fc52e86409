#pragma once
// The value readers the scenario loader's block files share (internal to sim/config, not a public
// interface): numbers in a range, lists, share maps, distributions, grades, names of PDUs
// and regions. Each reports a problem at file:line:column with the key's path, as the blocks do.

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_node.hpp"
#include "config/field_reader.hpp"
#include "core/rule_problems.hpp"
#include "scenario/scenario.hpp"

namespace probsim::scenario_loading {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// describe_number (core/rule_problems.hpp): a number as a message shows it (the shortest form, as
// `<<` writes it; not the CSV files' format_number, which writes 12 significant digits).

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

// A map from category name to a share in [0, 1]. Missing names are 0. That the shares sum to 1 is the
// rule struct's check() (core/share_sum.hpp), which the caller reports with report_problems.
template <std::size_t N>
std::optional<std::vector<double>> read_shares(FieldReader& parent, std::string_view key,
                                               const std::array<std::string_view, N>& names,
                                               bool required = true) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return std::nullopt;
  FieldReader shares(node, parent.child_path(key), parent.diagnostics());
  if (!shares.ok()) return std::nullopt;
  std::vector<double> values(N, 0.0);
  bool complete = true;
  for (std::size_t i = 0; i < N; ++i) {
    auto share = shares.number(names[i], false, 0.0, 1.0);
    if (share)
      values[i] = *share;
    else if (node->find(names[i]) != nullptr)
      complete = false;
  }
  shares.reject_unknown_keys();
  if (!complete) return std::nullopt;
  return values;
}

// A list of names from `names` (e.g. task kinds, priority criteria), each at most once, with a
// did-you-mean for a misspelt one.
template <std::size_t N>
std::optional<std::vector<std::size_t>> read_name_list(FieldReader& parent, std::string_view key,
                                                       const std::array<std::string_view, N>& names,
                                                       const std::string& what, bool allow_empty) {
  const ConfigNode* list = parent.node(key, false);
  if (list == nullptr) return std::nullopt;
  Diagnostics& d = parent.diagnostics();
  const std::string path = parent.child_path(key);
  if (list->kind != ConfigNode::Kind::sequence || (!allow_empty && list->items.empty())) {
    d.error(list->anchor(), path,
            std::string("expected a ") + (allow_empty ? "" : "non-empty ") + "list of " + what + ", found " +
                list->describe_value());
    return std::nullopt;
  }
  std::vector<std::size_t> out;
  bool ok = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const ConfigNode& item = list->items[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    std::optional<std::size_t> index;
    if (item.kind == ConfigNode::Kind::scalar) index = index_of(item.scalar, names);
    if (!index) {
      std::string listed;
      for (auto name : names) listed += (listed.empty() ? "" : ", ") + std::string(name);
      std::string message = "expected one of " + listed + "; found " + item.describe_value();
      if (item.kind == ConfigNode::Kind::scalar) {
        const std::string suggestion = did_you_mean(item.scalar, names_of(names));
        if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      }
      d.error(item.where, item_path, message);
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), *index) != out.end()) {
      d.error(item.where, item_path, "'" + item.scalar + "' is listed twice");
      ok = false;
      continue;
    }
    out.push_back(*index);
  }
  if (!ok) return std::nullopt;
  return out;
}

// A list of numbers, each in [min, max].
std::optional<std::vector<double>> read_number_list(const ConfigNode& node, const std::string& path,
                                                    double min, double max, Diagnostics& d);

// A bounded distribution in the unit the key names (`unit`, e.g. "MONTHS"), with values in [min, max]:
// `{fixed: X}`, `{values: [...], weights: [...]}` or `{uniform: [MIN, MAX]}`.
std::optional<BoundedDistribution> read_distribution(FieldReader& parent, std::string_view key, bool required,
                                                     const std::string& unit, double min, double max);

// A grade name (po, pso or pqip), with a did-you-mean for a misspelt one.
std::optional<Grade> read_grade(const ConfigNode& value, const std::string& path, Diagnostics& d);

// A map from grade name to a number in [min, max]; grades not given are 0.
std::optional<PerGrade<double>> read_per_grade(FieldReader& parent, std::string_view key, bool required,
                                               double min, double max);

// The index (in scenario order) of the PDU, or of the region, a scalar names, with a did-you-mean when
// there is none. Only PDUs and regions already read (the `regions` block) can be named.
std::optional<std::size_t> find_pdu(const Scenario& s, const ConfigNode& name, const std::string& path,
                                    Diagnostics& d);
std::optional<std::size_t> find_region(const Scenario& s, const ConfigNode& name, const std::string& path,
                                       Diagnostics& d);

// Where to point at a key of `map` that may be absent: the key itself, else the map.
const SourceLocation& where_of(const ConfigNode& map, std::string_view key);

// Reports a rule struct's problems (its check(), core/rule_problems.hpp) in the order found, each at
// the key it names under `block` (the map the struct was read from, at `block_path`): at the key's
// value, or at the key itself with `at_key`; a key the file does not give is pointed at the nearest
// map or list above it that the file does give (at worst the block). The
// caller checks only values that read (one that did not holds its default, and already has an error).
void report_problems(const ConfigNode& block, const std::string& block_path, const RuleProblems& problems,
                     Diagnostics& d, bool at_key = false);

// The problems of `problems` about `key` (and the keys under it), in order: for a block that checks
// each value when it reads it, as the file's order of keys has it.
RuleProblems only(const RuleProblems& problems, std::string_view key);
// The problems under map `key`, with their keys relative to it: for a check reported from a sub-block.
RuleProblems only_under(const RuleProblems& problems, std::string_view key);

// A list of priority criteria (caseload/priority_rule.hpp), non-empty, each at most once: the task
// order (`sentence_management.priority_order`) and a waiting list's (`interventions.bbr.priority_order`).
std::optional<std::vector<PriorityCriterion>> read_priority_criteria(FieldReader& parent,
                                                                     std::string_view key);

}  // namespace probsim::scenario_loading
