#include "prioritisation/rag_override.hpp"

namespace probsim {

RuleProblems RagOverride::check(const std::vector<RagOverride>& standing,
                                const std::vector<std::string>& pdu_names) const {
  if (pdu >= pdu_names.size())
    return {{"pdu", "is PDU " + std::to_string(pdu) + " in scenario order, but the scenario has " +
                        std::to_string(pdu_names.size()) + " PDUs"}};
  if (to < from) return {{"to", "must be on or after 'from' (" + from.iso() + ")"}};
  for (const RagOverride& other : standing)
    if (other.pdu == pdu && !(to < other.from) && !(other.to < from))
      return {{"", "overlaps an earlier override of '" + pdu_names[pdu] +
                       "': a PDU is held at one status at a time"}};
  return {};
}

RuleProblems check_rag_overrides(const std::vector<RagOverride>& overrides,
                                 const std::vector<std::string>& pdu_names) {
  RuleProblems problems;
  std::vector<RagOverride> standing;
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const RuleProblems own = overrides[i].check(standing, pdu_names);
    if (own.empty())
      standing.push_back(overrides[i]);
    else
      add_problems(problems, "overrides[" + std::to_string(i) + "]", own);
  }
  return problems;
}

}  // namespace probsim
