#pragma once
// Warnings about calendar.bank_holidays (part of scenario_warnings, runner/run_warnings.hpp): a list that
// is valid but probably not what was meant. Like every warning, they never stop a run:
//   - the list is given but empty, so every bank holiday counts as a working day;
//   - years the simulation runs through have none listed, while other years have some;
//   - a date is listed more than once;
//   - a date falls on a Saturday or Sunday, which are not working days anyway (a substitute weekday
//     was probably meant).

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> bank_holiday_warnings(const Scenario& s);

}  // namespace probsim
