#pragma once
// The rule of every share map in a scenario (a case mix's sentence types, a routing's SARA levels, the
// structured-intervention mix): the shares are of one whole, so they sum to 1. Each rule struct's
// check() applies it to its own maps, so a mix built in C++ meets the words the loader gives a file.

#include <cmath>

#include "core/rule_problems.hpp"

namespace probsim {

// How far from 1 a sum may be and still be 1 (a file writes shares to a few decimals).
inline constexpr double kShareSumTolerance = 1e-6;

// One problem (key "", the share map itself) when `shares` do not sum to 1.
template <typename Shares>
[[nodiscard]] RuleProblems check_shares_sum_to_one(const Shares& shares) {
  double sum = 0.0;
  for (double share : shares) sum += share;
  if (std::fabs(sum - 1.0) <= kShareSumTolerance) return {};
  return {{"", "shares must sum to 1, but they sum to " + describe_number(sum)}};
}

}  // namespace probsim
