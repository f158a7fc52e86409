// probsim aggregate DIR...: a batch's shard outputs merged into summaries.

#include <iostream>

#include "cli/command_options.hpp"
#include "cli/commands.hpp"
#include "runner/aggregate.hpp"
#include "runner/stop_signals.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

constexpr Command kAggregate{
    "aggregate", "probsim aggregate DIR... [--out OUT] [--quiet]",
    "Merges the outputs of a batch's shards (one shared directory, or one directory per shard,\n"
    "merged into --out) into kpis.csv, timeseries.csv and summary.csv per point and one\n"
    "sweep_summary.csv. Reports incomplete points and exits 1 if there are any."};

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
  if (auto stop = parse_command_options(kAggregate, argc, argv, options, hidden, positional, vm))
    return *stop;
  if (aggregate.dirs.empty()) return refuse_operands(kAggregate, "at least one batch directory is required");
  return note_late_stop_signal(run_aggregate(aggregate), std::cerr);
}

}  // namespace

const Subcommand kAggregateSubcommand{
    kAggregate.name, aggregate_main,
    "it reads every replication's results of the batch; aggregate fewer batch directories at once"};

}  // namespace probsim
