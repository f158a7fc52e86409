#pragma once
// Warnings about the casework's task lists (part of scenario_warnings, runner/run_warnings.hpp): settings
// that are valid but probably not what was meant. Like every warning, they never stop a run:
//   - a kind listed as mandated, deferrable (overload triage) or to be judged away (RAG-13) that the
//     scenario never creates, so the entry means nothing;
//   - RAG-13's judgement with a probability above 0 but no kinds listed, or with the prioritisation
//     framework off (every PDU green, so revised measures are never in force).

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> casework_task_warnings(const Scenario& s);

}  // namespace probsim
