// `interventions_teams`: which team serves each PDU.

#include <map>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

// `interventions_teams`: each PDU served by exactly one team. Without the key, one team per region.
void read_interventions_teams(FieldReader& root, Scenario& s) {
  Diagnostics& d = root.diagnostics();
  const ConfigNode* list = root.node("interventions_teams", false);
  if (list == nullptr) {
    if (!s.interventions.enabled) return;
    std::size_t first = 0;
    for (const RegionSpec& region : s.regions) {
      InterventionsTeamSpec team{region.name, {}};
      for (std::size_t p = 0; p < region.pdus.size(); ++p) team.pdus.push_back(first + p);
      first += region.pdus.size();
      s.interventions_teams.push_back(std::move(team));
    }
    return;
  }
  if (root.node("interventions", false) == nullptr) {
    d.error(list->anchor(), "interventions_teams",
            "teams run interventions, but the scenario has no 'interventions' block: add one (or extend a "
            "base that has it)");
    return;
  }
  if (list->kind != ConfigNode::Kind::sequence || list->items.empty()) {
    d.error(list->anchor(), "interventions_teams",
            "expected a non-empty list of teams ({name, pdus: [PDU, ...]}), found " + list->describe_value());
    return;
  }
  std::vector<std::optional<std::size_t>> team_of(s.pdu_count());
  std::map<std::string, SourceLocation> names_seen;
  bool all_read = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    FieldReader item(&list->items[i], "interventions_teams[" + std::to_string(i) + "]", d);
    if (!item.ok()) {
      all_read = false;
      continue;
    }
    InterventionsTeamSpec team;
    if (auto name = item.label("name", true)) {
      team.name = *name;
      const SourceLocation& where = item.node("name", false)->where;
      auto [it, inserted] = names_seen.emplace(*name, where);
      if (!inserted)
        d.error(where, item.child_path("name"),
                "the name '" + *name + "' is already used at " + it->second.describe());
    }
    const ConfigNode* pdus = item.node("pdus", true);
    const std::string path = item.child_path("pdus");
    if (pdus == nullptr) {
      all_read = false;
    } else if (pdus->kind != ConfigNode::Kind::sequence || pdus->items.empty()) {
      d.error(pdus->anchor(), path,
              "expected a non-empty list of PDU names, found " + pdus->describe_value());
      all_read = false;
    } else {
      for (std::size_t p = 0; p < pdus->items.size(); ++p) {
        const std::string item_path = path + "[" + std::to_string(p) + "]";
        auto index = find_pdu(s, pdus->items[p], item_path, d);
        if (!index) {
          all_read = false;
          continue;
        }
        if (team_of[*index] && *team_of[*index] == s.interventions_teams.size()) {
          d.error(pdus->items[p].where, item_path, "'" + s.pdu_at(*index).name + "' is listed twice");
          continue;
        }
        if (team_of[*index]) {
          const InterventionsTeamSpec& other = s.interventions_teams[*team_of[*index]];
          d.error(pdus->items[p].where, item_path,
                  "'" + s.pdu_at(*index).name + "' is already served by team '" + other.name +
                      "': a PDU is served by one team");
          continue;
        }
        team_of[*index] = s.interventions_teams.size();
        team.pdus.push_back(*index);
      }
    }
    item.reject_unknown_keys();
    s.interventions_teams.push_back(std::move(team));
  }
  if (!all_read) return;
  std::string unserved;
  for (std::size_t p = 0; p < team_of.size(); ++p)
    if (!team_of[p]) unserved += (unserved.empty() ? "'" : ", '") + s.pdu_at(p).name + "'";
  if (!unserved.empty())
    d.error(list->anchor(), "interventions_teams",
            "every PDU must be served by a team when teams are listed; not served: " + unserved);
}

}  // namespace probsim::scenario_loading
