#include "config/load_staff_scale.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <utility>

namespace probsim {

namespace {

constexpr double kMaxFactor = 10.0;  // a tenfold rise at most: beyond it a scenario should say so itself

// The largest headcount of one staff group the loader accepts (scenario_loader's read_staff).
constexpr double kMaxHeadcount = 100000.0;

// The index (in `names`) of the name `node` gives, or an error naming the candidates' closest.
std::optional<std::size_t> find_name(const ConfigNode& node, const std::string& path, const char* what,
                                     const std::vector<std::string>& names, Diagnostics& d) {
  if (node.kind == ConfigNode::Kind::scalar)
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == node.scalar) return i;
  std::string message =
      std::string("expected the name of a ") + what + " in this scenario, found " + node.describe_value();
  if (node.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(node.scalar, names);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(node.where, path, message);
  return std::nullopt;
}

}  // namespace

std::vector<int> scaled_headcounts(const std::vector<int>& headcounts, double factor) {
  const long total = std::accumulate(headcounts.begin(), headcounts.end(), 0L);
  const auto target = static_cast<long>(std::floor(factor * static_cast<double>(total) + 0.5));
  std::vector<int> scaled(headcounts.size());
  std::vector<double> remainder(headcounts.size());
  long given = 0;
  for (std::size_t g = 0; g < headcounts.size(); ++g) {
    const double exact = factor * headcounts[g];
    scaled[g] = static_cast<int>(std::floor(exact));
    remainder[g] = exact - scaled[g];
    given += scaled[g];
  }
  std::vector<std::size_t> order(headcounts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < target && k < order.size(); ++k, ++given) ++scaled[order[k]];
  return scaled;
}

void read_staff_scale(FieldReader& plan, Scenario& s) {
  const ConfigNode* list = plan.node("staff_scale", false);
  if (list == nullptr) return;
  Diagnostics& d = plan.diagnostics();
  const std::string path = plan.child_path("staff_scale");
  // One entry as a map (the common case, and one key path for a sweep: staff_scale.factor), or a list.
  std::vector<std::pair<const ConfigNode*, std::string>> entries;
  if (list->kind == ConfigNode::Kind::map) {
    entries.emplace_back(list, path);
  } else if (list->kind == ConfigNode::Kind::sequence) {
    for (std::size_t i = 0; i < list->items.size(); ++i)
      entries.emplace_back(&list->items[i], path + "[" + std::to_string(i) + "]");
  } else {
    d.error(list->anchor(), path,
            "expected {grade, factor} with an optional region or pdu, or a list of them; found " +
                list->describe_value());
    return;
  }
  if (s.window.warm_start == WarmStart::snapshot) {
    d.error(list->anchor(), path,
            "scales the staff listed in the scenario; with warm_start: snapshot the staff come from the "
            "staff CSV, so scale them there");
    return;
  }
  std::vector<std::string> region_names, pdu_names, grade_names;
  for (const auto& region : s.regions) {
    region_names.push_back(region.name);
    for (const auto& pdu : region.pdus) pdu_names.push_back(pdu.name);
  }
  for (const auto name : kGradeNames) grade_names.emplace_back(name);

  for (const auto& [entry_node, entry_path] : entries) {
    FieldReader entry(entry_node, entry_path, d);
    if (!entry.ok()) continue;
    const auto grade = entry.choice("grade", true, grade_names);
    const auto factor = entry.number("factor", true, 0.0, kMaxFactor);
    const ConfigNode* region_node = entry.node("region", false);
    const ConfigNode* pdu_node = entry.node("pdu", false);
    entry.reject_unknown_keys();
    std::optional<std::size_t> region, pdu;
    if (region_node != nullptr)
      region = find_name(*region_node, entry.child_path("region"), "region", region_names, d);
    if (pdu_node != nullptr) pdu = find_name(*pdu_node, entry.child_path("pdu"), "PDU", pdu_names, d);
    if (region_node != nullptr && pdu_node != nullptr) {
      d.error(pdu_node->anchor(), entry.child_path("pdu"),
              "give a region or a PDU, not both (a PDU's region is known from the scenario)");
      continue;
    }
    if (!grade || !factor || (region_node != nullptr && !region) || (pdu_node != nullptr && !pdu)) continue;

    const auto g = static_cast<Grade>(*grade);
    std::size_t pdu_index = 0, people_in_scope = 0;
    std::vector<PduSpec*> in_scope;
    for (std::size_t r = 0; r < s.regions.size(); ++r)
      for (auto& spec : s.regions[r].pdus) {
        const bool covered = pdu ? pdu_index == *pdu : (!region || r == *region);
        ++pdu_index;
        if (!covered) continue;
        in_scope.push_back(&spec);
        for (const auto& group : spec.staff)
          if (group.person.grade == g) people_in_scope += static_cast<std::size_t>(group.headcount);
      }
    // A factor on nobody would be accepted and change nothing: refused, naming the scope.
    if (people_in_scope == 0) {
      d.error(entry_node->anchor(), entry.path(),
              "there are no " + grade_names[*grade] + " staff in " +
                  (pdu      ? "PDU '" + pdu_names[*pdu] + "'"
                   : region ? "region '" + region_names[*region] + "'"
                            : std::string("the scenario")) +
                  " to scale");
      continue;
    }
    for (PduSpec* spec : in_scope) {
      std::vector<int> headcounts;
      for (const auto& group : spec->staff)
        if (group.person.grade == g) headcounts.push_back(group.headcount);
      const std::vector<int> scaled = scaled_headcounts(headcounts, *factor);
      std::size_t k = 0;
      for (auto& group : spec->staff)
        if (group.person.grade == g) {
          if (scaled[k] > kMaxHeadcount) {
            d.error(entry.node("factor", false)->anchor(), entry.child_path("factor"),
                    "gives PDU '" + spec->name + "' " + std::to_string(scaled[k]) + " " +
                        grade_names[*grade] +
                        " staff in one group, more than the 100000 a staff group may have");
            return;
          }
          group.headcount = scaled[k++];
        }
    }
  }
}

}  // namespace probsim
