#pragma once
// The keys and the messages of a rule struct's check() (core/rule_problems.hpp) as lists, so a test of
// the checks compares them in one expectation, in the order found.

#include <string>
#include <vector>

#include "core/rule_problems.hpp"

namespace probsim::testing {

inline std::vector<std::string> keys_of(const RuleProblems& problems) {
  std::vector<std::string> keys;
  for (const RuleProblem& p : problems) keys.push_back(p.key);
  return keys;
}

inline std::vector<std::string> messages_of(const RuleProblems& problems) {
  std::vector<std::string> messages;
  for (const RuleProblem& p : problems) messages.push_back(p.message);
  return messages;
}

}  // namespace probsim::testing
