#pragma once
// probsim snapshot RUN_DIR --date D [--replication R] [--out DIR]: replays replication R of a finished
// run (its scenario.resolved.yaml and base seed give the same simulation, day for day) up to the end of
// day D, and writes that state as the two snapshot CSVs (caseload.csv, staff.csv) into DIR, as of
// D + 1: a new scenario with report_start D + 1 and warm_start: snapshot continues from there.
// The command line is read in cli/snapshot_options.cpp.

#include <cstdint>
#include <string>

namespace probsim {

struct SnapshotOptions {
  std::string run_dir;
  std::string date_text;  // as given to --date, checked against the run's window here
  std::uint64_t replication = 1;
  std::string out_dir;  // empty: RUN_DIR/snapshot-DATE (-rR for a replication R other than 1)
};

// Checks the run, the date and the replication, replays and writes. Returns the exit status.
int run_snapshot(SnapshotOptions options);

}  // namespace probsim
