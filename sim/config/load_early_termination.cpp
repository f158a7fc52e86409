// `early_termination_per_year`: the hazards that end a sentence early, by type and reason.

#include "config/loader_blocks.hpp"

namespace probsim::scenario_loading {

void read_early_termination(FieldReader& root, EarlyTerminationHazards& hazards) {
  FieldReader et(root.node("early_termination_per_year", true), "early_termination_per_year",
                 root.diagnostics());
  if (!et.ok()) return;
  static constexpr std::array<std::string_view, kEarlyTerminationReasonCount> kReasons = {
      "revocation", "breach", "recall", "activation"};
  for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t) {
    const ConfigNode* node = et.node(kSentenceTypeNames[t], false);
    if (node == nullptr) continue;
    FieldReader reasons(node, et.child_path(kSentenceTypeNames[t]), root.diagnostics());
    for (std::size_t r = 0; r < kReasons.size(); ++r)
      // A hazard per year can exceed 1 (several events a year on average), but not a daily certainty.
      if (auto h = reasons.number(kReasons[r], false, 0.0, 365.0)) hazards.per_year[t][r] = *h;
    reasons.reject_unknown_keys();
  }
  et.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
