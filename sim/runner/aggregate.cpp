#include "runner/aggregate.hpp"

#include <algorithm>
#include <iostream>
#include <new>
#include <set>

#include "config/counted.hpp"
#include "config/diagnostics.hpp"
#include "config/sweep_loader.hpp"
#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "runner/aggregate_point.hpp"
#include "runner/batch_files.hpp"
#include "runner/leave_red.hpp"
#include "runner/replication_scheduler.hpp"
#include "runner/run_files.hpp"
#include "runner/stop_signals.hpp"
#include "runner/timeseries_summary.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

int fail(const std::string& message) {
  std::cerr << "probsim aggregate: " << message << "\n";
  return 1;
}

// Where points.csv differs from the points the sweep makes: its columns, its rows (id, scenario, seed), and
// each point's own values (a value a point takes from its scenario is not read here: that needs the
// scenarios loaded). `batch` checks the whole file when it runs; aggregate read it as it stood, so a
// cut row left its point out of sweep_summary.csv and an edited value relabelled it. "" when it agrees.
std::string index_disagrees_with_sweep(const PointIndex& index, const SweepSpec& sweep) {
  if (index.keys != sweep.varied_keys()) return "its columns are not the sweep's varied keys";
  Diagnostics ignored;  // the sweep was read from the batch's own sweep.resolved.yaml
  const std::vector<SweepPoint> points = expand_points(sweep, ignored);
  if (index.points.size() != points.size())
    return "it lists " + std::to_string(index.points.size()) + " points, the sweep makes " +
           std::to_string(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const SweepPoint& p = points[i];
    const PointIndexRow& row = index.points[i];
    if (row.id != p.id || row.scenario != sweep.scenarios[p.scenario] ||
        row.base_seed != std::to_string(p.base_seed))
      return "row " + std::to_string(i + 1) + " is point " + row.id + " (" + row.scenario + ", base seed " +
             row.base_seed + "), where the sweep's is " + p.id;
    for (const SweepAssignment& a : p.assignments) {
      const auto column = std::find(index.keys.begin(), index.keys.end(), a.key_path) - index.keys.begin();
      if (static_cast<std::size_t>(column) < row.values.size() && row.values[column] != a.value_text())
        return "point " + p.id + "'s " + a.key_path + " is " + row.values[column] + ", the sweep's " +
               a.value_text();
    }
  }
  return "";
}

}  // namespace

int run_aggregate(const AggregateOptions& options) {
  std::vector<fs::path> sources;
  std::set<fs::path> seen;
  for (const auto& dir : options.dirs) {
    if (!fs::is_directory(dir)) return fail(dir + ": no such directory");
    if (!is_batch_directory(dir)) {
      if (fs::exists(fs::path(dir) / "scenario.resolved.yaml"))
        return fail(dir +
                    " is the directory of a single run (`probsim run`); aggregate merges the directories "
                    "of `probsim batch`");
      return fail(dir + " is not a batch directory: it has no " + kSweepResolvedFile);
    }
    if (seen.insert(canonical_or_self(dir)).second)
      sources.emplace_back(dir);
    else if (!options.quiet)  // merged once, as it should be; said, since a shard may be missing instead
      std::cerr << "probsim aggregate: note: " << dir << " is given more than once; it is read once\n";
  }
  fs::path out = options.out_dir;
  if (out.empty()) {
    if (sources.size() != 1) {
      std::cerr << "probsim aggregate: several directories given: say where the merged batch goes with "
                   "--out DIR\n";
      return 2;
    }
    out = sources.front();
  }
  // A sweep_summary.csv still in the target when a refusal comes is from an earlier aggregation (this one
  // removes it before it merges the first point), but would read as this one's result: so it is named.
  const auto refuse = [&out](const std::string& message) {
    const bool earlier_summary = fs::exists(out / kSweepSummaryFile);
    return fail(message + (earlier_summary
                               ? "\n(the " + std::string(kSweepSummaryFile) + " in " + out.string() +
                                     " is from an earlier aggregation and was not updated)"
                               : ""));
  };

  const auto sweep_text = read_text_file(sources.front() / kSweepResolvedFile);
  const auto index_text = read_text_file(sources.front() / kPointIndexFile);
  if (!sweep_text || !index_text)
    return refuse(sources.front().string() + " lacks " + kPointIndexFile +
                  ": it is not a complete batch directory");
  for (std::size_t i = 1; i < sources.size(); ++i) {
    const auto other = read_text_file(sources[i] / kSweepResolvedFile);
    if (!other) return refuse("cannot read " + (sources[i] / kSweepResolvedFile).string());
    if (yaml_body(*other) != yaml_body(*sweep_text))
      return refuse(sources[i].string() + " and " + sources.front().string() + " hold different sweeps (" +
                    kSweepResolvedFile + " " + first_yaml_difference(*other, *sweep_text) + ")");
    if (read_text_file(sources[i] / kPointIndexFile) != index_text)
      return refuse(sources[i].string() + " and " + sources.front().string() + " have different " +
                    kPointIndexFile);
  }
  if (fs::exists(out) && seen.count(canonical_or_self(out)) == 0) {
    if (is_batch_directory(out)) {
      const auto existing = read_text_file(out / kSweepResolvedFile);
      if (!existing || yaml_body(*existing) != yaml_body(*sweep_text))
        return fail(out.string() + " holds another sweep; choose another --out");
      sources.push_back(out);  // its replications count too
    } else if (!fs::is_directory(out) || !fs::is_empty(out)) {
      return fail(out.string() + " exists and is not a batch directory; choose another --out");
    }
  }

  Diagnostics diagnostics;
  std::optional<SweepSpec> sweep;
  if (auto root = parse_config_file((sources.front() / kSweepResolvedFile).string(), diagnostics))
    sweep = read_sweep(*root, (sources.front() / kSweepResolvedFile).string(), diagnostics);
  if (!sweep) return refuse("cannot read the batch's sweep:\n" + diagnostics.describe());

  try {
    const PointIndex index = read_point_index(sources.front() / kPointIndexFile);
    if (const std::string why = index_disagrees_with_sweep(index, *sweep); !why.empty())
      return refuse((sources.front() / kPointIndexFile).string() + " is not the sweep's: " + why +
                    ". Restore it, or run the batch again in another --out");
    ensure_directory(out / "points");
    for (const char* file : {kSweepResolvedFile, kPointIndexFile})
      if (!fs::exists(out / file))
        (void)write_file_if_absent((out / file).string(), *read_text_file(sources.front() / file));

    PointAggregator aggregator(sources, out, *sweep);
    std::string sweep_summary;
    {
      std::vector<std::string> header = {"point", "scenario"};
      header.insert(header.end(), index.keys.begin(), index.keys.end());
      for (const char* column : {"kpi", "n", "mean", "sd", "ci95_low", "ci95_high", "p5", "p50", "p95"})
        header.emplace_back(column);
      sweep_summary = csv_row(header);
    }
    std::vector<std::string> incomplete;
    std::size_t kpis = 0;
    // Every file is written whole (AtomicFile); a stop signal is held until the point in hand is merged,
    // so an interrupted aggregation leaves whole points and no temporary file, and a re-run completes it.
    // Held until exit too: a signal after sweep_summary.csv is written must not kill a finished aggregation.
    hold_stop_signals_until_exit();
    const StopSignals stop(/*interrupt_system_calls=*/false);
    // An earlier sweep_summary.csv describes the points as they were; it is rewritten only when every
    // point merges now, and until then none is left for `report` to read as current.
    std::error_code removed;
    fs::remove(out / kSweepSummaryFile, removed);
    for (const auto& row : index.points) {
      if (stop.received() != 0)
        return refuse("interrupted by " + StopSignals::name(stop.received()) + " before point " + row.id +
                      "; the points before it are merged whole, and running aggregate again completes it");
      const PointOutcome outcome = aggregator.point(row.id);
      if (!outcome.complete) {
        // Merged files an earlier aggregation left describe replications no longer all there, and compare
        // and report read them as the point's: removed, as the sweep summary is.
        std::size_t stale = 0;
        for (const char* file : {"kpis.csv", "summary.csv", "timeseries.csv", kTimeseriesSummaryFile,
                                 "events.csv", kLeaveRedFile})
          if (std::error_code ignored; fs::remove(point_directory(out, row.id) / file, ignored)) ++stale;
        incomplete.push_back(row.id + ": " + outcome.why_incomplete +
                             (stale > 0 ? "; its merged files of an earlier aggregation are removed" : ""));
        continue;
      }
      std::size_t national_kpis = 0;
      // sweep_summary.csv compares points nationally; each point's summary.csv has every unit.
      for (const auto& [level, unit, kpi, s] : outcome.summary) {
        if (level != "national") continue;
        ++national_kpis;
        std::vector<std::string> fields = {row.id, row.scenario};
        fields.insert(fields.end(), row.values.begin(), row.values.end());
        for (const std::string& value :
             {kpi, std::to_string(s.n), format_number(s.mean), format_number(s.sd), format_number(s.ci95_low),
              format_number(s.ci95_high), format_number(s.p5), format_number(s.p50), format_number(s.p95)})
          fields.push_back(value);
        sweep_summary += csv_row(fields);
      }
      kpis = std::max(kpis, national_kpis);
    }
    if (!incomplete.empty()) {
      std::cerr << "probsim aggregate: " << incomplete.size() << " of "
                << counted(index.points.size(), "point") << (incomplete.size() == 1 ? " is" : " are")
                << " incomplete, so " << kSweepSummaryFile << " was not written:\n";
      for (const auto& line : incomplete) std::cerr << "  " << line << "\n";
      std::cerr << "Their finished replications are kept. If other shards wrote into other directories, "
                   "aggregate them all together (with --out); otherwise finish the batch (the same `probsim "
                   "batch` command resumes it) and aggregate again.\n";
      return 1;
    }
    if (stop.received() != 0)
      return refuse("interrupted by " + StopSignals::name(stop.received()) + " before writing " +
                    kSweepSummaryFile + "; running aggregate again writes it");
    write_file_atomically((out / kSweepSummaryFile).string(), sweep_summary);
    if (!options.quiet)
      std::cout << "Aggregated " << counted(index.points.size(), "point") << " of sweep " << sweep->name
                << " into " << out.string() << "/:\n  " << kSweepSummaryFile << " ("
                << counted(index.points.size(), "point") << " x " << counted(kpis, "KPI") << "), "
                << kPointIndexFile << ", and in points/<point>/: summary.csv, kpis.csv, timeseries.csv"
                << (sweep->events ? ", events.csv" : "") << "\n";
    return 0;
  } catch (const std::bad_alloc&) {
    throw;  // to main, which says the command ran out of memory and how to ask for less
  } catch (const std::exception& e) {
    return refuse(e.what());
  }
}

}  // namespace probsim
