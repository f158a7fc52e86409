#pragma once
// How much memory a sweep's points hold once built, estimated before any is built: `batch` builds and
// checks every point's scenario before it runs one, and holds them all while it runs. A grid well inside
// the 100,000-point limit could exhaust the machine (or die of bad_alloc) before a single replication.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "config/sweep_loader.hpp"

namespace probsim {

// A built point holds its Scenario, which follows the size of its scenario file's merged tree: measured
// with /usr/bin/time -v (maximum resident set size) on `batch --dry-run` against a one-point sweep of the
// same scenario, a point took 8.9 KiB of example_pdu (634 values: 14 bytes a value) over 400 points,
// 13.3 KiB (21 bytes a value) over a 200 x 100 grid of 20,000, and 219 KiB of england_wales_2022 (7,922
// values: 28 bytes a value) over 400. The figure is above every measurement, so the estimate errs high.
// Not counted: a warm_start: snapshot scenario's points each hold their parsed CSVs too (about 0.16 KiB a
// row measured on example_region_snapshot), so for those the estimate is low.
inline constexpr double kPointBytesPerValue = 32.0;

struct PointsMemory {
  double bytes = 0.0;
  double largest_point_bytes = 0.0;  // the point of the largest scenario
  std::size_t largest_scenario = 0;  // its index in SweepSpec::scenarios
};

// `value_counts`: per scenario of the sweep, as scenario_value_counts gives them.
[[nodiscard]] PointsMemory estimate_points_memory(const std::vector<SweepPoint>& points,
                                                  const std::vector<std::size_t>& value_counts);

// Why the points will not fit in `limit_bytes` (--max-memory when `given`, else the memory available),
// naming the grid's keys and their sizes and what to do; empty when they fit or there is no limit.
[[nodiscard]] std::string points_memory_refusal(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                                                const std::vector<std::size_t>& value_counts,
                                                std::optional<double> limit_bytes, bool given);

// The check `batch` makes before it builds the points: against --max-memory (a size: the command refuses
// another as it reads its options), else the memory available. A refusal goes to `diagnostics` at the
// sweep's `parameters` (or `points`, or `scenarios`). The replications' check then counts the points'
// estimate against --max-memory beside them (MemoryHeld, memory_estimate.hpp).
void check_points_memory(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                         const std::optional<std::string>& max_memory, Diagnostics& diagnostics);

}  // namespace probsim
