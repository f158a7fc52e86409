#pragma once
// One point of `probsim aggregate`: its replications gathered from the shards' directories into the output
// directory, checked (no two shards' copies of a replication differ; each kpis file whole), merged, and
// summarised (summary.csv, timeseries_summary.csv, leave_red.csv).

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "config/sweep_loader.hpp"
#include "runner/run_files.hpp"

namespace probsim {

struct PointOutcome {
  bool complete = false;
  std::string why_incomplete;  // when not complete: what is missing, for the user
  std::vector<KpiSummary> summary;
};

class PointAggregator {
 public:
  // `sweep` must outlive the aggregator.
  PointAggregator(std::vector<std::filesystem::path> sources, std::filesystem::path out,
                  const SweepSpec& sweep)
      : sources_(std::move(sources)), out_(std::move(out)), sweep_(sweep) {}

  // Merges point `id`, or says why it cannot yet; throws (naming the point) on a conflict or a bad file.
  PointOutcome point(const std::string& id);

 private:
  std::vector<std::filesystem::path> sources_;
  std::filesystem::path out_;
  const SweepSpec& sweep_;
};

}  // namespace probsim
