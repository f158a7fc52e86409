#pragma once
// probsim snapshot RUN_DIR --date D [--replication R] [--out DIR]: replays replication R of a finished
// run (its scenario.resolved.yaml and base seed give the same simulation, day for day) up to the end of
// day D, and writes that state as the two snapshot CSVs (caseload.csv, staff.csv) into DIR, as of
// D + 1: a new scenario with report_start D + 1 and warm_start: snapshot continues from there.

namespace probsim {

// argv[0] is "snapshot". Returns the exit status.
int snapshot_main(int argc, char** argv);

}  // namespace probsim
