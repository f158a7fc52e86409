#pragma once
// Warnings about cases no one in a PDU may hold (part of scenario_warnings, runner/run_warnings.hpp): a
// RoSH level the PDU's case mix gives whose eligible grades (allocation.eligible_grades_by_rosh) have no
// one in post or recruited (a trainee counted as the PO they become, if they qualify before the run ends),
// with the fall-back to any grade off. Those cases wait unallocated; their tasks begin at allocation, so they
// are never due and drop out of every timeliness KPI, which then improves: a probe's PDU of PSOs alone showed
// assessments on time at 100% with 76 cases unheld.

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> allocation_warnings(const Scenario& s);

}  // namespace probsim
