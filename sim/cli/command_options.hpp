#pragma once
// What every probsim subcommand does alike with its command line: its usage and purpose for --help,
// parsing its options with Boost.Program_options (an unknown or malformed option is exit status 2 with
// Boost's message; --help prints the usage, the purpose and the options), and the command line as typed,
// which runs record beside their results.

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace probsim {

struct Command {
  const char* name;
  const char* usage;    // after "Usage: "
  const char* purpose;  // the paragraph --help prints under the usage
};

// Whether a parse error ends with "(see probsim COMMAND --help)". `probsim snapshot` has never said it,
// and its messages are kept as they are.
enum class PointAtHelp { yes, no };

// Parses a command's options (`argv[0]` is the command's name) into `vm` and runs their notifiers.
// Returns the exit status to stop with (2 after a parse error, 0 after --help), or nothing to go on.
[[nodiscard]] std::optional<int> parse_command_options(
    const Command& command, int argc, char** argv, const boost::program_options::options_description& options,
    const boost::program_options::options_description& hidden,
    const boost::program_options::positional_options_description& positional,
    boost::program_options::variables_map& vm, PointAtHelp point_at_help = PointAtHelp::yes);

// Prints "probsim COMMAND: <problem>" and the command's usage, for a missing or surplus operand; returns 2.
[[nodiscard]] int refuse_operands(const Command& command, const std::string& problem);

// --kpis (run, compare): a pattern that can match no KPI is named, with the nearest name, and the command
// stops with 2 before it runs; std::nullopt when every pattern can match.
[[nodiscard]] std::optional<int> refuse_unmatched_kpi_patterns(const Command& command,
                                                               const std::vector<std::string>& patterns);

// "probsim" and every argument after it (`argv[0]` is the program), joined by spaces, each quoted as
// bash would need it (so the line can be pasted back, and a newline in an argument cannot end it).
[[nodiscard]] std::string joined_command_line(int argc, char** argv);

}  // namespace probsim
