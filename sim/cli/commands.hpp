#pragma once
// probsim's subcommands, each with its options where its file is: scenario_commands.cpp (run,
// validate, bench: one option set), batch_options.cpp, aggregate_options.cpp, compare_options.cpp,
// report_options.cpp and snapshot_options.cpp. main.cpp only dispatches by name.

namespace probsim {

struct Subcommand {
  const char* name;
  // `argv[0]` is the subcommand's name. Returns the exit status.
  int (*main)(int argc, char** argv);
  // Said when the command runs out of memory (main.cpp): what it holds, and how to ask for less.
  const char* out_of_memory_advice;
  // Said instead when one of its replications' child processes ran out (ReplicationOutOfMemory), if
  // the command's own advice does not fit a child: a batch's process holds every point, a child one.
  const char* replication_out_of_memory_advice = nullptr;
};

extern const Subcommand kRunSubcommand;
extern const Subcommand kValidateSubcommand;
extern const Subcommand kBenchSubcommand;
extern const Subcommand kBatchSubcommand;
extern const Subcommand kAggregateSubcommand;
extern const Subcommand kCompareSubcommand;
extern const Subcommand kReportSubcommand;
extern const Subcommand kSnapshotSubcommand;

}  // namespace probsim
