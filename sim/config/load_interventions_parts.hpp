#pragma once
// The parts of the `interventions` block that load_interventions.cpp reads through other files
// (load_intervention_programmes.cpp, load_intervention_routing.cpp,
// load_intervention_delivery.cpp), and the limits they share.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "config/field_reader.hpp"
#include "scenario/scenario.hpp"

namespace probsim::scenario_loading {

inline constexpr int kMaxSessions = 1000;
inline constexpr int kMaxGroupSize = 1000;
inline constexpr double kMaxSessionHours = 24.0;
inline constexpr double kMaxInterventionWeeks = 520.0;

// load_interventions.cpp: a `{min: weeks, max: weeks}` map under `key`, if present.
void read_weeks_range(FieldReader& parent, std::string_view key, WeeksRange& delay);

// load_intervention_programmes.cpp: `bbr` and `structured_interventions`, and the structured
// intervention a scalar names (with a did-you-mean when there is none).
void read_bbr(FieldReader& iv, InterventionRules& rules);
void read_structured_interventions(FieldReader& iv, InterventionRules& rules);
std::optional<std::size_t> find_programme(const InterventionRules& rules, const ConfigNode& name,
                                          const SourceLocation& where, const std::string& path,
                                          Diagnostics& d);

// load_intervention_routing.cpp: `routing`, after the structured interventions it shares cases among.
void read_routing(FieldReader& iv, const ConfigNode& iv_node, InterventionRules& rules);

// load_intervention_delivery.cpp: `delivery` (InterventionDelivery, issue 18), if present.
void read_intervention_delivery(FieldReader& iv, InterventionDelivery& d);

}  // namespace probsim::scenario_loading
