// run, validate and bench: the commands that read a SCENARIO. They share one option set (run has the
// most), and each validates its scenario completely before doing anything, so a bad file never starts
// a run or leaves an output directory behind.

#include <algorithm>
#include <iostream>

#include "cli/command_options.hpp"
#include "cli/commands.hpp"
#include "cli/count_option.hpp"
#include "config/scenario_loader.hpp"
#include "output/kpi_console.hpp"
#include "runner/benchmark.hpp"
#include "runner/experiment_runner.hpp"
#include "runner/input_checksums.hpp"
#include "runner/kpi_pattern_check.hpp"
#include "runner/memory_estimate.hpp"
#include "runner/memory_sizes.hpp"
#include "runner/precision_rule.hpp"
#include "runner/run_warnings.hpp"
#include "runner/scenario_kpi_check.hpp"
#include "runner/stop_signals.hpp"
#include "runner/usable_cores.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

constexpr Command kRun{
    "run", "probsim run SCENARIO [options]",
    "Runs N replications, each in its own process (at most J at once), and writes\n"
    "scenario.resolved.yaml, timeseries.csv, kpis.csv and summary.csv (and events.csv with\n"
    "--events) into one directory, which appears only when the run is complete."};
constexpr Command kValidate{
    "validate", "probsim validate SCENARIO [--set key.path=value]...",
    "Checks a scenario (with its `extends` chain and any --set overrides) and prints\n"
    "every problem with its file, line, column and key. Exit status 0 if valid, 1 if not."};
constexpr Command kBench{
    "bench", "probsim bench SCENARIO [--seed S] [--threads T] [--set key.path=value]... [--max-memory SIZE]",
    "Runs one replication in a child process and prints its wall time, peak memory and\n"
    "simulated case events per second. Writes no results."};

std::optional<LoadedScenario> load_or_report(const std::string& path,
                                             const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  std::vector<std::string> override_warnings;
  auto loaded = load_scenario(path, overrides, diagnostics, &override_warnings);
  for (const std::string& warning : override_warnings) std::cerr << "probsim: warning: " << warning << "\n";
  if (!loaded) {
    std::cerr << diagnostics.describe();
    std::cerr << "probsim: " << path << ": " << diagnostics.items().size() << " problem"
              << (diagnostics.items().size() == 1 ? "" : "s") << " found\n";
    // A sweep file given where a scenario is expected fails on every required key; say what it is.
    if (std::any_of(diagnostics.items().begin(), diagnostics.items().end(), [](const Diagnostic& d) {
          return d.key == "scenarios" && d.message.rfind("unknown key", 0) == 0;
        }))
      std::cerr << "probsim: " << path
                << " looks like a sweep file (it has 'scenarios:'): run it with probsim batch\n";
  }
  return loaded;
}

// The options of run, validate and bench: --set for all three, and each one's own.
void add_scenario_command_options(const Command& command, RunOptions& run, po::options_description& options) {
  const auto cores = usable_cores();
  options.add_options()("help,h", "show this help");
  options.add_options()(
      "set", po::value<std::vector<std::string>>(&run.overrides)->composing(),
      "override one scenario key, e.g. --set simulation.warm_up_weeks=52 or\n"
      "--set regions.0.pdus.Northgate.referrals_per_week=30 (repeatable; list items by index "
      "or name)");
  if (command.name != kValidate.name)
    options.add_options()("seed", po::value<Seed>()->default_value(Seed{1}, "1")->notifier([&](Seed s) {
      run.base_seed = s.value;
    }),
                          "base seed; replication r uses a seed derived from (seed, r)");
  // bench runs one replication, so its default is every core; run shares the cores among --jobs.
  if (command.name == kRun.name || command.name == kBench.name)
    options.add_options()(
        "threads",
        po::value<Count>()->default_value(Count{0}, "0")->notifier([&](Count c) { run.threads = c.value; }),
        command.name == kBench.name ? "threads the replication runs its PDU offices' day on (default 0: the "
                                      "cores this process may use); outputs do not depend on it"
                                    : "threads each replication runs its PDU offices' day on (default 0: the "
                                      "cores divided by --jobs, at least 1); outputs do not depend on it");
  if (command.name == kRun.name || command.name == kBench.name)
    options.add_options()("max-memory", po::value<std::string>(),
                          "the memory the run may use, e.g. 8G or 512M (default: what the machine has "
                          "available); a run estimated to need more is refused before it starts");
  if (command.name == kRun.name)
    options.add_options()("reps,n", po::value<Count>()->default_value(Count{5}, "5")->notifier([&](Count c) {
      run.replications = c.value;
    }),
                          "replications")(
        "jobs,j",
        po::value<Count>()->default_value(Count{cores}, std::to_string(cores))->notifier([&](Count c) {
          run.jobs = c.value;
        }),
        "replications run at once (default: the cores this process may use)")(
        "out,o", po::value<std::string>(&run.out_dir), "output directory (default: results/<scenario name>)")(
        "events", po::bool_switch(&run.events), "also write events.csv, one row per case event")(
        "events-sessions", po::bool_switch(&run.events_sessions),
        "with --events (implied): also a row per programme group session each member attended or "
        "missed (many rows)")(
        "events-tasks", po::bool_switch(&run.events_tasks),
        "with --events (implied): also a row per casework task of a case completed (reviews, "
        "assessments, ...; not contacts)")("quiet,q", po::bool_switch(&run.quiet),
                                           "print nothing but errors")(
        "precision", po::value<double>(),
        "keep adding replications until every chosen KPI's 95% CI half-width is at most this "
        "fraction of its mean (e.g. 0.05), starting from --reps, up to --max-reps")(
        "precision-kpis", po::value<std::string>(),
        "the KPIs the precision rule applies to, comma-separated (default: every KPI)")(
        "max-reps", po::value<Count>()->default_value(Count{100}, "100")->notifier([&](Count c) {
          run.max_replications = c.value;
        }),
        "the most replications the precision rule may run")(
        "by", po::value<std::string>(&run.by),
        "also print the KPIs of each region, pdu or team (interventions), or all units "
        "(the files always hold every unit)")(
        "kpis", po::value<std::string>(),
        "the KPIs to print, comma-separated shell globs, e.g. 'caseload_*,reviews_on_time_share'");
}

// The options only `run` has (--by is checked with every command's options): --kpis, --events-sessions,
// --events-tasks and the precision rule's three.
std::optional<int> check_run_options(const po::variables_map& vm, RunOptions& run) {
  if (vm.count("kpis")) run.console_kpis = split_list(vm["kpis"].as<std::string>());
  if (auto stop = refuse_unmatched_kpi_patterns(kRun, run.console_kpis)) return *stop;
  if (run.events_sessions || run.events_tasks) run.events = true;  // their rows are rows of events.csv
  if (vm.count("precision")) {
    run.precision = vm["precision"].as<double>();
    if (!(*run.precision > 0.0 && *run.precision <= 10.0)) {
      std::cerr << "probsim run: --precision is a fraction of the mean, e.g. 0.05 for 5%; it must be above 0 "
                   "and at "
                   "most 10\n";
      return 2;
    }
    if (run.replications < 2) {
      std::cerr << "probsim run: --precision needs --reps of at least 2 (a confidence interval needs two "
                   "replications)\n";
      return 2;
    }
    if (run.max_replications < run.replications) {
      std::cerr << "probsim run: --max-reps (" << run.max_replications << ") is below --reps ("
                << run.replications << (vm["reps"].defaulted() ? ", its default: the rule's minimum" : "")
                << ")\n";
      return 2;
    }
    if (vm.count("precision-kpis")) {
      const std::string list = vm["precision-kpis"].as<std::string>();
      run.precision_kpis = split_list(list);
      // An empty name (`a,,b`, `a,`, `,a`) is what an unset shell variable leaves: a KPI the rule would
      // silently not wait for.
      if (!run.precision_kpis.empty() &&
          run.precision_kpis.size() !=
              static_cast<std::size_t>(std::count(list.begin(), list.end(), ',')) + 1) {
        std::cerr << "probsim run: --precision-kpis: '" << list
                  << "' has an empty name, before, between or after its commas (an unset shell variable?)\n";
        return 2;
      }
      std::vector<std::string> seen;  // a name twice gave precision.csv two rows for it
      for (const std::string& kpi : run.precision_kpis) {
        if (std::find(seen.begin(), seen.end(), kpi) != seen.end()) {
          std::cerr << "probsim run: --precision-kpis: '" << kpi << "' is listed twice\n";
          return 2;
        }
        seen.push_back(kpi);
      }
      if (run.precision_kpis.empty()) {
        std::cerr << "probsim run: --precision-kpis needs KPI names, e.g. caseload_mean,workload_pct_mean\n";
        return 2;
      }
      bool unknown = false;  // every misspelt name at once, before a replication runs
      for (const auto& kpi : run.precision_kpis)
        if (const std::string problem = unknown_national_kpi(kpi, "the rule reads the nation's");
            !problem.empty()) {
          std::cerr << "probsim run: --precision-kpis: " << problem << "\n";
          unknown = true;
        }
      if (unknown) return 2;
    }
  } else if (vm.count("precision-kpis") || !vm["max-reps"].defaulted()) {
    std::cerr << "probsim run: --precision-kpis and --max-reps apply only with --precision\n";
    return 2;
  }
  return std::nullopt;
}

int scenario_command_main(const Command& command, int argc, char** argv) {
  RunOptions run;
  po::options_description options("Options");
  add_scenario_command_options(command, run, options);
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::string>(&run.scenario_path));
  po::positional_options_description positional;
  positional.add("scenario", 1);

  po::variables_map vm;
  if (auto stop = parse_command_options(command, argc, argv, options, hidden, positional, vm)) return *stop;
  if (run.scenario_path.empty()) return refuse_operands(command, "a SCENARIO file is required");
  if (command.name == kRun.name && (run.replications < 1 || run.jobs < 1)) {
    std::cerr << "probsim run: --reps and --jobs must be at least 1\n";
    return 2;
  }
  if (command.name == kRun.name)
    if (auto stop = check_run_options(vm, run)) return *stop;
  if (vm.count("max-memory")) {  // before the scenario (and any snapshot CSVs it names) is loaded
    run.max_memory = vm["max-memory"].as<std::string>();
    if (const std::string problem = max_memory_problem(*run.max_memory); !problem.empty()) {
      std::cerr << "probsim " << command.name << ": " << problem << "\n";
      return 2;
    }
  }
  for (const std::string& assignment : run.overrides)
    if (!is_key_assignment(assignment)) {
      std::cerr << "probsim " << command.name << ": --set takes key.path=value, not '" << assignment << "'\n";
      return 2;
    }
  run.command_line = joined_command_line(argc + 1, argv - 1);
  // A run catches stop signals from here, before the scenario is read (a national one takes a moment),
  // so that one at any moment ends it with a message rather than the shell's report of a signal.
  if (command.name == kRun.name) hold_stop_signals_until_exit();

  const auto loaded = load_or_report(run.scenario_path, run.overrides);
  if (!loaded) return 1;
  bool unwritten = false;  // a precision KPI this scenario cannot write: said now, not after replications
  for (const std::string& kpi : run.precision_kpis)
    if (const std::string problem = kpi_the_scenario_does_not_write(kpi, loaded->scenario);
        !problem.empty()) {
      std::cerr << "probsim run: --precision-kpis: " << problem << "\n";
      unwritten = true;
    }
  if (unwritten) return 2;
  // A run's scenario.resolved.yaml run again: its snapshot CSVs should be the ones it recorded.
  for (const std::string& message : changed_inputs(run.scenario_path))
    std::cerr << "probsim " << command.name << ": warning: " << message << "\n";
  if (command.name == kValidate.name) {
    const std::size_t regions = loaded->scenario.regions.size(), pdus = loaded->scenario.pdu_count();
    std::cout << run.scenario_path << ": valid (" << regions << (regions == 1 ? " region, " : " regions, ")
              << pdus << (pdus == 1 ? " PDU)\n" : " PDUs)\n");
    const MemoryEstimate memory = estimate_replication_memory(loaded->scenario);
    std::cout << "estimated memory: " << describe_bytes(memory.bytes) << " per replication, for up to "
              << describe_count(memory.open_cases) << " open cases and " << describe_count(memory.staff)
              << " staff\n";
    // Valid as a file, but `run` would refuse it on this machine: said now, not after a long wait.
    if (const auto available = available_memory_bytes(); available && memory.bytes > *available) {
      const auto [needed, limit] = describe_bytes_apart(memory.bytes, *available);
      std::cerr << "probsim validate: warning: one replication is estimated to need " << needed
                << ", more than the " << limit
                << " of memory this machine has available, so probsim run would refuse it here; the most "
                << "cases are in PDU '" << memory.pdu_name << "' (key '" << memory.pdu_key << "')"
                << (memory.staff_notable() ? ", the largest staff entry key '" + memory.staff_key + "'"
                                           : std::string())
                << "\n";
    }
    // Valid but probably not meant: said here too, so a scenario can be checked without running it.
    print_warnings(scenario_warnings(loaded->scenario), std::cerr);
    return 0;
  }
  run.jobs = std::min(run.jobs, run.precision ? run.max_replications : run.replications);
  // Before anything is allocated: the estimated memory of the replications run at once, against the
  // machine or --max-memory.
  if (const auto stop =
          refuse_if_memory_short(command.name, loaded->scenario, command.name == kBench.name ? 1 : run.jobs,
                                 run.max_memory, std::cerr))
    return *stop;
  if (command.name == kBench.name)
    return run_benchmark(*loaded, run.base_seed, threads_per_replication(run.threads, 1), run.max_memory);
  return note_late_stop_signal(run_experiment(*loaded, run), std::cerr);
}

int run_main(int argc, char** argv) {
  return scenario_command_main(kRun, argc, argv);
}

int validate_main(int argc, char** argv) {
  return scenario_command_main(kValidate, argc, argv);
}

int bench_main(int argc, char** argv) {
  return scenario_command_main(kBench, argc, argv);
}

}  // namespace

const Subcommand kRunSubcommand{kRun.name, run_main,
                                "it runs --jobs replications at once; run fewer (--jobs 1), or a smaller "
                                "scenario (fewer PDUs, a shorter report window)"};
const Subcommand kValidateSubcommand{kValidate.name, validate_main,
                                     "it reads the scenario; give a smaller scenario"};
const Subcommand kBenchSubcommand{
    kBench.name, bench_main,
    "it runs one replication; bench a smaller scenario (fewer PDUs, a shorter report window)"};

}  // namespace probsim
