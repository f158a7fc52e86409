#include "runner/sweep_memory.hpp"

#include <sstream>

#include "config/counted.hpp"
#include "runner/memory_estimate.hpp"

namespace probsim {

PointsMemory estimate_points_memory(const std::vector<SweepPoint>& points,
                                    const std::vector<std::size_t>& value_counts) {
  PointsMemory memory;
  for (const SweepPoint& point : points) {
    const double bytes = kPointBytesPerValue * static_cast<double>(value_counts.at(point.scenario));
    memory.bytes += bytes;
    if (bytes > memory.largest_point_bytes) {
      memory.largest_point_bytes = bytes;
      memory.largest_scenario = point.scenario;
    }
  }
  return memory;
}

std::string points_memory_refusal(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                                  const std::vector<std::size_t>& value_counts,
                                  std::optional<double> limit_bytes, bool given) {
  if (!limit_bytes) return "";
  const PointsMemory memory = estimate_points_memory(points, value_counts);
  if (memory.bytes <= *limit_bytes) return "";
  // Two figures that would read alike ("64 MiB, more than the 64 MiB") are printed finer, as run's are.
  const auto [needed, limit] = describe_bytes_apart(memory.bytes, *limit_bytes);
  std::ostringstream text;
  text << "the sweep's " << counted(points.size(), "point") << " would hold an estimated " << needed
       << " once built, before any runs (";
  std::string sizes;
  for (const SweepParameter& parameter : sweep.grid)
    sizes +=
        (sizes.empty() ? "" : " x ") + parameter.key_path + ": " + counted(parameter.values.size(), "value");
  if (sweep.scenarios.size() > 1)
    sizes += (sizes.empty() ? "" : " x ") + counted(sweep.scenarios.size(), "scenario");
  if (!sweep.points.empty())
    sizes += (sizes.empty() ? "" : ", and ") + counted(sweep.points.size(), "explicit point") +
             (sweep.scenarios.size() > 1 ? " each" : "");
  text << sizes << (sizes.empty() ? "" : "; ") << "up to " << describe_bytes(memory.largest_point_bytes)
       << " a point of '" << sweep.scenarios.at(memory.largest_scenario) << "', "
       << describe_count(kPointBytesPerValue) << " bytes for each of its "
       << describe_count(static_cast<double>(value_counts.at(memory.largest_scenario)))
       << " values), more than the " << limit
       << (given ? " --max-memory allows" : " of memory this machine has available")
       << ". Nothing was built or run. Give the grid fewer values, or split the sweep into several, each run "
          "into "
          "separate --out directories"
       << (given ? ", or raise --max-memory"
                 : ", or give --max-memory if the memory will be free when it runs");
  return text.str();
}

void check_points_memory(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                         const std::optional<std::string>& max_memory, Diagnostics& diagnostics) {
  const std::optional<double> given = max_memory ? parse_memory_size(*max_memory) : std::nullopt;
  const std::string refusal =
      points_memory_refusal(sweep, points, scenario_value_counts(sweep),
                            given ? given : available_memory_bytes(), given.has_value());
  if (refusal.empty()) return;
  if (!sweep.grid.empty())
    diagnostics.error(sweep.grid.front().key_where, "parameters", refusal);
  else if (!sweep.point_locations.empty())
    diagnostics.error(sweep.point_locations.front(), "points", refusal);
  else
    diagnostics.error(sweep.scenario_locations.front(), "scenarios", refusal);
}

}  // namespace probsim
