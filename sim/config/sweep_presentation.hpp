#pragma once
// The keys of a sweep file that say how a report shows it, not what runs: `headline_kpis`, `labels`
// (a short name per varied key) and a `label` per explicit point (docs/guides/sweeps-and-batches.md).
// None of them changes a point's scenario, its identity or its seed.

#include <string>

#include "config/config_node.hpp"
#include "config/diagnostics.hpp"
#include "config/field_reader.hpp"
#include "config/sweep_loader.hpp"

namespace probsim {

// Removes the `label` entry of one `points` item (a map) and returns its text, or "" when it has none.
// Reports a label that is not a non-empty single-line text.
[[nodiscard]] std::string take_point_label(ConfigNode& point, const std::string& path,
                                           Diagnostics& diagnostics);

// Reads `headline_kpis` and `labels`, once the grid and the points are read (a label must name a key
// the sweep varies), and checks that no two points share a label.
void read_presentation(FieldReader& root, SweepSpec& sweep);

}  // namespace probsim
