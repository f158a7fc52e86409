#pragma once
// Who arrives: the distributions a referral's attributes are drawn from, and the hazards that end a
// case before its sentence does. Filled from the scenario's `case_mix` and `early_termination` blocks.

#include <array>

#include "caseload/case.hpp"
#include "core/bounded_distribution.hpp"
#include "core/rule_problems.hpp"
#include "core/weighted_choice.hpp"

namespace probsim {

[[nodiscard]] inline Day months_to_days(double months) {
  return static_cast<Day>(months * kDaysPerMonth + 0.5);
}

struct CaseMix {
  WeightedChoice sentence_type;                               // over SentenceType
  std::array<BoundedDistribution, 3> sentence_length_months;  // by SentenceType
  WeightedChoice rosh;                                        // over RoshLevel
  std::array<WeightedChoice, 4> tier_protect_level_by_rosh;   // by RoshLevel, over A..D
  WeightedChoice tier_change_level;                           // over 3, 2, 1, 0
  double domestic_abuse_share = 0.0;
  double male_share = 1.0;
  // Probability that a case has each drawn RAG exemption (RAG-7), in the order of kDrawnRagExemptions.
  std::array<double, kDrawnRagExemptions.size()> rag_exemption_shares{};

  // Each share map sums to 1, and a sentence type with a share has a length to draw (keys of
  // `case_mix`, the national block's or a region's or PDU's override, in the file's order).
  [[nodiscard]] RuleProblems check() const;
};

// Competing early-termination hazards, per year, by sentence type and reason (revocation, breach,
// recall, activation; sentence_end has no hazard). A zero hazard means the reason never applies.
struct EarlyTerminationHazards {
  std::array<std::array<double, kEarlyTerminationReasonCount>, 3> per_year{};

  [[nodiscard]] double hazard_per_year(SentenceType type, TerminationReason reason) const {
    return per_year[static_cast<std::size_t>(type)][static_cast<std::size_t>(reason) - 1];
  }
};

}  // namespace probsim
