// probsim compare BASE_DIR OTHER_DIR: paired differences per KPI between two runs.

#include <iostream>

#include "cli/command_options.hpp"
#include "cli/commands.hpp"
#include "output/kpi_console.hpp"
#include "runner/compare.hpp"
#include "runner/stop_signals.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

constexpr Command kCompare{
    "compare",
    "probsim compare BASE_DIR OTHER_DIR [--by region|pdu|team|all] [--kpis LIST] [--out FILE] [--quiet]",
    "Pairs replication r of two finished runs (or aggregated batch points) and reports, per KPI, the\n"
    "mean difference OTHER - BASE with a 95% CI and whether it excludes zero. Runs with the same base\n"
    "seed share their random numbers, which makes the pairs tight. Writes comparison.csv."};

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
  if (auto stop = parse_command_options(kCompare, argc, argv, options, hidden, positional, vm)) return *stop;
  if (dirs.size() != 2)
    return refuse_operands(kCompare, "expected two run directories, BASE_DIR and OTHER_DIR; found " +
                                         std::to_string(dirs.size()));
  if (vm.count("kpis")) compare.console_kpis = split_list(vm["kpis"].as<std::string>());
  if (auto stop = refuse_unmatched_kpi_patterns(kCompare, compare.console_kpis)) return *stop;
  compare.base_dir = dirs[0];
  compare.other_dir = dirs[1];
  return note_late_stop_signal(run_compare(compare), std::cerr);
}

}  // namespace

const Subcommand kCompareSubcommand{kCompare.name, compare_main,
                                    "it reads both runs' replications; compare runs of fewer replications"};

}  // namespace probsim
