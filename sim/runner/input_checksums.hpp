#pragma once
// The snapshot CSVs a scenario reads (warm_start: snapshot) are inputs outside the scenario's YAML, so a
// run records their checksums in its scenario.resolved.yaml's header. A replay (`probsim snapshot`) or
// a batch's later shard then refuses to go on if a CSV has changed since, rather than mixing two inputs
// under one run's name.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

// Header comment lines for `scenario`'s snapshot CSVs, one per file:
// "# input caseload_csv: /abs/path.csv fnv1a64 0123456789abcdef". Empty when it reads none. Taken when
// the scenario has just been loaded (the CSVs read), before anything runs, so that an edit during a long
// run is not recorded as what the run read.
[[nodiscard]] std::string input_checksum_lines(const Scenario& scenario);

// For each input a resolved scenario's header records whose file is now different or gone, a message
// naming the file and the run; empty when every recorded input is as it was (or none is recorded). A
// replay or re-run may go on with the file as it is now, by deleting the '# input' line, and the message
// says so unless `one_result_of_many`: a batch point's replications are one result, which that would make
// of two inputs.
[[nodiscard]] std::vector<std::string> changed_inputs(const std::filesystem::path& resolved_yaml,
                                                      bool one_result_of_many = false);

// The (key, path) of each input a resolved scenario's header records, e.g. ("caseload_csv", "/abs/a.csv").
[[nodiscard]] std::vector<std::pair<std::string, std::filesystem::path>> recorded_input_paths(
    const std::filesystem::path& resolved_yaml);

// The '# input' lines a resolved scenario's header records, as written: two shards of one point that
// record different lines read different files.
[[nodiscard]] std::vector<std::string> recorded_inputs(const std::filesystem::path& resolved_yaml);

}  // namespace probsim
