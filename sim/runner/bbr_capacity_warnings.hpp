#pragma once
// Warnings about a team that can never open a BBR group (part of scenario_warnings,
// runner/run_warnings.hpp): its facilitators' hours for sessions, with every facilitator it has or
// recruits in post and well, are below the hours one group reserves while it runs (the group sessions
// plus, for a full group, the individual sessions and expected catch-ups; models/interventions/
// facilitator_capacity.hpp). No group ever fits, so the team runs no BBR while its facilitators' hours go
// to the structured interventions: a probe's team of one facilitator at 0.8 FTE, or at an attendance
// probability of 0.3, ran none, with no word. (A team with no facilitator at all has its own warning.)

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> bbr_capacity_warnings(const Scenario& s);

}  // namespace probsim
