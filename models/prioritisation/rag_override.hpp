#pragma once
// A PDU held at a RAG status for a stretch of days by a management decision (`prioritisation.overrides`),
// and the rules a list of them keeps: each ends on or after its start, and a PDU is held at one status
// at a time, so two overrides of one PDU never share a day.

#include <cstddef>
#include <string>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "prioritisation/rag_status.hpp"

namespace probsim {

// A PDU held at a status on the days [from, to], whatever the rule says. The rule keeps reviewing
// underneath; the day after `to` the PDU takes the rule's status again.
struct RagOverride {
  std::size_t pdu = 0;  // index in scenario order
  RagStatus status = RagStatus::green;
  CalendarDate from;
  CalendarDate to;  // inclusive

  // This override against the ones before it that stand (`standing`, each without problems of its
  // own). Keys relative to the override's own map: `to`, `pdu`, or "" for the override as a whole.
  // `pdu_names` are the scenario's PDUs in scenario order, which a message names.
  [[nodiscard]] RuleProblems check(const std::vector<RagOverride>& standing,
                                   const std::vector<std::string>& pdu_names) const;
};

// Every override of `overrides` in order, each against the earlier ones that stand (an override with a
// problem is left out of the later ones' comparisons, as the loader leaves it out of the scenario).
// Keys relative to `prioritisation`: `overrides[2].to`, `overrides[3]`.
[[nodiscard]] RuleProblems check_rag_overrides(const std::vector<RagOverride>& overrides,
                                               const std::vector<std::string>& pdu_names);

}  // namespace probsim
