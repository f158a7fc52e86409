#include "runner/experiment_runner.hpp"

#include <filesystem>
#include <iostream>
#include <new>
#include <sstream>

#include "output/atomic_file.hpp"
#include "runner/input_checksums.hpp"
#include "runner/leave_red.hpp"
#include "runner/output_lock.hpp"
#include "runner/replication_scheduler.hpp"
#include "runner/run_entries.hpp"
#include "runner/run_files.hpp"
#include "runner/run_input_files.hpp"
#include "runner/run_warnings.hpp"
#include "runner/shell_quoting.hpp"
#include "runner/snapshot_folder.hpp"
#include "runner/stop_signals.hpp"
#include "runner/timeseries_summary.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

std::string provenance_header(const RunOptions& options, std::uint64_t replications,
                              const std::string& precision_outcome) {
  std::ostringstream out;
  out << "# The exact inputs of this run: the scenario after `extends` and --set were applied.\n"
      << "# Re-run it with: probsim run <this file> --reps " << replications << " --seed "
      << options.base_seed << "\n"
      << "# program: probsim " << PROBSIM_VERSION << "\n"
      << "# command: " << options.command_line << "\n"
      << "# scenario file: " << shell_quoted(options.scenario_path) << "\n"
      << "# base_seed: " << options.base_seed << "\n"
      << "# replications: " << replications
      << " (replication r uses the seed derived from (base_seed, r); r = 1.." << replications << ")\n";
  if (!precision_outcome.empty()) out << "# " << precision_outcome << " (see precision.csv)\n";
  return out.str();
}

// Why the run may not replace `out_dir`: it holds a snapshot folder, which is refused rather than
// removed with the earlier run, since a scenario may continue from its CSVs and, carried into the new
// run, it would describe a run no longer there. Empty when there is none.
std::string why_snapshots_forbid_replacing(const fs::path& out_dir) {
  if (!fs::exists(out_dir)) return "";
  const auto snapshots = snapshot_folders_in(out_dir);
  if (snapshots.empty()) return "";
  const char* them = snapshots.size() == 1 ? "it" : "them";
  std::string why = out_dir.string() + " holds what probsim snapshot wrote from the earlier run:";
  for (const auto& folder : snapshots) why += " " + folder;
  return why + "; replacing the run would delete " + them + ". Move " + them + " out of " + out_dir.string() +
         " (or remove " + them + "), or give another --out";
}

}  // namespace

int run_experiment(const LoadedScenario& loaded, const RunOptions& options) {
  // The snapshot CSVs' checksums now, just after the scenario read them, not when the run ends.
  const std::string input_lines = input_checksum_lines(loaded.scenario);
  const fs::path out_dir = options.out_dir.empty()
                               ? fs::path("results") / safe_directory_name(loaded.scenario.name)
                               : without_trailing_separator(options.out_dir);
  if (const std::string why = why_run_would_replace_batch_point(out_dir); !why.empty()) {
    std::cerr << "probsim: --out: " << why << "\n";
    return 1;
  }
  // The working directory (`--out .`), or one holding it, cannot be renamed onto: the run failed at its
  // end with "cannot move the results into .".
  if (std::error_code here_error; fs::exists(out_dir, here_error)) {
    const fs::path here = fs::current_path(here_error);
    const fs::path out_real = fs::weakly_canonical(out_dir, here_error);
    if (!here_error && !out_real.empty() && lies_within(here, out_real)) {
      std::cerr << "probsim: --out: " << out_dir.string()
                << " is the working directory or holds it; a run replaces its --out whole when it ends, so "
                   "give a directory of its own, such as results/"
                << safe_directory_name(loaded.scenario.name) << "\n";
      return 1;
    }
  }
  // A run is published by renaming its staging directory onto --out, which would replace a symbolic
  // link itself, not the run it points to, while the lock and the checks above follow the link.
  if (std::error_code link_error; fs::is_symlink(out_dir, link_error)) {
    std::error_code ignored;
    std::cerr << "probsim: --out: " << out_dir.string() << " is a symbolic link (to "
              << fs::read_symlink(out_dir, ignored).string()
              << "); give the directory it points to, or another --out\n";
    return 1;
  }
  if (fs::exists(out_dir) && !is_replaceable_run_directory(out_dir)) {
    std::cerr
        << "probsim: " << out_dir.string()
        << " exists and is not a probsim run directory; choose another --out (a new directory, an empty "
           "one, or one holding an earlier run, which is replaced)\n";
    return 1;
  }
  // The default directory is the name made safe, so two scenarios ('a/b', 'a_b') can share one: the run
  // of another scenario there is not replaced unasked, nor one whose name cannot be read.
  if (options.out_dir.empty() && fs::exists(out_dir / "scenario.resolved.yaml")) {
    const auto earlier = scenario_name_of_run(out_dir);
    if (!earlier || *earlier != loaded.scenario.name) {
      std::string whose =
          " holds a run whose scenario.resolved.yaml has no readable name, so it may be another "
          "scenario's";
      if (earlier && safe_directory_name(*earlier) == safe_directory_name(loaded.scenario.name))
        whose = " holds the run of scenario '" + *earlier + "', whose name gives the same directory as '" +
                loaded.scenario.name + "'";
      else if (earlier)
        whose = " holds a run of scenario '" + *earlier + "' (written there with --out, or its file edited)";
      std::cerr << "probsim: " << out_dir.string() << whose << "; give --out DIR, or remove it\n";
      return 1;
    }
  }
  std::error_code error;
  if (out_dir.has_parent_path()) fs::create_directories(out_dir.parent_path(), error);
  // From here on a stop signal is held until the step in hand is done; then the staging directory is
  // removed and the run says why, rather than dying with a half-written directory. (While replications
  // run, the scheduler stops them at once.)
  // Held until the process exits, not only while `stop` lives: a signal after the results are published
  // must not kill a run that has succeeded (main then says it came too late to matter).
  hold_stop_signals_until_exit();
  const StopSignals stop(/*interrupt_system_calls=*/false);
  if (stop.received() != 0) {  // while the scenario was read (main holds the signals from then)
    std::cerr << "probsim: interrupted by " << StopSignals::name(stop.received())
              << " before the run started; nothing was written\n";
    return 1;
  }
  std::string why_not_locked;
  const std::optional<OutputLock> lock = OutputLock::acquire(out_dir, why_not_locked);
  if (!lock) {
    std::cerr << "probsim: " << why_not_locked << "\n";
    return 1;
  }
  // Checked under the lock: snapshot, report and compare take it too, so nothing they write into the
  // directory can appear between this check and the end of the run, which replaces the directory.
  if (const std::string why = why_snapshots_forbid_replacing(out_dir); !why.empty()) {
    std::cerr << "probsim: " << why << "\n";
    return 1;
  }
  if (const std::string why =
          why_inputs_forbid_replacing(out_dir, run_input_files(loaded, options.scenario_path));
      !why.empty()) {
    std::cerr << "probsim: " << why << "\n";
    return 1;
  }
  // Another scenario's run in the --out given is replaced as asked, but said: a baseline is easily lost.
  if (!options.out_dir.empty() && fs::exists(out_dir / "scenario.resolved.yaml"))
    if (const auto earlier = scenario_name_of_run(out_dir); earlier && *earlier != loaded.scenario.name)
      std::cerr << "probsim: warning: " << out_dir.string() << " holds a run of scenario '" << *earlier
                << "'; this run of '" << loaded.scenario.name << "' replaces it\n";
  // Replacing an earlier run removes what else is in it: said now, while the user can still stop the run.
  if (fs::exists(out_dir))
    if (const auto others = entries_a_run_does_not_write(out_dir); !others.empty()) {
      std::cerr << "probsim: warning: " << out_dir.string()
                << " holds an earlier run; replacing it at the end "
                << "will also remove what probsim run did not write there:";
      for (std::size_t i = 0; i < others.size() && i < 8; ++i) std::cerr << " " << others[i];
      if (others.size() > 8) std::cerr << " and " << others.size() - 8 << " more";
      std::cerr << "\n";
    }
  reclaim_stale_staging(out_dir, std::cerr);
  const fs::path staging = staging_directory_for(out_dir);
  fs::create_directories(staging / "replications", error);
  if (error) {
    std::cerr << "probsim: cannot create " << staging.string() << ": " << error.message() << "\n";
    return 1;
  }
  // However this function is left, an exception (out of memory) included, the staging directory goes
  // with it; once published under out_dir it is not there to remove.
  struct RemovedOnExit {
    fs::path dir;
    ~RemovedOnExit() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } const remove_staging{staging};
  auto abandon = [&](const std::string& why) {
    fs::remove_all(staging, error);
    std::cerr << "probsim: " << why << "; no results were written\n";
    return 1;
  };

  // Warnings never stop a run; those from the scenario alone are printed before it starts.
  std::vector<std::string> warnings = scenario_warnings(loaded.scenario);
  print_warnings(warnings, std::cerr);

  ReplicationSet set;
  set.label = loaded.scenario.name;
  set.scenario = &loaded.scenario;
  set.dir = staging;
  set.base_seed = options.base_seed;
  set.events = options.events;
  set.events_sessions = options.events_sessions;
  set.events_tasks = options.events_tasks;
  if (options.precision)
    set.precision = PrecisionRule{*options.precision, options.precision_kpis, options.replications,
                                  options.max_replications};
  else
    for (std::uint64_t r = 1; r <= options.replications; ++r) set.replications.push_back(r);
  const std::vector<ReplicationSet> sets{set};
  const ScheduleResult result = run_replications(
      sets,
      SchedulerOptions{options.jobs, options.quiet, "",
                       threads_per_replication(options.threads, options.jobs), options.max_memory},
      nullptr);
  if (result.status != ScheduleResult::Status::complete) return abandon(result.failure);

  auto interrupted = [&] {
    return abandon("interrupted by " + StopSignals::name(stop.received()) + " while writing the results");
  };
  RunOptions done = options;
  std::string precision_outcome;
  std::vector<KpiSummary> summary;
  std::vector<PduLeaveRed> leave_red;
  std::string last_month;
  try {
    if (options.precision) {
      const PrecisionDecision& decision = *result.decisions.front();
      done.replications = decision.replications;
      precision_outcome = describe_precision(decision.check, *set.precision, decision.replications);
      write_file_atomically((staging / "precision.csv").string(),
                            precision_csv(decision.check, *set.precision));
    }
    write_file_atomically((staging / "scenario.resolved.yaml").string(),
                          provenance_header(done, done.replications, precision_outcome) + input_lines +
                              emit_yaml(loaded.resolved));
    if (stop.received() != 0) return interrupted();
    merge_replications(staging, done.replications, options.events);
    if (stop.received() != 0) return interrupted();
    summary = summarise_kpis(staging / "kpis.csv");
    write_summary(staging / "summary.csv", summary);
    write_timeseries_summary(staging / "timeseries.csv", staging / kTimeseriesSummaryFile);
    const auto after_run = result_warnings(loaded.scenario, staging / "timeseries.csv");
    print_warnings(after_run, std::cerr);
    warnings.insert(warnings.end(), after_run.begin(), after_run.end());
    write_warnings(warnings, staging);
    if (loaded.scenario.caseload.prioritisation.enabled) {
      leave_red = leave_red_by_pdu(staging / "timeseries.csv", &last_month);
      write_leave_red(staging / kLeaveRedFile, leave_red, last_month);
    }
  } catch (const std::bad_alloc&) {
    throw;  // to main, which says the command ran out of memory and how to ask for less
  } catch (const std::exception& e) {
    return abandon(e.what());
  }
  if (stop.received() != 0) return interrupted();
  if (!publish_run_directory(staging, out_dir))
    return abandon("cannot move the results into " + out_dir.string());

  if (!options.quiet) {
    // The leave-red table for a few PDUs, or when the PDUs were asked for; always in leave_red.csv.
    print_summary_table(std::cout, loaded.scenario, done, summary, out_dir);
    if (!leave_red.empty() && (options.by == "pdu" || options.by == "all" || leave_red.size() <= 12))
      print_leave_red(std::cout, leave_red, last_month);
  }
  // The precision outcome is printed even with --quiet: it says whether the run met its target.
  if (!precision_outcome.empty()) std::cout << (options.quiet ? "" : "\n") << precision_outcome << "\n";
  return 0;
}

}  // namespace probsim
