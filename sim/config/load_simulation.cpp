// `simulation`: the report window, the warm-up and how the run starts (empty, steady state or a snapshot).

#include <string>
#include <utility>

#include "config/loader_blocks.hpp"
#include "config/snapshot_csv_reader.hpp"

namespace probsim::scenario_loading {

namespace {

// The calendar's plausible range and the longest report window (see read_simulation).
constexpr int kEarliestYear = 1990;
constexpr int kLatestYear = 2100;
constexpr int kMaxReportYears = 50;

}  // namespace

void read_simulation(FieldReader& root, Scenario& s) {
  FieldReader sim(root.node("simulation", true), "simulation", root.diagnostics());
  auto start = sim.date("report_start", true);
  auto end = sim.date("report_end", true);
  auto warm_up = sim.integer("warm_up_weeks", true, 0, 52 * 50);
  auto warm_start = sim.choice("warm_start", true, {"empty", "steady_state", "snapshot"});
  // warm_start: snapshot reads the region as it is from two CSVs (config/snapshot_csv_reader.hpp).
  const bool snapshot = warm_start && *warm_start == 2;
  auto caseload_csv = sim.text("caseload_csv", snapshot);
  auto staff_csv = sim.text("staff_csv", snapshot);
  auto workload_snapshot_on = sim.date("workload_snapshot_on", false);
  if (!snapshot)
    for (const char* key : {"caseload_csv", "staff_csv"})
      if (const ConfigNode* node = sim.node(key, false))
        root.diagnostics().error(node->anchor(), std::string("simulation.") + key,
                                 "applies only with simulation.warm_start: snapshot");
  if (snapshot && caseload_csv && staff_csv) {
    s.window.warm_start = WarmStart::snapshot;
    s.snapshot_files =
        SnapshotFiles{resolve_snapshot_path(sim.node("caseload_csv", false)->where, *caseload_csv),
                      resolve_snapshot_path(sim.node("staff_csv", false)->where, *staff_csv)};
  }
  sim.reject_unknown_keys();
  if (start) s.window.report_start = *start;
  if (end) s.window.report_end = *end;
  if (start && end && !(*start < *end))
    root.diagnostics().error(sim.node("report_end", false)->where, "simulation.report_end",
                             "must be after simulation.report_start (" + start->iso() + ")");
  // A window a user could mean: probation as it is organised, and a horizon that a plan looks over. A
  // year 9999 end is accepted by the calendar but runs for hours; it is refused here with its key.
  for (const auto& [date, key] : {std::pair{start, "report_start"}, std::pair{end, "report_end"}})
    if (date && (date->year < kEarliestYear || date->year > kLatestYear))
      root.diagnostics().error(sim.node(key, false)->where, std::string("simulation.") + key,
                               "must be a date from " + std::to_string(kEarliestYear) + " to " +
                                   std::to_string(kLatestYear) + ", found " + date->iso());
  if (start && end && *start < *end &&
      end->days_since_epoch() - start->days_since_epoch() > kMaxReportYears * 366)
    root.diagnostics().error(sim.node("report_end", false)->where, "simulation.report_end",
                             "the report window is longer than " + std::to_string(kMaxReportYears) +
                                 " years (" + start->iso() + " to " + end->iso() +
                                 "); split a longer horizon into runs that start from a snapshot");
  if (warm_up) s.window.warm_up_weeks = *warm_up;
  if (workload_snapshot_on) {
    if (start && end && (*workload_snapshot_on < *start || *end < *workload_snapshot_on))
      root.diagnostics().error(sim.node("workload_snapshot_on", false)->where,
                               "simulation.workload_snapshot_on",
                               "must be within the report window (" + start->iso() + " to " + end->iso() +
                                   "), found " + workload_snapshot_on->iso());
    else
      s.window.workload_snapshot_on = *workload_snapshot_on;
  }
  if (warm_start && !snapshot)
    s.window.warm_start = *warm_start == 0 ? WarmStart::empty : WarmStart::steady_state;
}

}  // namespace probsim::scenario_loading
