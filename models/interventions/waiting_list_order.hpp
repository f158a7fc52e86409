#pragma once
// The order a programme's waiting list offers places in. Two rules of the programme come first and are
// not configurable: men removed from a group and waiting to rejoin keep their place ahead of new
// starters (BBR-6), and men given their pre-group session take places in the order they had it. The
// rest follow the list's PriorityRule (caseload/priority_rule.hpp, the rule practitioners' tasks
// follow), then the earliest requirement, then the case id.

#include <cstdint>
#include <vector>

#include "caseload/priority_rule.hpp"
#include "interventions/participant.hpp"

namespace probsim {

// A waiting-list entry's facts for the ordering rule: its due day is the planned end of the order (the
// requirement must be done by then), and it has waited since the requirement.
[[nodiscard]] inline PriorityFacts priority_facts(const Participant& p) {
  return PriorityFacts{false, false, p.rosh, p.order_end_day, p.requirement_day};
}

// Sorts `indices` (into `participants`) into the order places are offered, and drops repeats of the
// same index (a man listed again while his first entry is still there is counted once).
void order_waiting_list(std::vector<std::uint32_t>& indices, const std::vector<Participant>& participants,
                        const PriorityRule& rule);

}  // namespace probsim
