#pragma once
// What pairs two runs' replications in `probsim compare`, and the warnings that say when the pairing is
// weaker than it looks: the same run twice, different or unknown base seeds (no common random numbers),
// no PDU in common (different places), different report windows, unequal replication counts.

#include <set>
#include <string>
#include <vector>

namespace probsim {

struct ComparisonPairing {
  std::string description;         // for the table's heading, e.g. "same base seed 1: common random numbers"
  std::vector<std::string> notes;  // "warning: ..." and "note: ..." lines, in the order to print them
};

[[nodiscard]] ComparisonPairing describe_pairing(const std::string& base_dir, const std::string& other_dir,
                                                 const std::set<std::string>& base_pdus,
                                                 const std::set<std::string>& other_pdus,
                                                 std::size_t base_replications,
                                                 std::size_t other_replications);

}  // namespace probsim
