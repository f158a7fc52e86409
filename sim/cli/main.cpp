// probsim: the command-line front end. Every command validates its scenario completely before doing
// anything, so a bad file never starts a run or leaves an output directory behind.

#include <boost/program_options.hpp>
#include <iostream>
#include <thread>

#include "cli/count_option.hpp"
#include "config/scenario_loader.hpp"
#include "output/kpi_console.hpp"
#include "report/report_command.hpp"
#include "runner/aggregate.hpp"
#include "runner/batch_runner.hpp"
#include "runner/benchmark.hpp"
#include "runner/compare.hpp"
#include "runner/experiment_runner.hpp"
#include "runner/memory_estimate.hpp"
#include "runner/run_warnings.hpp"
#include "runner/shard.hpp"
#include "runner/snapshot_command.hpp"
#include "runner/stop_signals.hpp"

namespace po = boost::program_options;
using namespace probsim;

namespace {

constexpr const char* kOverview =
    "probsim " PROBSIM_VERSION
    ": a discrete-event simulator of probation caseload and workforce.\n"
    "\n"
    "Usage: probsim COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  run SCENARIO       run replications of a scenario and write its results\n"
    "  validate SCENARIO  check a scenario file and report every problem found\n"
    "  bench SCENARIO     time one replication: wall time, peak memory, events per second\n"
    "  batch SWEEP        run a sweep (points x replications), or one shard of it on a cluster\n"
    "  aggregate DIR...   merge a batch's shard outputs: a summary per point and sweep_summary.csv\n"
    "  compare BASE OTHER paired differences per KPI between two runs, with 95% CIs\n"
    "  report DIR         one self-contained HTML page of charts for a run, a batch or a comparison\n"
    "  snapshot RUN_DIR   write a simulated day of a run as the caseload and staff CSVs of a snapshot\n"
    "\n"
    "probsim COMMAND --help explains a command's options. docs/reference/ documents every scenario key\n"
    "and every output file and column.\n";

struct Command {
  const char* name;
  const char* usage;
  const char* purpose;
};

constexpr Command kRun{
    "run", "probsim run SCENARIO [options]",
    "Runs N replications, each in its own process (at most J at once), and writes\n"
    "scenario.resolved.yaml, timeseries.csv, kpis.csv and summary.csv (and events.csv with\n"
    "--events) into one directory, which appears only when the run is complete."};
constexpr Command kValidate{
    "validate", "probsim validate SCENARIO [--set key.path=value]...",
    "Checks a scenario (with its `extends` chain and any --set overrides) and prints\n"
    "every problem with its file, line, column and key. Exit status 0 if valid, 1 if not."};
constexpr Command kBench{"bench", "probsim bench SCENARIO [--seed S] [--set key.path=value]...",
                         "Runs one replication in a child process and prints its wall time, peak memory and\n"
                         "simulated case events per second. Writes no results."};
constexpr Command kBatch{
    "batch", "probsim batch SWEEP [--out DIR] [--jobs J] [--shard i/N|auto] [--dry-run] [--quiet]",
    "Runs every point of a sweep file times its replications, or one shard of them, into a batch\n"
    "directory: points/<point>/ (one run directory per point), points.csv, sweep.resolved.yaml.\n"
    "Replications already complete are skipped, so the same command resumes a batch that was\n"
    "stopped. Shards write disjoint files and may share one directory. The process that finds the\n"
    "whole batch complete writes each point's summary and sweep_summary.csv (as `aggregate` does).\n"
    "docs/guides/ explains the sweep file and running on a cluster (Slurm, srun, mpirun)."};
constexpr Command kAggregate{
    "aggregate", "probsim aggregate DIR... [--out OUT] [--quiet]",
    "Merges the outputs of a batch's shards (one shared directory, or one directory per shard,\n"
    "merged into --out) into kpis.csv, timeseries.csv and summary.csv per point and one\n"
    "sweep_summary.csv. Reports incomplete points and exits 1 if there are any."};
constexpr Command kCompare{
    "compare",
    "probsim compare BASE_DIR OTHER_DIR [--by region|pdu|team|all] [--kpis LIST] [--out FILE] [--quiet]",
    "Pairs replication r of two finished runs (or aggregated batch points) and reports, per KPI, the\n"
    "mean difference OTHER - BASE with a 95% CI and whether it excludes zero. Runs with the same base\n"
    "seed share their random numbers, which makes the pairs tight. Writes comparison.csv."};

constexpr Command kReport{
    "report", "probsim report DIR [--baseline BASE_DIR] [--out FILE] [--quiet]",
    "Writes one self-contained HTML page (scripts, styles and data inside; it opens offline) for a run\n"
    "directory, an aggregated batch directory, or a comparison (a run directory holding\n"
    "comparison.csv, or a comparison.csv file): headline KPIs with 95% CIs and charts of whatever\n"
    "metrics the run has. Default FILE: DIR/report.html. With --baseline, or a comparison_monthly.csv\n"
    "from `compare --by`, it also draws DIR (the plan) and the baseline together for each unit."};

void print_command_help(const Command& command, const po::options_description& options) {
  std::cout << "Usage: " << command.usage << "\n\n" << command.purpose << "\n\n" << options << "\n";
}

std::optional<LoadedScenario> load_or_report(const std::string& path,
                                             const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(path, overrides, diagnostics);
  if (!loaded) {
    std::cerr << diagnostics.describe();
    std::cerr << "probsim: " << path << ": " << diagnostics.items().size() << " problem"
              << (diagnostics.items().size() == 1 ? "" : "s") << " found\n";
  }
  return loaded;
}

std::string joined_command_line(int argc, char** argv) {
  std::string text = "probsim";
  for (int i = 1; i < argc; ++i) text += std::string(" ") + argv[i];
  return text;
}

int command_main(const Command& command, int argc, char** argv) {
  RunOptions run;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  options.add_options()(
      "set", po::value<std::vector<std::string>>(&run.overrides)->composing(),
      "override one scenario key, e.g. --set simulation.warm_up_weeks=52 or\n"
      "--set regions.0.pdus.Northgate.referrals_per_week=30 (repeatable; list items by index "
      "or name)");
  if (command.name != kValidate.name)
    options.add_options()("seed", po::value<std::uint64_t>(&run.base_seed)->default_value(1),
                          "base seed; replication r uses a seed derived from (seed, r)");
  if (command.name == kRun.name || command.name == kBench.name)
    options.add_options()("threads",
                          po::value<Count>()->default_value(Count{0}, "0")->notifier([&](Count c) {
                            run.threads = c.value;
                          }),
                          "threads each replication runs its PDU offices' day on (default 0: the cores "
                          "divided by --jobs, at least 1); outputs do not depend on it");
  if (command.name == kRun.name || command.name == kBench.name)
    options.add_options()("max-memory", po::value<std::string>(),
                          "the memory the run may use, e.g. 8G or 512M (default: what the machine has "
                          "available); a run estimated to need more is refused before it starts");
  if (command.name == kRun.name)
    options.add_options()("reps,n",
                          po::value<Count>()->default_value(Count{5}, "5")->notifier([&](Count c) {
                            run.replications = c.value;
                          }),
                          "replications")("jobs,j",
                                          po::value<Count>()
                                              ->default_value(Count{cores}, std::to_string(cores))
                                              ->notifier([&](Count c) { run.jobs = c.value; }),
                                          "replications run at once (default: the number of cores)")(
        "out,o", po::value<std::string>(&run.out_dir), "output directory (default: results/<scenario name>)")(
        "events", po::bool_switch(&run.events), "also write events.csv, one row per case event")(
        "events-sessions", po::bool_switch(&run.events_sessions),
        "with --events (implied): also a row per programme group session each member attended or "
        "missed (many rows)")(
        "quiet,q", po::bool_switch(&run.quiet), "print nothing but errors")(
        "precision", po::value<double>(),
        "keep adding replications until every chosen KPI's 95% CI half-width is at most this "
        "fraction of its mean (e.g. 0.05), starting from --reps, up to --max-reps")(
        "precision-kpis", po::value<std::string>(),
        "the KPIs the precision rule applies to, comma-separated (default: every KPI)")(
        "max-reps",
        po::value<Count>()->default_value(Count{100}, "100")->notifier([&](Count c) {
          run.max_replications = c.value;
        }),
        "the most replications the precision rule may run")(
        "by", po::value<std::string>(&run.by),
        "also print the KPIs of each region, pdu or team (interventions), or all units "
        "(the files always hold every unit)")(
        "kpis", po::value<std::string>(),
        "the KPIs to print, comma-separated shell globs, e.g. 'caseload_*,reviews_on_time_share'");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::string>(&run.scenario_path));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", 1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "probsim " << command.name << ": " << e.what() << "\n(see probsim " << command.name
              << " --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    print_command_help(command, options);
    return 0;
  }
  if (run.scenario_path.empty()) {
    std::cerr << "probsim " << command.name << ": a SCENARIO file is required\nUsage: " << command.usage
              << "\n";
    return 2;
  }
  if (command.name == kRun.name && (run.replications < 1 || run.jobs < 1)) {
    std::cerr << "probsim run: --reps and --jobs must be at least 1\n";
    return 2;
  }
  if (command.name == kRun.name) {
    if (!valid_by(run.by)) {
      std::cerr << "probsim run: --by takes region, pdu, team or all; not '" << run.by << "'\n";
      return 2;
    }
    if (vm.count("kpis")) run.console_kpis = split_list(vm["kpis"].as<std::string>());
    if (run.events_sessions) run.events = true;  // the session rows are rows of events.csv
    if (vm.count("precision")) {
      run.precision = vm["precision"].as<double>();
      if (!(*run.precision > 0.0 && *run.precision <= 10.0)) {
        std::cerr
            << "probsim run: --precision is a fraction of the mean, e.g. 0.05 for 5%; it must be above 0\n";
        return 2;
      }
      if (run.replications < 2) {
        std::cerr << "probsim run: --precision needs --reps of at least 2 (a confidence interval needs two "
                     "replications)\n";
        return 2;
      }
      if (run.max_replications < run.replications) {
        std::cerr << "probsim run: --max-reps (" << run.max_replications << ") is below --reps ("
                  << run.replications << ")\n";
        return 2;
      }
      if (vm.count("precision-kpis")) {
        std::string list = vm["precision-kpis"].as<std::string>();
        for (std::size_t start = 0; start <= list.size();) {
          const std::size_t comma = std::min(list.find(',', start), list.size());
          if (comma > start) run.precision_kpis.push_back(list.substr(start, comma - start));
          start = comma + 1;
        }
        if (run.precision_kpis.empty()) {
          std::cerr
              << "probsim run: --precision-kpis needs KPI names, e.g. caseload_mean,workload_pct_mean\n";
          return 2;
        }
      }
    } else if (vm.count("precision-kpis") || !vm["max-reps"].defaulted()) {
      std::cerr << "probsim run: --precision-kpis and --max-reps apply only with --precision\n";
      return 2;
    }
  }
  run.command_line = joined_command_line(argc + 1, argv - 1);
  // A run catches stop signals from here, before the scenario is read (a national one takes a moment),
  // so that one at any moment ends it with a message rather than the shell's report of a signal.
  if (command.name == kRun.name) hold_stop_signals_until_exit();

  const auto loaded = load_or_report(run.scenario_path, run.overrides);
  if (!loaded) return 1;
  if (command.name == kValidate.name) {
    const std::size_t regions = loaded->scenario.regions.size(), pdus = loaded->scenario.pdu_count();
    std::cout << run.scenario_path << ": valid (" << regions << (regions == 1 ? " region, " : " regions, ")
              << pdus << (pdus == 1 ? " PDU)\n" : " PDUs)\n");
    const MemoryEstimate memory = estimate_replication_memory(loaded->scenario);
    std::cout << "estimated memory: " << describe_bytes(memory.bytes) << " per replication, for up to "
              << static_cast<long long>(memory.open_cases) << " open cases\n";
    // Valid but probably not meant: said here too, so a scenario can be checked without running it.
    print_warnings(scenario_warnings(loaded->scenario), std::cerr);
    return 0;
  }
  run.jobs = std::min(run.jobs, run.precision ? run.max_replications : run.replications);
  // Before anything is allocated: the estimated memory of the replications run at once, against the
  // machine or --max-memory.
  if (const auto stop = refuse_if_memory_short(
          command.name, loaded->scenario, command.name == kBench.name ? 1 : run.jobs,
          vm.count("max-memory") ? std::optional<std::string>(vm["max-memory"].as<std::string>())
                                 : std::nullopt,
          std::cerr))
    return *stop;
  if (command.name == kBench.name)
    return run_benchmark(*loaded, run.base_seed, threads_per_replication(run.threads, 1));
  return note_late_stop_signal(run_experiment(*loaded, run), std::cerr);
}

// Parses a command's options; returns an exit status to stop with, or nothing to go on.
std::optional<int> parse_options(const Command& command, int argc, char** argv,
                                 const po::options_description& options,
                                 const po::options_description& hidden,
                                 const po::positional_options_description& positional,
                                 po::variables_map& vm) {
  po::options_description all;
  all.add(options).add(hidden);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "probsim " << command.name << ": " << e.what() << "\n(see probsim " << command.name
              << " --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    print_command_help(command, options);
    return 0;
  }
  return std::nullopt;
}

int batch_main(int argc, char** argv) {
  BatchOptions batch;
  std::string shard = "1/1";
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(&batch.out_dir),
      "batch directory (default: results/<sweep name>); shards of one batch may share it")(
      "jobs,j",
      po::value<Count>()->default_value(Count{cores}, std::to_string(cores))->notifier([&](Count c) {
        batch.jobs = c.value;
      }),
      "replications run at once by this process (default: the number of cores)")(
      "threads",
      po::value<Count>()->default_value(Count{0}, "0")->notifier([&](Count c) { batch.threads = c.value; }),
      "threads each replication runs its PDU offices' day on (default 0: the cores divided by --jobs, "
      "at least 1); outputs do not depend on it")(
      "shard", po::value<std::string>(&shard)->default_value("1/1"),
      "run only shard i of N (i = 1..N): the tasks k with k mod N = i - 1, where task k is "
      "replication (k mod R) + 1 of point k / R + 1 (with a precision target, task k is point k + 1). `auto` "
      "reads i and N from a Slurm job "
      "array, an srun step, or mpirun (Open MPI or MPICH)")(
      "dry-run", po::bool_switch(&batch.dry_run),
      "check the sweep and every point, list the points and this "
      "shard's share; run nothing")("quiet,q", po::bool_switch(&batch.quiet), "print nothing but errors")(
      "max-memory", po::value<std::string>(),
      "the memory the batch may use, e.g. 8G or 512M (default: what the machine has available); --jobs "
      "replications of the largest point estimated to need more are refused before anything runs");
  po::options_description hidden;
  hidden.add_options()("sweep", po::value<std::string>(&batch.sweep_path));
  po::positional_options_description positional;
  positional.add("sweep", 1);
  po::variables_map vm;
  if (auto stop = parse_options(kBatch, argc, argv, options, hidden, positional, vm)) return *stop;
  if (batch.sweep_path.empty()) {
    std::cerr << "probsim batch: a SWEEP file is required\nUsage: " << kBatch.usage << "\n";
    return 2;
  }
  if (batch.jobs < 1) {
    std::cerr << "probsim batch: --jobs must be at least 1\n";
    return 2;
  }
  if (vm.count("max-memory")) batch.max_memory = vm["max-memory"].as<std::string>();
  std::string error;
  const auto parsed = parse_shard(shard, process_environment(), error);
  if (!parsed) {
    std::cerr << "probsim batch: " << error << "\n";
    return 2;
  }
  batch.shard = *parsed;
  batch.command_line = joined_command_line(argc + 1, argv - 1);
  return note_late_stop_signal(run_batch(batch), std::cerr);
}

int aggregate_main(int argc, char** argv) {
  AggregateOptions aggregate;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(&aggregate.out_dir),
      "where the merged batch goes (required with several directories; default: the one given)")(
      "quiet,q", po::bool_switch(&aggregate.quiet), "print nothing but errors");
  po::options_description hidden;
  hidden.add_options()("dirs", po::value<std::vector<std::string>>(&aggregate.dirs));
  po::positional_options_description positional;
  positional.add("dirs", -1);
  po::variables_map vm;
  if (auto stop = parse_options(kAggregate, argc, argv, options, hidden, positional, vm)) return *stop;
  if (aggregate.dirs.empty()) {
    std::cerr << "probsim aggregate: at least one batch directory is required\nUsage: " << kAggregate.usage
              << "\n";
    return 2;
  }
  return note_late_stop_signal(run_aggregate(aggregate), std::cerr);
}

int compare_main(int argc, char** argv) {
  CompareOptions compare;
  std::vector<std::string> dirs;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(&compare.out_file),
      "where to write comparison.csv (default: OTHER_DIR/comparison.csv)")(
      "quiet,q", po::bool_switch(&compare.quiet), "print nothing but errors and warnings")(
      "by", po::value<std::string>(&compare.by),
      "also pair the KPIs of each region, pdu or team, or all units, and write their monthly series' "
      "paired differences to comparison_monthly.csv beside comparison.csv")(
      "kpis", po::value<std::string>(), "the KPIs to print, comma-separated shell globs");
  po::options_description hidden;
  hidden.add_options()("dirs", po::value<std::vector<std::string>>(&dirs));
  po::positional_options_description positional;
  positional.add("dirs", -1);
  po::variables_map vm;
  if (auto stop = parse_options(kCompare, argc, argv, options, hidden, positional, vm)) return *stop;
  if (dirs.size() != 2) {
    std::cerr << "probsim compare: expected two run directories, BASE_DIR and OTHER_DIR; found "
              << dirs.size() << "\nUsage: " << kCompare.usage << "\n";
    return 2;
  }
  if (!valid_by(compare.by)) {
    std::cerr << "probsim compare: --by takes region, pdu, team or all; not '" << compare.by << "'\n";
    return 2;
  }
  if (vm.count("kpis")) compare.console_kpis = split_list(vm["kpis"].as<std::string>());
  compare.base_dir = dirs[0];
  compare.other_dir = dirs[1];
  return note_late_stop_signal(run_compare(compare), std::cerr);
}

int report_main(int argc, char** argv) {
  ReportOptions report;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("out,o", po::value<std::string>(&report.out_file),
                                                    "the HTML file to write (default: DIR/report.html)")(
      "baseline", po::value<std::string>(&report.baseline),
      "a run directory: the baseline DIR (a plan) is set against, drawn with it per unit")(
      "quiet,q", po::bool_switch(&report.quiet), "print nothing but errors and warnings");
  po::options_description hidden;
  std::vector<std::string> paths;
  hidden.add_options()("path", po::value<std::vector<std::string>>(&paths));
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (auto stop = parse_options(kReport, argc, argv, options, hidden, positional, vm)) return *stop;
  if (paths.size() != 1) {
    std::cerr << "probsim report: expected one run, batch or comparison directory; found " << paths.size()
              << "\nUsage: " << kReport.usage << "\n";
    return 2;
  }
  report.path = paths.front();
  return note_late_stop_signal(run_report(report), std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  announce_unrecorded_stop_signals();
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" ||
      std::string(argv[1]) == "help") {
    std::cout << kOverview;
    return argc < 2 ? 2 : 0;
  }
  if (std::string(argv[1]) == "--version") {
    std::cout << "probsim " << PROBSIM_VERSION << "\n";
    return 0;
  }
  for (const Command* command : {&kRun, &kValidate, &kBench})
    if (argv[1] == std::string(command->name)) return command_main(*command, argc - 1, argv + 1);
  if (argv[1] == std::string(kBatch.name)) return batch_main(argc - 1, argv + 1);
  if (argv[1] == std::string(kAggregate.name)) return aggregate_main(argc - 1, argv + 1);
  if (argv[1] == std::string(kCompare.name)) return compare_main(argc - 1, argv + 1);
  if (argv[1] == std::string(kReport.name)) return report_main(argc - 1, argv + 1);
  if (argv[1] == std::string("snapshot")) return snapshot_main(argc - 1, argv + 1);
  std::cerr << "probsim: unknown command '" << argv[1] << "'\n\n" << kOverview;
  return 2;
}
