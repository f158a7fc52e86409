// `case_mix` under a region or a PDU: a local case mix over the national one (issue 21 item 2), so a
// region with more licences or more DA cases is modelled as it is. A region's override applies to all its
// PDUs; a PDU's applies over its region's. Each override is read as a whole case_mix map (the national
// block with the override laid over it), so it is held to every rule the national block is: known keys,
// shares summing to 1, ranges, a length for every sentence type with a share.

#include <string_view>

#include "config/loader_blocks.hpp"

namespace probsim::scenario_loading {

namespace {

// Keys whose entries stand on their own (a length per sentence type, tier letters per RoSH level, an
// independent share per exemption): an override replaces the entries it gives and keeps the others.
// Every other key is replaced whole; a share map in particular must sum to 1 as the override writes it,
// so a region never gets a mix no one wrote.
bool merges_by_entry(std::string_view key) {
  return key == "sentence_length_months" || key == "tier_protect_level_shares_by_rosh" ||
         key == "rag_exemption_shares";
}

ConfigNode overlay(const ConfigNode& base, const ConfigNode& over) {
  ConfigNode merged = base;
  for (const auto& [key, value] : over.entries) {
    ConfigNode* existing = merged.find(key);
    if (existing == nullptr) {
      merged.entries.emplace_back(key, value);
    } else if (merges_by_entry(key) && existing->kind == ConfigNode::Kind::map &&
               value.kind == ConfigNode::Kind::map) {
      for (const auto& [entry_key, entry_value] : value.entries) {
        if (ConfigNode* entry = existing->find(entry_key))
          *entry = entry_value;
        else
          existing->entries.emplace_back(entry_key, entry_value);
      }
    } else {
      *existing = value;
    }
  }
  return merged;
}

// Reads `base` with `override_node` over it into `mix`; false (with errors) if the result is not a valid
// case mix. Errors name the override's path and, for the keys it gives, its file, line and column.
bool read_override(const ConfigNode& base, const ConfigNode& override_node, const std::string& path,
                   Diagnostics& d, ConfigNode& merged, CaseMix& mix) {
  if (override_node.kind != ConfigNode::Kind::map) {
    d.error(override_node.anchor(), path,
            "expected a map of case_mix keys, found " + override_node.describe_value());
    return false;
  }
  merged = overlay(base, override_node);
  const std::size_t errors_before = d.items().size();
  FieldReader reader(&merged, path, d);
  read_case_mix_map(reader, mix);
  return d.items().size() == errors_before;
}

}  // namespace

void read_case_mix_overrides(FieldReader& root, Scenario& s) {
  Diagnostics& d = root.diagnostics();
  const ConfigNode* national = root.node("case_mix", false);
  const ConfigNode* regions = root.node("regions", false);
  if (national == nullptr || regions == nullptr || regions->kind != ConfigNode::Kind::sequence) return;
  std::size_t pdu_index = 0;
  for (std::size_t r = 0; r < regions->items.size(); ++r) {
    const ConfigNode& region = regions->items[r];
    const ConfigNode* pdus = region.find("pdus");
    const std::size_t pdu_count =
        pdus != nullptr && pdus->kind == ConfigNode::Kind::sequence ? pdus->items.size() : 0;
    const std::string region_path = "regions[" + std::to_string(r) + "]";
    const ConfigNode* region_override =
        region.kind == ConfigNode::Kind::map ? region.find("case_mix") : nullptr;
    ConfigNode region_base;
    CaseMix region_mix;
    if (region_override != nullptr &&
        !read_override(*national, *region_override, region_path + ".case_mix", d, region_base, region_mix)) {
      pdu_index += pdu_count;  // its PDUs would repeat the region's errors
      continue;
    }
    for (std::size_t p = 0; p < pdu_count; ++p, ++pdu_index) {
      const ConfigNode& pdu = pdus->items[p];
      const ConfigNode* pdu_override = pdu.kind == ConfigNode::Kind::map ? pdu.find("case_mix") : nullptr;
      if (pdu_override == nullptr && region_override == nullptr) continue;
      if (pdu_index >= s.pdu_count()) return;  // the regions block had errors of its own
      if (pdu_override == nullptr) {
        s.pdu_at(pdu_index).case_mix = region_mix;
        continue;
      }
      ConfigNode merged;
      CaseMix mix;
      if (read_override(region_override != nullptr ? region_base : *national, *pdu_override,
                        region_path + ".pdus[" + std::to_string(p) + "].case_mix", d, merged, mix))
        s.pdu_at(pdu_index).case_mix = std::move(mix);
    }
  }
}

}  // namespace probsim::scenario_loading
