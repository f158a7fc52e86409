// `simulation`: the report window, the warm-up and how the run starts (empty, steady state or a snapshot).

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"
#include "config/snapshot_csv_reader.hpp"

namespace probsim::scenario_loading {

namespace {

enum class CsvKind { unknown, caseload, staff };

// Which of the two snapshot CSVs a file's header says it is: a caseload names person_id, a staff list
// staff_id. Enough to tell two keys that name one file, or swapped files, before the CSV reader reports
// every column of the one as unknown to the other.
CsvKind kind_of_csv(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::string header;
  if (!std::getline(in, header)) return CsvKind::unknown;
  if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);  // a UTF-8 byte order mark
  bool person = false, staff = false;
  std::size_t from = 0;
  while (from <= header.size()) {
    std::size_t to = header.find(',', from);
    if (to == std::string::npos) to = header.size();
    std::string name = header.substr(from, to - from);
    std::erase_if(name, [](char c) { return c == '"' || c == ' ' || c == '\r' || c == '\t'; });
    person = person || name == "person_id";
    staff = staff || name == "staff_id";
    from = to + 1;
  }
  if (person == staff) return CsvKind::unknown;
  return person ? CsvKind::caseload : CsvKind::staff;
}

// Where the other key is given, for a message at this one: its file and line (a scenario may extend
// another, so a bare line could be in either), or the --set that gave it.
std::string place_of(const ConfigNode& key) {
  const SourceLocation& at = key.anchor();
  return at.line > 0 ? at.file + ":" + std::to_string(at.line) : at.file;
}

// One message, at the key's line, when the two keys name one file or each other's: false then.
bool snapshot_files_are_apart(FieldReader& sim, const SnapshotFiles& files, Diagnostics& d) {
  const ConfigNode& caseload_key = *sim.node("caseload_csv", false);
  const ConfigNode& staff_key = *sim.node("staff_csv", false);
  std::error_code error;
  if (std::filesystem::equivalent(files.caseload_csv, files.staff_csv, error)) {
    d.error(staff_key.anchor(), "simulation.staff_csv",
            "names the same file as simulation.caseload_csv (" + place_of(caseload_key) + "): " +
                files.staff_csv + "; the staff and the caseload are two CSV files, give each key its own");
    return false;
  }
  const CsvKind caseload = kind_of_csv(files.caseload_csv), staff = kind_of_csv(files.staff_csv);
  if (caseload == CsvKind::staff && staff == CsvKind::caseload) {
    d.error(caseload_key.anchor(), "simulation.caseload_csv",
            "is swapped with simulation.staff_csv (" + place_of(staff_key) + "): " + files.caseload_csv +
                " has a staff CSV's header (staff_id) and " + files.staff_csv +
                " a caseload CSV's (person_id); swap the two paths");
    return false;
  }
  if (caseload == CsvKind::staff || staff == CsvKind::caseload) {
    const bool at_caseload = caseload == CsvKind::staff;
    const ConfigNode& key = at_caseload ? caseload_key : staff_key;
    d.error(key.anchor(), at_caseload ? "simulation.caseload_csv" : "simulation.staff_csv",
            (at_caseload ? files.caseload_csv : files.staff_csv) + " looks like a " +
                (at_caseload ? "staff CSV (its header has staff_id, not person_id)"
                             : "caseload CSV (its header has person_id, not staff_id)") +
                "; give this key the " + (at_caseload ? "caseload" : "staff") + " CSV");
    return false;
  }
  return true;
}

// Why `file` cannot be read as a snapshot CSV, if it cannot: said at its key. A path through a file
// (data/staff.csv/caseload.csv) names that file, since "no such file" alone would send the reader to
// look for it in the folder; a path the system refuses (a loop of symbolic links, a name too long)
// gives the system's reason.
std::optional<std::string> why_not_a_csv_file(const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(file, error);
  if (fs::is_regular_file(status)) return std::nullopt;
  if (fs::is_directory(status)) return "is a directory, not a CSV file: " + file;
  if (fs::exists(status)) return "is not a regular file (a device or pipe?), not a CSV file: " + file;
  if (error && error != std::errc::no_such_file_or_directory && error != std::errc::not_a_directory)
    return "cannot be read: " + file + ": " + error.message();
  for (fs::path above = fs::path(file).parent_path(); !above.empty(); above = above.parent_path()) {
    std::error_code ignored;
    const fs::file_status folder = fs::status(above, ignored);
    if (fs::is_directory(folder)) break;
    if (fs::exists(folder))
      return "no such file: " + file + " (" + above.string() + " is a file, not a folder)";
    if (above == above.root_path()) break;
  }
  return "no such file: " + file +
         " (a relative path is read from the folder of the file that sets the key; from the working "
         "directory for --set)";
}

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
    bool readable = true;
    for (auto [key, file] : {std::pair{"caseload_csv", s.snapshot_files->caseload_csv},
                             std::pair{"staff_csv", s.snapshot_files->staff_csv}})
      if (const auto why = why_not_a_csv_file(file)) {
        root.diagnostics().error(sim.node(key, false)->anchor(), std::string("simulation.") + key, *why);
        readable = false;
      }
    if (readable && !snapshot_files_are_apart(sim, *s.snapshot_files, root.diagnostics()))
      s.snapshot_files.reset();  // not read: each column of one file would be unknown to the other
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
