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
inline constexpr double kPointBytesPerValue = 32.0;

// A warm_start: snapshot point also holds its two CSVs parsed (the region's caseload and staff), which
// follow their rows, counted before any point is built (point_snapshot_csv_rows, config/sweep_loader.hpp).
// Measured as above (a grid of Northgate's referral rate against its one-point sweep), the whole difference
// put down to the rows, the scenario's values with them, so that the figure errs high:
// - a snapshot `probsim snapshot` wrote of example_region_snapshot run two years at 400, 300 and 300
//   referrals a week (70,628 caseload and 70 staff rows, 7.6 MiB): 260 bytes a row over 2 points, 227
//   over 3, 199 over 4, 185 over 5, 177 over 6, 174 over 10, 157 over 20, 150 over 40, 147 over 80;
// - one of it run a year at 120, 80 and 100 (13,584 and 71 rows): 222 bytes a row over 2 points, 269
//   over 3, 227 over 4, 209 over 5, 198 over 6, 175 over 10, 161 over 20, 163 over 40, 166 over 80;
// - example_region_snapshot itself (1,140 and 74 rows): 155 bytes a row over 100 points, 161 over 200.
// A few points cost more a row than many. example_region_snapshot's few points are lost in its one-point
// run's own spread (36.7 to 37.9 MiB in five runs, against 0.19 MiB a point): 394 bytes a row over 2
// points, 342 over 3, 138 over 5, 119 over 10, 147 over 20. The figure is above every other measurement.
inline constexpr double kPointBytesPerSnapshotRow = 288.0;

struct PointsMemory {
  double bytes = 0.0;
  double largest_point_bytes = 0.0;  // the point estimated to hold the most
  std::size_t largest_point = 0;     // its index in the points
  std::size_t largest_scenario = 0;  // its scenario's index in SweepSpec::scenarios
};

// One point's estimate: its scenario's values and its snapshot CSVs' rows.
[[nodiscard]] double point_bytes(std::size_t values, const SnapshotCsvRows& rows);

// `value_counts`: per scenario of the sweep, as scenario_value_counts gives them; `snapshot_rows`: per
// point, as point_snapshot_csv_rows gives them.
[[nodiscard]] PointsMemory estimate_points_memory(const std::vector<SweepPoint>& points,
                                                  const std::vector<std::size_t>& value_counts,
                                                  const std::vector<SnapshotCsvRows>& snapshot_rows);

// Why the points will not fit in `limit_bytes` (--max-memory when `given`, else the memory available),
// naming the grid's keys and their sizes, what the largest point's estimate is made of (the snapshot CSV
// keys and their rows first when they hold the most) and what to do; empty when they fit or there is no
// limit.
[[nodiscard]] std::string points_memory_refusal(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                                                const std::vector<std::size_t>& value_counts,
                                                const std::vector<SnapshotCsvRows>& snapshot_rows,
                                                std::optional<double> limit_bytes, bool given);

// The check `batch` makes before it builds the points: against --max-memory (a size: the command refuses
// another as it reads its options), else the memory available. A refusal goes to `diagnostics` at the
// sweep's `parameters` (or `points`, or `scenarios`). Returns the estimate, which the replications' check
// then counts against --max-memory beside them (MemoryHeld, memory_estimate.hpp).
PointsMemory check_points_memory(const SweepSpec& sweep, const std::vector<SweepPoint>& points,
                                 const std::optional<std::string>& max_memory, Diagnostics& diagnostics);

}  // namespace probsim
