#include "cli/command_options.hpp"

#include <iostream>

#include "output/kpi_console.hpp"
#include "runner/kpi_pattern_check.hpp"
#include "runner/shell_quoting.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

void print_command_help(const Command& command, const po::options_description& options) {
  std::cout << "Usage: " << command.usage << "\n\n" << command.purpose << "\n\n" << options << "\n";
}

}  // namespace

std::optional<int> parse_command_options(const Command& command, int argc, char** argv,
                                         const po::options_description& options,
                                         const po::options_description& hidden,
                                         const po::positional_options_description& positional,
                                         po::variables_map& vm, PointAtHelp point_at_help) {
  po::options_description all;
  all.add(options).add(hidden);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "probsim " << command.name << ": " << e.what() << "\n";
    if (point_at_help == PointAtHelp::yes) std::cerr << "(see probsim " << command.name << " --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    print_command_help(command, options);
    return 0;
  }
  // Every command's --out is a path; an empty one (an unset shell variable) would silently fall back to
  // the default place.
  if (vm.count("out") && vm["out"].as<std::string>().empty()) {
    std::cerr << "probsim " << command.name
              << ": --out needs a path; an empty one would write to the default place\n";
    return 2;
  }
  // --by (run and compare): empty, it would print the national KPIs alone, as if no level had been asked for.
  if (vm.count("by"))
    if (const std::string by = vm["by"].as<std::string>(); by.empty() || !valid_by(by)) {
      std::cerr << "probsim " << command.name << ": --by takes region, pdu, team or all; "
                << (by.empty() ? "an empty one would print the national KPIs only" : "not '" + by + "'")
                << "\n";
      return 2;
    }
  // --kpis (run and compare): no pattern at all would print every KPI, as if it had not been given.
  if (vm.count("kpis") && vm["kpis"].as<std::string>().find_first_not_of(", \t") == std::string::npos) {
    std::cerr << "probsim " << command.name
              << ": --kpis needs KPI names or patterns, e.g. 'caseload_*,reviews_on_time_share'; an empty "
                 "list would print every KPI\n";
    return 2;
  }
  return std::nullopt;
}

int refuse_operands(const Command& command, const std::string& problem) {
  std::cerr << "probsim " << command.name << ": " << problem << "\nUsage: " << command.usage << "\n";
  return 2;
}

std::optional<int> refuse_unmatched_kpi_patterns(const Command& command,
                                                 const std::vector<std::string>& patterns) {
  bool unmatched = false;  // every misspelt pattern at once
  for (const std::string& pattern : patterns)
    if (const std::string problem = unmatched_kpi_pattern(pattern); !problem.empty()) {
      std::cerr << "probsim " << command.name << ": --kpis: " << problem << "\n";
      unmatched = true;
    }
  return unmatched ? std::optional<int>(2) : std::nullopt;
}

std::string joined_command_line(int argc, char** argv) {
  std::string text = "probsim";
  for (int i = 1; i < argc; ++i) text += " " + shell_quoted(argv[i]);
  return text;
}

}  // namespace probsim
