#pragma once
// Warnings about a setting that another quietly defeats (part of scenario_warnings,
// runner/run_warnings.hpp). Each input is valid alone, and the run goes on, but a result the user
// expects from the setting cannot come:
// - a PDU `paired_with` another referred at another rate (or trend, or seasonality): the two are not
//   referred the same people, so the pair is not the like-for-like comparison pairing promises (their
//   staff may differ: that is what a plan against its baseline varies);
// - a sentence type whose appointments are all missed (`missed_acceptable_share` plus
//   `missed_unacceptable_share`, with the multipliers of every RoSH level drawn and stage, at 1): nobody
//   of that type attends, and at 1 acceptable nobody breaches;
// - a `bbr_minimum_order_months` or `min_order_weeks_left_to_start` no order the case mix draws can meet:
//   no BBR requirement is made, or none can start;
// - a warm-up over twice the longest order: its early weeks shape nothing.

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> defeated_setting_warnings(const Scenario& s);

}  // namespace probsim
