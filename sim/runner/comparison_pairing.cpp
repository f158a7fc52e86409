#include "runner/comparison_pairing.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "config/counted.hpp"
#include "runner/batch_files.hpp"

namespace fs = std::filesystem;

namespace probsim {

ComparisonPairing describe_pairing(const std::string& base_dir, const std::string& other_dir,
                                   const std::set<std::string>& base_pdus,
                                   const std::set<std::string>& other_pdus, std::size_t base_replications,
                                   std::size_t other_replications) {
  ComparisonPairing result;
  std::vector<std::string>& notes = result.notes;
  std::error_code same_error;
  if (fs::equivalent(base_dir, other_dir, same_error))
    notes.push_back("warning: " + base_dir + " and " + other_dir +
                    " are the same run, so every difference is 0 (was another run meant?)");
  const auto base_seed = recorded_base_seed(base_dir);
  const auto other_seed = recorded_base_seed(other_dir);
  std::string& pairing = result.description;
  if (base_seed && other_seed && *base_seed == *other_seed) {
    pairing = "same base seed " + *base_seed + ": common random numbers";
  } else if (base_seed && other_seed) {
    pairing = "different base seeds";
    notes.push_back(
        "warning: the runs used different base seeds (" + *base_seed + " and " + *other_seed +
        "), so replication r of one shares no random numbers with replication r of the other. The "
        "paired CI is still valid, but no tighter than comparing two independent samples; re-run "
        "with the same --seed for a paired comparison.");
  } else {
    pairing = "base seeds unknown";
    const std::string unread = base_seed ? other_dir : base_dir;
    notes.push_back("warning: cannot read the base seed of " + unread + " (" +
                    (fs::exists(fs::path(unread) / "scenario.resolved.yaml")
                         ? "its scenario.resolved.yaml has no '# base_seed:' line"
                         : "it has no scenario.resolved.yaml") +
                    "), so cannot tell whether the pairs share their random numbers.");
  }
  // Runs of unrelated scenarios: their replication r share a seed but no people, so nothing is paired.
  std::vector<std::string> shared_pdus;
  std::set_intersection(base_pdus.begin(), base_pdus.end(), other_pdus.begin(), other_pdus.end(),
                        std::back_inserter(shared_pdus));
  if (!base_pdus.empty() && !other_pdus.empty() && shared_pdus.empty()) {
    pairing += ", but no PDU in common";
    notes.push_back("warning: the runs share no PDU (" + *base_pdus.begin() + " ... in " + base_dir + ", " +
                    *other_pdus.begin() + " ... in " + other_dir +
                    "): they are of different places, so their differences are not a scenario's effect and "
                    "their replications share no people. Compare two runs of one scenario that differ in a "
                    "few keys.");
  }
  // Runs over different periods: a KPI over a window is then a different quantity in each.
  if (const std::string base_window = recorded_report_window(base_dir),
      other_window = recorded_report_window(other_dir);
      !base_window.empty() && !other_window.empty() && base_window != other_window)
    notes.push_back("warning: the runs report over different windows (" + base_window + " in " + base_dir +
                    ", " + other_window + " in " + other_dir +
                    "), so a difference mixes the scenario's effect with the period's. Compare runs with the "
                    "same simulation.report_start and report_end.");
  if (base_replications != other_replications)
    notes.push_back("note: " + base_dir + " has " + counted(base_replications, "replication") + " and " +
                    other_dir + " has " + counted(other_replications, "replication") +
                    "; only replications present in both are paired.");
  return result;
}

}  // namespace probsim
