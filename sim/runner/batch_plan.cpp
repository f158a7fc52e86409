#include "runner/batch_plan.hpp"

#include <algorithm>

#include "config/counted.hpp"

namespace probsim {

std::uint64_t tasks_of_shard(const Shard& shard, std::uint64_t tasks) {
  std::uint64_t mine = 0;
  for (std::uint64_t k = 0; k < tasks; ++k) mine += shard.owns(k);
  return mine;
}

void print_dry_run(std::ostream& out_stream, const SweepSpec& sweep, const std::vector<LoadedPoint>& points,
                   const Shard& shard, std::uint64_t tasks, const std::filesystem::path& out,
                   std::uint64_t already_complete) {
  const std::uint64_t per_point = sweep.replications_per_point;
  const bool common = sweep.point_seeds == PointSeeds::common;
  out_stream << "sweep " << sweep.name << ": " << counted(points.size(), "point") << " x "
             << (sweep.precision ? std::to_string(per_point) + " or more replications"
                                 : counted(per_point, "replication"))
             << ", base seed " << sweep.base_seed << " ("
             << (common ? "common random numbers across points" : "independent seeds per point") << ")\n";
  for (const auto& p : points)
    out_stream << "  " << p.point.id << "  " << sweep.scenarios[p.point.scenario] << ": "
               << p.point.describe() << (common ? "" : "  (seed " + std::to_string(p.point.base_seed) + ")")
               << "\n";
  const std::uint64_t mine = tasks_of_shard(shard, tasks);
  out_stream << "shard " << shard.describe() << " would run " << mine - std::min(mine, already_complete)
             << " of "
             << (sweep.precision ? counted(tasks, "point") + " (each point's replications in one shard)"
                                 : counted(tasks, "replication"))
             << " into " << out.string();
  if (already_complete > 0)
    out_stream << " (" << already_complete << " of its " << mine
               << " already complete there, which a run skips)";
  out_stream << "\n";
}

std::string idle_shard_warning(const SweepSpec& sweep, const Shard& shard, std::uint64_t tasks) {
  if (tasks_of_shard(shard, tasks) > 0) return "";
  return "shard " + shard.describe() + " has nothing to run: the sweep has " +
         (sweep.precision ? counted(tasks, "point") : counted(tasks, "replication")) + ", fewer than the " +
         std::to_string(shard.count) + " shards; shards past " + std::to_string(tasks) + " are idle";
}

}  // namespace probsim
