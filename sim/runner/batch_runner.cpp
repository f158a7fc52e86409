#include "runner/batch_runner.hpp"

#include <algorithm>
#include <iostream>
#include <new>
#include <sstream>

#include "config/counted.hpp"
#include "config/sweep_loader.hpp"
#include "output/atomic_file.hpp"
#include "runner/aggregate.hpp"
#include "runner/batch_files.hpp"
#include "runner/batch_plan.hpp"
#include "runner/batch_shared_files.hpp"
#include "runner/identical_points.hpp"
#include "runner/memory_estimate.hpp"
#include "runner/output_lock.hpp"
#include "runner/precision_rule.hpp"
#include "runner/replication_scheduler.hpp"
#include "runner/run_files.hpp"
#include "runner/scenario_kpi_check.hpp"
#include "runner/shard_lock.hpp"
#include "runner/stop_signals.hpp"
#include "runner/sweep_memory.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

// Each message goes to stderr in one write. Under mpirun or srun the shards share one stderr, and the
// launcher forwards writes, not lines: a message written piece by piece can be cut by another shard's.
void say(const std::string& message) {
  std::cerr << message;
}

int fail(const std::string& message) {
  say("probsim batch: " + message + "\n");
  return 1;
}

// Whether a point is complete, from what is on disk: under a precision rule, when its decision is recorded
// and the replications it decided on are there.
bool point_complete(const fs::path& out, const SweepSpec& sweep, const LoadedPoint& p) {
  const fs::path dir = point_directory(out, p.point.id);
  std::uint64_t n = sweep.replications_per_point;
  if (sweep.precision) {
    const auto decided = recorded_precision_replications(dir);
    if (!decided) return false;
    n = *decided;
  }
  for (std::uint64_t r = 1; r <= n; ++r)
    if (!replication_complete(dir, r)) return false;
  return true;
}

// Whether the whole batch (every shard's part) is complete.
bool batch_complete(const fs::path& out, const SweepSpec& sweep, const std::vector<LoadedPoint>& points) {
  return std::all_of(points.begin(), points.end(),
                     [&](const LoadedPoint& p) { return point_complete(out, sweep, p); });
}

}  // namespace

int run_batch(const BatchOptions& options) {
  Diagnostics diagnostics;
  // Past a misspelt top-level key the points are checked too, so every problem is listed at once.
  std::optional<SweepSpec> sweep =
      load_sweep_file(options.sweep_path, diagnostics, SweepWithProblems::past_unknown_keys);
  const std::size_t file_problems = diagnostics.items().size();
  if (sweep) check_sweep_kpis_in_catalogue(*sweep, diagnostics);
  const std::size_t sweep_problems = diagnostics.items().size();
  std::vector<SweepPoint> points;
  std::optional<std::vector<LoadedPoint>> loaded;
  PointsMemory points_memory;  // the built points' estimate, held beside the replications below
  if (sweep) points = expand_points(*sweep, diagnostics);
  // Before any point is built: the points are held together until the batch ends.
  if (sweep && diagnostics.items().size() == sweep_problems)
    points_memory = check_points_memory(*sweep, points, options.max_memory, diagnostics);
  if (sweep && diagnostics.items().size() == sweep_problems)
    loaded = load_points(*sweep, points, diagnostics);
  if (loaded) check_sweep_kpis_against_points(*sweep, *loaded, diagnostics);
  if (!loaded || !diagnostics.empty()) {
    const std::size_t n = diagnostics.items().size();
    const bool checked_past_them = sweep && file_problems > 0;
    say(diagnostics.describe() +
        (checked_past_them ? "(the points were checked as the sweep stands: a misspelt set, parameters or "
                             "points block is not applied to them)\n"
                           : "") +
        "probsim: " + options.sweep_path + ": " + std::to_string(n) + " problem" + (n == 1 ? "" : "s") +
        " found; nothing was run\n");
    // A scenario given where a sweep is expected fails on every sweep key; say what it is.
    if (std::any_of(diagnostics.items().begin(), diagnostics.items().end(), [](const Diagnostic& d) {
          return (d.key == "regions" || d.key == "simulation") && d.message.rfind("unknown key", 0) == 0;
        }))
      say("probsim: " + options.sweep_path +
          " looks like a scenario file (it has 'regions:' or 'simulation:'): run it with probsim run, or "
          "name it under 'scenarios:' in a sweep file\n");
    return 1;
  }
  const Shard& shard = options.shard;
  const std::uint64_t per_point = sweep->replications_per_point;
  const std::uint64_t tasks = sweep->precision ? loaded->size() : loaded->size() * per_point;
  const fs::path out = options.out_dir.empty() ? fs::path("results") / safe_directory_name(sweep->name)
                                               : fs::path(options.out_dir);
  const std::string prefix = shard.count > 1 ? "shard " + shard.describe() + ": " : "";

  // Before anything is allocated (a dry run too): the point estimated to need the most memory, --jobs of
  // its replications at once, against the machine or --max-memory; against --max-memory with the built
  // points beside them, which this process holds until the batch ends.
  const LoadedPoint* largest = nullptr;
  double largest_bytes = -1.0;
  for (const auto& p : *loaded)
    if (const double bytes = estimate_replication_memory(p.scenario).bytes; bytes > largest_bytes) {
      largest = &p;
      largest_bytes = bytes;
    }
  // No more at once than this shard has replications to run, as `run` caps --jobs at --reps (a small shard
  // started with --jobs at a large node's cores was refused for memory it would never use). Under a
  // precision rule a point's replications are not known in advance: --jobs stands.
  const std::size_t at_once =
      sweep->precision ? options.jobs
                       : static_cast<std::size_t>(std::clamp<std::uint64_t>(tasks_of_shard(shard, tasks), 1,
                                                                            options.jobs));
  if (largest != nullptr)
    if (const auto stop = refuse_if_memory_short(
            "batch: point " + largest->point.id, largest->scenario, at_once, options.max_memory,
            std::cerr,
            {points_memory.bytes, "the sweep's " + std::to_string(points.size()) + " built point" +
                                      (points.size() == 1 ? "" : "s")}))
      return *stop;

  if (const std::string idle = idle_shard_warning(*sweep, shard, tasks); !idle.empty())
    std::cerr << "probsim batch: warning: " << idle << "\n";
  for (const std::string& same : identical_point_warnings(*sweep, *loaded))
    std::cerr << "probsim batch: warning: " << same << "\n";
  // What is at --out, read only, so that a dry run refuses what the run would.
  std::error_code error;
  if (fs::exists(out, error) && !is_batch_directory(out)) {
    if (!fs::is_directory(out, error))
      return fail(out.string() + " exists and is not a directory; choose another --out");
    // A shard that starts while another is creating the directory may find it empty for a moment.
    if (!fs::is_empty(out, error) && !fs::exists(out / "points", error))
      return fail(out.string() + " exists and is not a batch directory; choose another --out or remove it");
  }
  if (options.dry_run) {
    // What is there already, read and not written: a batch the run would refuse is refused here too, and
    // the replications a resume would skip are counted.
    std::uint64_t already_complete = 0;
    if (is_batch_directory(out)) {
      if (auto problem = check_shared_files(out, *sweep, *loaded)) return fail(*problem);
      if (auto conflict = shard_lock_conflict(out, shard)) return fail(*conflict);
      // Under a precision rule a task is a whole point, done when its decision and replications are there.
      for (std::size_t i = 0; i < loaded->size(); ++i)
        if (sweep->precision)
          already_complete += shard.owns(i) && point_complete(out, *sweep, (*loaded)[i]);
        else
          for (std::uint64_t r = 1; r <= per_point; ++r)
            if (shard.owns(i * per_point + (r - 1)) &&
                replication_complete(point_directory(out, (*loaded)[i].point.id), r))
              ++already_complete;
    }
    print_dry_run(std::cout, *sweep, *loaded, shard, tasks, out, already_complete);
    return 0;
  }

  // From the first write until the process exits a stop signal is recorded, never fatal: the replications
  // stop at once (the scheduler's own StopSignals), and one arriving between the last replication and the
  // aggregation is seen by the aggregation, which says so, rather than killing the process without a word.
  hold_stop_signals_until_exit();
  std::optional<OutputLock> shard_lock;  // held until the batch ends (runner/shard_lock.hpp)
  try {
    ensure_directory(out / "points");
    reclaim_stale_temporaries(out, std::cerr);
    if (auto problem = publish_shared_files(out, *sweep, *loaded, options.command_line))
      return fail(*problem);
    // After the shared files, so that a batch of another sweep is told that, not that it is running.
    auto lock = acquire_shard_lock(out, shard, std::cerr);
    if (const auto* refusal = std::get_if<std::string>(&lock)) return fail(*refusal);
    if (auto& held = std::get<std::optional<OutputLock>>(lock)) shard_lock.emplace(std::move(*held));
  } catch (const std::bad_alloc&) {
    throw;  // to main, which says the command ran out of memory and how to ask for less
  } catch (const std::exception& e) {
    return fail(e.what());
  }

  std::vector<ReplicationSet> sets;
  for (std::size_t i = 0; i < loaded->size(); ++i) {
    const LoadedPoint& p = (*loaded)[i];
    ReplicationSet set;
    set.label = "point " + p.point.id;
    set.scenario = &p.scenario;
    set.dir = point_directory(out, p.point.id);
    set.base_seed = p.point.base_seed;
    set.events = sweep->events;
    if (sweep->precision) {
      // A point's replications depend on its earlier results, so under a precision rule the unit of
      // sharding is the point: one shard runs all of a point's replications.
      if (!shard.owns(i)) continue;
      set.precision = PrecisionRule{sweep->precision->relative_half_width, sweep->precision->kpis, per_point,
                                    sweep->precision->max_replications};
    } else {
      for (std::uint64_t r = 1; r <= per_point; ++r)
        if (shard.owns(i * per_point + (r - 1))) set.replications.push_back(r);
      if (set.replications.empty()) continue;
    }
    sets.push_back(std::move(set));
  }

  if (!options.quiet) {
    std::ostringstream line;
    line << prefix << "sweep " << sweep->name << ": " << counted(loaded->size(), "point") << " x "
         << (sweep->precision ? std::to_string(per_point) + "+ replications"
                              : counted(per_point, "replication"))
         << " into " << out.string()
         << (shard.count > 1 ? " (shard " + shard.describe() + " from " + shard.source + ")" : "") << "\n";
    say(line.str());
  }

  const DecisionCallback record_decision = [&](std::size_t s, const PrecisionDecision& decision) {
    write_file_atomically((sets[s].dir / kPrecisionFile).string(),
                          precision_csv(decision.check, *sets[s].precision));
    if (!options.quiet)
      say(prefix + sets[s].label + ": " +
          describe_precision(decision.check, *sets[s].precision, decision.replications) + "\n");
  };
  const ScheduleResult result = run_replications(
      sets,
      SchedulerOptions{options.jobs, options.quiet, prefix,
                       threads_per_replication(options.threads, options.jobs), options.max_memory},
      record_decision);
  if (result.status != ScheduleResult::Status::complete)
    return fail(prefix + result.failure +
                (result.fails_unchanged
                     ? ". The sweep's precision.kpis must change, and a batch directory "
                       "holds one sweep: run the mended sweep into another --out, or "
                       "remove this one."
                     : ". The replications already complete are kept: run the same command "
                       "again to resume."));

  if (!batch_complete(out, *sweep, *loaded)) {
    if (!options.quiet)
      say(prefix + "finished its part (" + counted(result.ran, "replication") + " run, " +
          std::to_string(result.skipped) +
          " already complete). Other shards have not finished yet; when all have, run:\n  probsim "
          "aggregate " +
          out.string() + "\n");
    return 0;
  }
  if (!options.quiet)
    say(prefix + "finished (" + counted(result.ran, "replication") + " run, " +
        std::to_string(result.skipped) + " already complete); the batch is complete\n");
  return run_aggregate(AggregateOptions{{out.string()}, "", options.quiet});
}

}  // namespace probsim
