#include "runner/sweep_memory.hpp"

#include <sstream>
#include <tuple>

#include "config/counted.hpp"
#include "runner/memory_estimate.hpp"

namespace probsim {

double point_bytes(std::size_t values, const SnapshotCsvRows& rows) {
  return kPointBytesPerValue * static_cast<double>(values) +
         kPointBytesPerSnapshotRow * static_cast<double>(rows.total());
}

PointsMemory estimate_points_memory(const std::vector<SweepPoint>& points,
                                    const std::vector<std::size_t>& value_counts,
                                    const std::vector<SnapshotCsvRows>& snapshot_rows) {
  PointsMemory memory;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const SweepPoint& point = points[i];
    const double bytes = point_bytes(value_counts.at(point.scenario), snapshot_rows.at(i));
    memory.bytes += bytes;
    if (bytes > memory.largest_point_bytes) {
      memory.largest_point_bytes = bytes;
      memory.largest_point = i;
      memory.largest_scenario = point.scenario;
    }
  }
  return memory;
}

namespace {

// What the largest point's estimate is made of: its values, and its snapshot CSVs' rows by key and file,
// those first when they hold the most.
std::string point_makeup(std::size_t values, const SnapshotCsvRows& rows) {
  const std::string of_values = describe_count(kPointBytesPerValue) + " bytes for each of its " +
                                describe_count(static_cast<double>(values)) + " values";
  if (rows.total() == 0) return of_values;
  std::string files;
  for (const auto& [key, file, n] :
       {std::tuple{"simulation.caseload_csv", &rows.caseload_file, rows.caseload},
        std::tuple{"simulation.staff_csv", &rows.staff_file, rows.staff}})
    if (!file->empty())
      files += (files.empty() ? "" : ", ") + std::string(key) + ": " + counted(n, "row") + " of " + *file;
  const std::string of_rows = describe_count(kPointBytesPerSnapshotRow) + " bytes for each of the " +
                              describe_count(static_cast<double>(rows.total())) +
                              " rows of its snapshot CSVs (" + files + ")";
  const bool rows_most = kPointBytesPerSnapshotRow * static_cast<double>(rows.total()) >=
                         kPointBytesPerValue * static_cast<double>(values);
  return rows_most ? of_rows + ", and " + of_values : of_values + ", and " + of_rows;
}

}  // namespace

std::string points_memory_refusal(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                                  const std::vector<std::size_t>& value_counts,
                                  const std::vector<SnapshotCsvRows>& snapshot_rows,
                                  std::optional<double> limit_bytes, bool given) {
  if (!limit_bytes) return "";
  const PointsMemory memory = estimate_points_memory(points, value_counts, snapshot_rows);
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
       << point_makeup(value_counts.at(memory.largest_scenario), snapshot_rows.at(memory.largest_point))
       << "), more than the " << limit
       << (given ? " --max-memory allows" : " of memory this machine has available")
       << ". Nothing was built or run. Give the grid fewer values, or split the sweep into several, each run "
          "into "
          "separate --out directories"
       << (given ? ", or raise --max-memory"
                 : ", or give --max-memory if the memory will be free when it runs");
  return text.str();
}

PointsMemory check_points_memory(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                                 const std::optional<std::string>& max_memory, Diagnostics& diagnostics) {
  const std::optional<double> given = max_memory ? parse_memory_size(*max_memory) : std::nullopt;
  const std::vector<std::size_t> value_counts = scenario_value_counts(sweep);
  const std::vector<SnapshotCsvRows> snapshot_rows = point_snapshot_csv_rows(sweep, points);
  const std::string refusal =
      points_memory_refusal(sweep, points, value_counts, snapshot_rows,
                            given ? given : available_memory_bytes(), given.has_value());
  if (!refusal.empty()) {
    if (!sweep.grid.empty())
      diagnostics.error(sweep.grid.front().key_where, "parameters", refusal);
    else if (!sweep.point_locations.empty())
      diagnostics.error(sweep.point_locations.front(), "points", refusal);
    else
      diagnostics.error(sweep.scenario_locations.front(), "scenarios", refusal);
  }
  return estimate_points_memory(points, value_counts, snapshot_rows);
}

}  // namespace probsim
