#pragma once
// Warnings about a warm start's caseload CSV (part of scenario_warnings, runner/run_warnings.hpp): dates
// that are valid but far outside what the case mix makes, which one row can turn into a national figure.
// A probe's row from 1900-01-01 to 2200-12-31 with a review due 1900-01-02 (a spreadsheet's empty date)
// took the national review_days_late_mean from 16 to 1,969 days, without a word. Like every warning, they
// never stop a run:
//   - an order more than twice as long as the longest the case mix gives its sentence type;
//   - a next review due more than a year before the snapshot day (it is done that late, and counted so).

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> snapshot_date_warnings(const Scenario& s);

}  // namespace probsim
