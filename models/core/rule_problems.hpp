#pragma once
// What a rule struct's check() finds wrong: values each of which is allowed on its own but not with
// the others (a red threshold below the amber one, steps out of order), or out of the range the model
// works in. A check names the key as the scenario file spells it, relative to the struct's own block
// (`workload_pct_red_above`, `schedule_by_rosh.low[2].until_week`), so the loader can point at the
// file, line and key, and the model's builder (ProbationService) can refuse rules built in C++ with
// the same words.

#include <sstream>
#include <string>
#include <vector>

namespace probsim {

struct RuleProblem {
  std::string key;  // relative to the block the struct is read from
  std::string message;
};
using RuleProblems = std::vector<RuleProblem>;

// A number as a problem's message shows it (the shortest form, as `<<` writes it).
[[nodiscard]] inline std::string describe_number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

// Adds `inner` to `out` with `prefix` ("interventions.bbr") before each key.
inline void add_problems(RuleProblems& out, const std::string& prefix, const RuleProblems& inner) {
  for (const RuleProblem& p : inner)
    out.push_back(RuleProblem{prefix.empty()    ? p.key
                              : p.key.empty()   ? prefix
                              : p.key[0] == '[' ? prefix + p.key  // a list item: "a.b[0]"
                                                : prefix + "." + p.key,
                              p.message});
}

}  // namespace probsim
