#include "runner/identical_points.hpp"

#include <functional>
#include <unordered_map>

namespace probsim {

std::vector<std::string> identical_point_warnings(const SweepSpec& sweep,
                                                  const std::vector<LoadedPoint>& points) {
  std::vector<std::string> warnings;
  const bool common = sweep.point_seeds == PointSeeds::common;
  // The first point of each resolved text, by the text's hash; a hash met again is compared in full. Only
  // hashes are kept: a national scenario's text is large, and a sweep may have hundreds of points.
  std::unordered_multimap<std::size_t, std::size_t> first_by_hash;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string text = emit_yaml(points[i].resolved(sweep));
    const std::size_t hash = std::hash<std::string>{}(text);
    const auto [from, to] = first_by_hash.equal_range(hash);
    bool found = false;
    for (auto it = from; it != to && !found; ++it) {
      const LoadedPoint& first = points[it->second];
      if (first.point.scenario != points[i].point.scenario || emit_yaml(first.resolved(sweep)) != text)
        continue;
      found = true;
      const LoadedPoint& same = points[i];
      warnings.push_back(
          "points " + first.point.id + " (" + first.point.describe() + ") and " + same.point.id + " (" +
          same.point.describe() + ") resolve to the same scenario: every value they set is what the other " +
          "gives (or the scenario file already says). " +
          (common ? "Under common random numbers they run the same replications, the same results twice."
                  : "With independent seeds they are one scenario run twice, not two.") +
          " Remove one, or give it the value meant.");
    }
    if (!found) first_by_hash.emplace(hash, i);
  }
  return warnings;
}

}  // namespace probsim
