// probsim report DIR: one self-contained HTML page for a run, a batch or a comparison.

#include <iostream>

#include "cli/command_options.hpp"
#include "cli/commands.hpp"
#include "report/report_command.hpp"
#include "runner/stop_signals.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

constexpr Command kReport{
    "report", "probsim report DIR [--baseline BASE_DIR] [--out FILE] [--quiet]",
    "Writes one self-contained HTML page (scripts, styles and data inside; it opens offline) for a run\n"
    "directory, an aggregated batch directory, or a comparison (a run directory holding\n"
    "comparison.csv, or a comparison.csv file): headline KPIs with 95% CIs and charts of whatever\n"
    "metrics the run has. Default FILE: DIR/report.html. With --baseline, or a comparison_monthly.csv\n"
    "from `compare --by`, it also draws DIR (the plan) and the baseline together for each unit."};

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
  if (auto stop = parse_command_options(kReport, argc, argv, options, hidden, positional, vm)) return *stop;
  if (paths.size() != 1)
    return refuse_operands(
        kReport, "expected one run, batch or comparison directory; found " + std::to_string(paths.size()));
  report.path = paths.front();
  return note_late_stop_signal(run_report(report), std::cerr);
}

}  // namespace

const Subcommand kReportSubcommand{kReport.name, report_main,
                                   "it reads the results for every chart; report fewer runs at once"};

}  // namespace probsim
