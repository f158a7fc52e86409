// `interventions.routing`: which cases are referred to which intervention.

#include <algorithm>
#include <array>

#include "config/load_interventions_parts.hpp"
#include "config/loader_values.hpp"
#include "core/share_sum.hpp"

namespace probsim::scenario_loading {

namespace {

// `structured_intervention_mix`: a share per structured intervention, by name, summing to 1.
void read_programme_mix(FieldReader& routing, const ConfigNode* routing_node, const ConfigNode& iv_node,
                        InterventionRules& rules) {
  Diagnostics& d = routing.diagnostics();
  const std::string path = routing.child_path("structured_intervention_mix");
  const std::size_t count = rules.structured_interventions.size();
  const ConfigNode* mix = routing.node("structured_intervention_mix", false);
  if (mix == nullptr) {
    if (count == 1)
      rules.routing.structured_intervention_mix = {1.0};
    else if (count > 1)
      d.error(routing_node != nullptr ? routing_node->anchor() : iv_node.anchor(), path,
              "is required when there is more than one structured intervention (a share for each, by name)");
    return;
  }
  if (mix->kind != ConfigNode::Kind::map) {
    d.error(mix->anchor(), path,
            "expected a map from structured intervention name to share, found " + mix->describe_value());
    return;
  }
  std::vector<double> shares(count, 0.0);
  bool ok = true;
  for (const auto& [key, value] : mix->entries) {
    ConfigNode key_node;
    key_node.kind = ConfigNode::Kind::scalar;
    key_node.scalar = key;
    const auto index = find_programme(rules, key_node, value.anchor(), path + "." + key, d);
    auto share = FieldReader::to_number(value, path + "." + key, 0.0, 1.0, d);
    if (!index || !share) {
      ok = false;
      continue;
    }
    shares[*index] = *share;
  }
  if (!ok) return;
  // InterventionRouting::check's rule of the mix, at the map; the mix is kept only when it holds. With
  // no structured interventions the map the file gives is empty, which the struct reads as "no mix";
  // the file is held to the rule itself (its shares sum to 0), as it always was.
  InterventionRouting with_mix = rules.routing;
  with_mix.structured_intervention_mix = shares;
  RuleProblems problems = only(with_mix.check(), "structured_intervention_mix");
  if (shares.empty()) {
    problems = check_shares_sum_to_one(shares);
    for (RuleProblem& problem : problems) problem.key = "structured_intervention_mix";
  }
  report_problems(*routing_node, routing.path(), problems, d, true);
  if (problems.empty()) rules.routing.structured_intervention_mix = shares;
}

}  // namespace

void read_routing(FieldReader& iv, const ConfigNode& iv_node, InterventionRules& rules) {
  const ConfigNode* node = iv.node("routing", false);
  FieldReader routing(node, iv.child_path("routing"), iv.diagnostics());
  Diagnostics& d = iv.diagnostics();
  InterventionRouting& r = rules.routing;
  if (node != nullptr && !routing.ok()) return;
  if (node != nullptr) {
    if (auto shares = read_shares(routing, "sara_level_shares", kSaraLevelNames, false)) {
      // InterventionRouting::check's rule of the SARA levels, at the map; kept only when it holds.
      const std::array<double, 3> before = r.sara_level_shares;
      std::copy(shares->begin(), shares->end(), r.sara_level_shares.begin());
      const RuleProblems problems = only(r.check(), "sara_level_shares");
      report_problems(*node, routing.path(), problems, d, true);
      if (!problems.empty()) r.sara_level_shares = before;
    }
    if (auto share = routing.number("bbr_requirement_share", false, 0.0, 1.0))
      r.bbr_requirement_share = *share;
    if (auto months = routing.number("bbr_minimum_order_months", false, 0.0, 1200.0))
      r.bbr_minimum_order_months = *months;
    if (auto share = routing.number("bbr_one_to_one_share", false, 0.0, 1.0)) r.bbr_one_to_one_share = *share;
    auto si = routing.number("sara_low_structured_intervention_share", false, 0.0, 1.0);
    auto toolkit = routing.number("sara_low_toolkit_share", false, 0.0, 1.0);
    if (si) r.sara_low_structured_intervention_share = *si;
    if (toolkit) r.sara_low_toolkit_share = *toolkit;
    // InterventionRouting::check, pointed at the toolkit share when the file gives it.
    if (si || toolkit) {
      RuleProblems problems = only(r.check(), "sara_low_toolkit_share");
      for (RuleProblem& problem : problems)
        if (!toolkit) problem.key = "sara_low_structured_intervention_share";
      report_problems(*node, routing.path(), problems, d, true);
    }
  }
  // InterventionRules::check_routing_targets, checked whether or not the interventions run.
  report_problems(iv_node, iv.path(), rules.check_routing_targets(), d, true);
  read_programme_mix(routing, node, iv_node, rules);
  if (node != nullptr) routing.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
