#pragma once
// Warnings for a scenario that is valid but probably not what was meant (docs/outputs-by-unit.md):
// printed to stderr and written to warnings.txt in the run directory. They never stop a run.
//
// Before the run, from the scenario alone:
//   - BBR requirements are made where no facilitator serves (a team whose PDUs have none in post and
//     none recruited), so those requirements can only wait;
//   - calendar.bank_holidays is odd (runner/bank_holiday_warnings.hpp): empty, missing years the
//     simulation runs through, a date listed twice, a date on a weekend.
// After the run, from timeseries.csv:
//   - every PDU is in one RAG status at most month ends, so the thresholds do not tell PDUs apart.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> scenario_warnings(const Scenario& scenario);

// The share of month ends (over replications) at which every PDU had the same RAG status above which
// the RAG warning is given: "most of the window".
inline constexpr double kOneRagStatusWarningShare = 0.8;
[[nodiscard]] std::vector<std::string> result_warnings(const Scenario& scenario,
                                                       const std::filesystem::path& timeseries_csv);

// Prints each to `err` as "warning: ..."
void print_warnings(const std::vector<std::string>& warnings, std::ostream& err);
// Writes them to `dir`/warnings.txt (nothing when there are none).
void write_warnings(const std::vector<std::string>& warnings, const std::filesystem::path& dir);

}  // namespace probsim
