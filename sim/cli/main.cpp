// probsim: the command-line front end. It prints the overview and the version, and hands a subcommand
// its arguments; each subcommand reads its own options (cli/commands.hpp says where).

#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>

#include "cli/commands.hpp"
#include "runner/out_of_memory.hpp"
#include "runner/stop_signals.hpp"
#include "runner/thread_start.hpp"

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
    "probsim COMMAND --help explains a command's options; probsim --version prints the version.\n"
    "docs/reference/ documents every scenario key and every output file and column.\n";

constexpr const Subcommand* kSubcommands[] = {&kRunSubcommand,    &kValidateSubcommand,  &kBenchSubcommand,
                                              &kBatchSubcommand,  &kAggregateSubcommand, &kCompareSubcommand,
                                              &kReportSubcommand, &kSnapshotSubcommand};

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
  for (const Subcommand* subcommand : kSubcommands) {
    if (argv[1] != std::string(subcommand->name)) continue;
    // The commands check the paths they are given, but the file system can still refuse one they did
    // not foresee (a name too long, a loop of symbolic links): say which path and why, and exit 1,
    // rather than abort with "terminate called".
    try {
      return subcommand->main(argc - 1, argv + 1);
    } catch (const std::filesystem::filesystem_error& error) {
      std::cerr << "probsim " << subcommand->name << ": ";
      if (!error.path1().empty()) std::cerr << error.path1().string() << ": ";
      std::cerr << error.code().message() << "\n";
      return 1;
    } catch (const std::bad_alloc& error) {
      // Caught here, so that the destructors on the way out remove what was half-written (a run's
      // staging directory, a temporary file) rather than "terminate called" leaving it. A replication's
      // child process that ran out of memory is thrown here too, by its parent (runner/out_of_memory.hpp).
      const bool in_a_replication = dynamic_cast<const ReplicationOutOfMemory*>(&error) != nullptr;
      std::cerr << "probsim " << subcommand->name << ": "
                << describe_out_of_memory(error, process_memory_limits()) << "; "
                << (in_a_replication && subcommand->replication_out_of_memory_advice != nullptr
                        ? subcommand->replication_out_of_memory_advice
                        : subcommand->out_of_memory_advice)
                << ". Nothing half-written was kept.\n";
      return 1;
    } catch (const ThreadStartFailure& error) {
      // In the command's own process only snapshot's replay runs the engine, on one thread: an actor's
      // stack the system would not give (runner/thread_start.hpp). It has written nothing yet.
      std::cerr << "probsim " << subcommand->name << ": "
                << describe_thread_start_failure(error, process_thread_limits(), kAdviceOfReplay) << "\n";
      return 1;
    } catch (const std::exception& error) {
      std::cerr << "probsim " << subcommand->name << ": internal error: " << error.what() << "\n";
      return 1;
    }
  }
  std::cerr << "probsim: unknown command '" << argv[1] << "'\n\n" << kOverview;
  return 2;
}
