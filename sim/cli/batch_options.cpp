// probsim batch SWEEP: a sweep, or one shard of it, run into a batch directory.

#include <algorithm>
#include <iostream>

#include "cli/command_options.hpp"
#include "cli/commands.hpp"
#include "cli/count_option.hpp"
#include "runner/batch_runner.hpp"
#include "runner/memory_sizes.hpp"
#include "runner/shard.hpp"
#include "runner/stop_signals.hpp"
#include "runner/usable_cores.hpp"

namespace po = boost::program_options;

namespace probsim {

namespace {

constexpr Command kBatch{
    "batch",
    "probsim batch SWEEP [--out DIR] [--jobs J] [--threads T] [--shard i/N|auto] [--dry-run] [--quiet]\n"
    "                     [--max-memory SIZE]",
    "Runs every point of a sweep file times its replications, or one shard of them, into a batch\n"
    "directory: points/<point>/ (one run directory per point), points.csv, sweep.resolved.yaml.\n"
    "Replications already complete are skipped, so the same command resumes a batch that was\n"
    "stopped. Shards write disjoint files and may share one directory. The process that finds the\n"
    "whole batch complete writes each point's summary and sweep_summary.csv (as `aggregate` does).\n"
    "docs/guides/ explains the sweep file and running on a cluster (Slurm, srun, mpirun)."};

int batch_main(int argc, char** argv) {
  BatchOptions batch;
  std::string shard = "1/1";
  const auto cores = usable_cores();
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>(&batch.out_dir),
      "batch directory (default: results/<sweep name>); shards of one batch may share it")(
      "jobs,j",
      po::value<Count>()->default_value(Count{cores}, std::to_string(cores))->notifier([&](Count c) {
        batch.jobs = c.value;
      }),
      "replications run at once by this process (default: the cores this process may use)")(
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
  if (auto stop = parse_command_options(kBatch, argc, argv, options, hidden, positional, vm)) return *stop;
  if (batch.sweep_path.empty()) return refuse_operands(kBatch, "a SWEEP file is required");
  if (batch.jobs < 1) {
    std::cerr << "probsim batch: --jobs must be at least 1\n";
    return 2;
  }
  if (vm.count("max-memory")) batch.max_memory = vm["max-memory"].as<std::string>();
  if (batch.max_memory)  // now: the sweep's points are built before its memory is checked against it
    if (const std::string problem = max_memory_problem(*batch.max_memory); !problem.empty()) {
      std::cerr << "probsim batch: " << problem << "\n";
      return 2;
    }
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

}  // namespace

// The batch's own process holds every point of the sweep; a replication's child process holds one point's
// model, beside the --jobs - 1 others running at once.
const Subcommand kBatchSubcommand{
    kBatch.name, batch_main,
    "it holds every point of the sweep from the start; give the sweep fewer points (fewer values in "
    "`parameters` or `points`, or split it into sweeps run into separate --out directories), or run fewer "
    "--jobs at once",
    "it runs --jobs replications at once; run fewer (--jobs 1), or make the point smaller (fewer PDUs, a "
    "shorter report window). The replications already complete are kept: run the same command again to "
    "resume"};

}  // namespace probsim
