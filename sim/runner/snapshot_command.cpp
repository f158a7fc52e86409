#include "runner/snapshot_command.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "output/csv_reader.hpp"
#include "output/snapshot_writer.hpp"
#include "runner/batch_files.hpp"
#include "runner/input_checksums.hpp"
#include "runner/output_lock.hpp"
#include "runner/run_directory_hold.hpp"
#include "runner/run_entries.hpp"
#include "runner/snapshot_folder.hpp"
#include "runner/stop_signals.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

// How many replications the run has: summary.csv's n on its first row (every KPI has a value in each
// replication). Nothing when the file cannot be read that way; the replay then proceeds as before, and
// the replication's own checks report what is wrong.
std::optional<std::uint64_t> replications_of_run(const std::string& run_dir) {
  try {
    CsvReader summary(fs::path(run_dir) / "summary.csv", {"level", "unit", "kpi", "n"}, /*prefix=*/true);
    if (!summary.next()) return std::nullopt;
    const std::uint64_t n = summary.count(3);
    return n > 0 ? std::optional<std::uint64_t>(n) : std::nullopt;
  } catch (const CsvError&) {
    return std::nullopt;
  }
}

// Why `out_dir` cannot be used, if it cannot: it exists and is not a directory, or it cannot be made.
// A directory that does not exist yet is made and removed again, so that a replay of minutes does not
// end in a failure to create it (a place the file system refuses), and a replay stopped by a signal
// leaves nothing behind. Each level is made with mkdir, and only the levels this check made are removed,
// one by one and only while empty: a directory another process makes meanwhile is not touched.
std::optional<std::string> out_dir_problem(const fs::path& out_dir) {
  std::error_code error;
  const bool exists = fs::exists(out_dir, error);
  // A loop of symbolic links (or a name too long) cannot be told to exist or not: said now, not after
  // the replay, when making the directory would fail.
  if (error) return "cannot be used: " + error.message();
  if (exists)
    return fs::is_directory(out_dir, error)
               ? std::nullopt
               : std::optional<std::string>("exists and is not a directory; choose another");
  std::vector<fs::path> made;  // outermost first
  std::string why;
  fs::path built;
  for (const auto& part : out_dir) {
    built /= part;
    if (part.empty() || built == built.root_path()) continue;
    if (::mkdir(built.c_str(), 0777) == 0) {
      made.push_back(built);
    } else if (errno != EEXIST) {
      why = std::strerror(errno);
      break;
    }
  }
  for (auto level = made.rbegin(); level != made.rend(); ++level) fs::remove(*level, error);
  if (!why.empty()) return "cannot be created: " + why;
  return std::nullopt;
}

// Why writing the snapshot into `out_dir` would replace a CSV the run read as its warm start (recorded in
// its scenario.resolved.yaml's '# input' lines); empty when it would not.
std::string why_snapshot_would_replace_run_input(const fs::path& out_dir, const fs::path& resolved) {
  for (const auto& [key, input] : recorded_input_paths(resolved))
    for (const char* name : {"caseload.csv", "staff.csv"}) {
      std::error_code error;
      if (fs::equivalent(out_dir / name, input, error))
        return (out_dir / name).string() + " is the " + key + " this run read (recorded in " +
               resolved.string() + "); writing the snapshot there would change the run's input, so it " +
               "could no longer be replayed. Give another --out";
    }
  return "";
}

}  // namespace

int run_snapshot(SnapshotOptions options) {
  const std::string& run_dir = options.run_dir;
  const std::string& date_text = options.date_text;
  const std::uint64_t replication = options.replication;
  std::string& out_dir = options.out_dir;
  // Held from before the run is read until the CSVs are written: a run into run_dir meanwhile would
  // replace what is replayed (and a snapshot folder in it) under the snapshot's feet.
  const RunDirectoryHold read_hold = hold_run_directory(run_dir);
  if (!read_hold.refused.empty()) {
    std::cerr << "probsim snapshot: " << read_hold.refused << "\n";
    return 1;
  }
  if (!read_hold.warning.empty()) std::cerr << "probsim snapshot: warning: " << read_hold.warning << "\n";
  const fs::path resolved = fs::path(run_dir) / "scenario.resolved.yaml";
  const auto seed_text = recorded_base_seed(run_dir);
  if (fs::exists(fs::path(run_dir) / kSweepResolvedFile)) {  // as compare says it
    std::cerr << "probsim snapshot: " << run_dir << " is a batch directory; snapshot one of its points, e.g. "
              << (fs::path(run_dir) / "points" / "p0001").string() << "\n";
    return 1;
  }
  if (!fs::exists(resolved) || !seed_text) {
    std::cerr << "probsim snapshot: " << run_dir
              << " is not a finished run (no scenario.resolved.yaml with a "
              << "'# base_seed:' line)\n";
    return 1;
  }
  // The replay must read the inputs the run read: a snapshot CSV edited since is refused, not replayed.
  if (const auto changed = changed_inputs(resolved); !changed.empty()) {
    for (const auto& message : changed) std::cerr << "probsim snapshot: " << message << "\n";
    return 1;
  }
  Diagnostics diagnostics;
  auto loaded = load_scenario(resolved.string(), {}, diagnostics);
  if (!loaded) {
    std::cerr << diagnostics.describe() << "probsim snapshot: " << resolved.string() << " no longer loads\n";
    return 1;
  }
  const SimulationWindow& window = loaded->scenario.window;
  const auto date = CalendarDate::parse_iso(date_text);
  const std::int64_t day =
      date ? date->days_since_epoch() - window.day_zero().days_since_epoch() : std::int64_t{-1};
  if (const std::string impossible = CalendarDate::impossible_date(date_text); !impossible.empty()) {
    std::cerr << "probsim snapshot: --date " << impossible << "\n";
    return 2;
  }
  if (!date || day < 0 || day >= window.last_day()) {
    std::cerr << "probsim snapshot: --date must be a date from " << window.day_zero().iso() << " to "
              << window.date_of(window.last_day() - 1).iso()
              << " (every simulated day of the run, warm-up included, except its last), found '" << date_text
              << "'\n";
    return 2;
  }
  if (replication < 1) {
    std::cerr << "probsim snapshot: --replication counts from 1\n";
    return 2;
  }
  if (const auto replications = replications_of_run(run_dir); replications && replication > *replications) {
    std::cerr << "probsim snapshot: --replication " << replication << " is not in " << run_dir
              << ", which has " << *replications << " replication" << (*replications == 1 ? "" : "s")
              << " (1.." << *replications << ")\n";
    return 2;
  }
  const bool default_folder = out_dir.empty();
  if (default_folder) out_dir = (fs::path(run_dir) / default_snapshot_folder(*date, replication)).string();
  out_dir = without_trailing_separator(out_dir).string();
  // Named as the user will read it: the default folder was not given with --out.
  const std::string out_named = (default_folder ? "the default folder " : "--out ") + out_dir;
  // Not the run directory itself, nor among its own files: a re-run would delete the CSVs with the run.
  std::error_code same;
  if (fs::equivalent(out_dir, run_dir, same)) {
    std::cerr << "probsim snapshot: --out " << out_dir
              << " is the run directory itself: give the snapshot a folder of its own, such as "
              << (fs::path(run_dir) / default_snapshot_folder(*date, replication)).string()
              << " (the default)\n";
    return 1;
  }
  if (const std::string why = why_output_would_replace_input(fs::path(out_dir) / "caseload.csv", run_dir);
      !why.empty()) {
    // The default folder cannot be moved elsewhere by the user but with --out, so that is the advice.
    std::cerr << "probsim snapshot: " << out_named << ": "
              << (default_folder ? why.substr(0, why.rfind(';')) + "; give --out DIR" : why) << "\n";
    return 1;
  }
  // Nor another run's or batch's directory, or inside one's own entries: the CSVs would lie among that
  // run's results, and a run into it later would remove them with it.
  if (std::error_code ignored;
      is_batch_directory(out_dir) || fs::exists(fs::path(out_dir) / "scenario.resolved.yaml", ignored)) {
    std::cerr << "probsim snapshot: " << out_named << " holds another "
              << (is_batch_directory(out_dir) ? "batch" : "run")
              << "'s results: give the snapshot a folder of its own, such as "
              << (fs::path(out_dir) / default_snapshot_folder(*date, replication)).string() << "\n";
    return 1;
  }
  if (const std::string why = why_output_would_replace_results(fs::path(out_dir) / "caseload.csv");
      !why.empty()) {
    std::cerr << "probsim snapshot: " << out_named << ": " << why << "\n";
    return 1;
  }
  // Checked before the replay, which can take minutes: the CSVs go into a directory, made if need be.
  if (const auto problem = out_dir_problem(out_dir)) {
    std::cerr << "probsim snapshot: " << out_named << " " << *problem << "\n";
    return 1;
  }
  // Nor over the CSVs this run itself continued from: the run could no longer be replayed, and a
  // scenario that reads them would read another day.
  if (const std::string why = why_snapshot_would_replace_run_input(out_dir, resolved); !why.empty()) {
    std::cerr << "probsim snapshot: " << out_named << ": " << why << "\n";
    return 1;
  }
  // A user's own caseload.csv or staff.csv is not overwritten; an earlier snapshot's are.
  // (The default folder's are a snapshot's, written before snapshots left a note.)
  if (const auto theirs = default_folder ? std::nullopt : csv_not_written_by_snapshot(out_dir)) {
    std::cerr << "probsim snapshot: " << theirs->string()
              << " exists and was not written by probsim snapshot (" << out_dir << " has no "
              << kSnapshotNoteFile << "); choose another --out, or move the file away\n";
    return 1;
  }
  // And the run directory the folder goes in, when it is another (--out into a second run): a run into
  // it would replace that directory, snapshot and all.
  const RunDirectoryHold write_hold = hold_run_directory_of(out_dir);
  if (!write_hold.refused.empty()) {
    std::cerr << "probsim snapshot: " << write_hold.refused << "\n";
    return 1;
  }
  if (!write_hold.warning.empty()) std::cerr << "probsim snapshot: warning: " << write_hold.warning << "\n";
  ReplicationSpec spec;
  spec.index = replication;
  spec.seed = replication_seed(std::stoull(*seed_text), replication);
  ReplicationStop stop;
  std::string write_failure;
  stop.after_day = static_cast<Day>(day);
  stop.visit = [&](std::span<const PduOffice* const> offices,
                   std::span<const InterventionsTeam* const> teams) {
    // From here a stop signal waits for both CSVs to be written whole (main then notes it) rather than
    // leaving a .tmp behind; one during the replay ends the process, saying so, before anything is
    // written, so the directory is made only now.
    hold_stop_signals_until_exit();
    // A write that fails leaves the folder as it was: the note and the CSV committed before the failure
    // are put back (the CSVs' temporary files go with their writers). Out of memory goes on to main,
    // which says so; any other failure is reported below.
    SnapshotFolderChange change(out_dir);
    try {
      change.make();
      write_snapshot_note(out_dir, run_dir, replication, *date);
      write_snapshot_csvs(loaded->scenario, offices, static_cast<Day>(day),
                          (fs::path(out_dir) / "caseload.csv").string(),
                          (fs::path(out_dir) / "staff.csv").string(), teams);
      change.done();
    } catch (const std::bad_alloc&) {
      change.undo();
      throw;
    } catch (const std::exception& error) {
      change.undo();
      write_failure = error.what();
    }
  };
  // Out of memory in the replay (engine/actor_failure.hpp) or in the writing goes on to main, which says
  // so: nothing is written before the replay ends, and a failed write is undone above.
  (void)run_replication(loaded->scenario, spec, &stop);
  if (!write_failure.empty()) {
    std::cerr << "probsim snapshot: could not write the snapshot into " << out_dir << ": " << write_failure
              << "\n";
    return note_late_stop_signal(1, std::cerr);
  }
  std::cout << "Snapshot of replication " << replication << " at the end of " << date->iso() << " (as of "
            << date->plus_days(1).iso() << ") in " << out_dir << "/: caseload.csv, staff.csv\n";
  return note_late_stop_signal(0, std::cerr);
}

}  // namespace probsim
