// `simulation`: the report window, the warm-up and how the run starts (empty, steady state or a snapshot).

#include <filesystem>
#include <string>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"
#include "config/snapshot_csv_reader.hpp"

namespace probsim::scenario_loading {

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
  // An empty path would resolve to the scenario's folder and be reported as a file of no name. (Without a
  // snapshot the key is refused below, whatever it holds.)
  for (auto [key, path] : {std::pair{"caseload_csv", &caseload_csv}, std::pair{"staff_csv", &staff_csv}})
    if (snapshot && *path && (*path)->find_first_not_of(" \t") == std::string::npos) {
      root.diagnostics().error(sim.node(key, false)->anchor(), std::string("simulation.") + key,
                               "is empty; give the path of the CSV file");
      path->reset();
    }
  auto workload_snapshot_on = sim.date("workload_snapshot_on", false);
  if (!snapshot)
    for (const char* key : {"caseload_csv", "staff_csv"})
      if (const ConfigNode* node = sim.node(key, false))
        root.diagnostics().error(node->anchor(), std::string("simulation.") + key,
                                 "applies only with simulation.warm_start: snapshot");
  // Set even when a path is missing or bad, so that the PDUs are not also told that their staff lists
  // are missing (the staff come from the CSV); the path's own error stops the scenario before it is used.
  if (snapshot) s.window.warm_start = WarmStart::snapshot;
  if (snapshot && caseload_csv && staff_csv) {
    s.snapshot_files =
        SnapshotFiles{resolve_snapshot_path(sim.node("caseload_csv", false)->where, *caseload_csv),
                      resolve_snapshot_path(sim.node("staff_csv", false)->where, *staff_csv)};
    // Named here, at the key and the scenario's line, as well as at the file when it is read.
    for (auto [key, file] : {std::pair{"caseload_csv", s.snapshot_files->caseload_csv},
                             std::pair{"staff_csv", s.snapshot_files->staff_csv}})
      if (!std::filesystem::is_regular_file(file))
        root.diagnostics().error(
            sim.node(key, false)->anchor(), std::string("simulation.") + key,
            (std::filesystem::is_directory(file) ? "is a directory, not a CSV file: "
             : std::filesystem::exists(file) ? "is not a regular file (a device or pipe?), not a CSV file: "
                                             : "no such file: ") +
                file +
                (std::filesystem::exists(file)
                     ? ""
                     : " (a relative path is read from the folder of the file that sets "
                       "the key; from the working directory for --set)"));
  }
  sim.reject_unknown_keys();
  if (start) s.window.report_start = *start;
  if (end) s.window.report_end = *end;
  if (warm_up) s.window.warm_up_weeks = *warm_up;
  if (workload_snapshot_on) s.window.workload_snapshot_on = *workload_snapshot_on;
  // SimulationWindow::check, at the keys' values: the whole window once both dates read, else the date
  // that did against the calendar's range.
  if (const ConfigNode* node = root.node("simulation", false); node != nullptr && (start || end)) {
    RuleProblems problems;
    if (start && end)
      problems = s.window.check();
    else
      problems =
          SimulationWindow::check_report_year(start ? *start : *end, start ? "report_start" : "report_end");
    report_problems(*node, "simulation", problems, root.diagnostics());
  }
  if (warm_start && !snapshot)
    s.window.warm_start = *warm_start == 0 ? WarmStart::empty : WarmStart::steady_state;
}

}  // namespace probsim::scenario_loading
