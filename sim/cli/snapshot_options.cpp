// probsim snapshot RUN_DIR --date D: a simulated day of a finished run written as snapshot CSVs.

#include <iostream>

#include "cli/command_options.hpp"
#include "cli/commands.hpp"
#include "cli/count_option.hpp"
#include "runner/snapshot_command.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

constexpr Command kSnapshot{
    "snapshot", "probsim snapshot RUN_DIR --date YYYY-MM-DD [--replication R] [--out DIR]",
    "Replays replication R of a finished run up to the end of --date and writes that state as\n"
    "the snapshot CSVs warm_start: snapshot reads (caseload.csv, staff.csv), as of the next day."};

int snapshot_main(int argc, char** argv) {
  SnapshotOptions snapshot;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("date", po::value<std::string>(&snapshot.date_text),
                                                    "the last simulated day to include, YYYY-MM-DD")(
      "replication,r", po::value<Count>()->default_value(Count{1}, "1")->notifier([&](Count c) {
        snapshot.replication = c.value;
      }),
      "which replication (1..N)")("out,o", po::value<std::string>(&snapshot.out_dir),
                                  "where to write the two CSVs (default: RUN_DIR/snapshot-DATE, and "
                                  "RUN_DIR/snapshot-DATE-rR for a replication R other than 1)");
  po::options_description hidden;
  hidden.add_options()("run_dir", po::value<std::string>(&snapshot.run_dir));
  po::positional_options_description positional;
  positional.add("run_dir", 1);
  po::variables_map vm;
  if (auto stop =
          parse_command_options(kSnapshot, argc, argv, options, hidden, positional, vm, PointAtHelp::no))
    return *stop;
  if (snapshot.run_dir.empty() || snapshot.date_text.empty())
    return refuse_operands(kSnapshot, "RUN_DIR and --date are required");
  return run_snapshot(snapshot);
}

}  // namespace

const Subcommand kSnapshotSubcommand{
    kSnapshot.name, snapshot_main,
    "it replays one replication of the run; run it on a machine with more memory"};

}  // namespace probsim
