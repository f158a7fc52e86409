#include "caseload/case_mix.hpp"

#include <string>

#include "core/share_sum.hpp"

namespace probsim {

RuleProblems CaseMix::check() const {
  RuleProblems problems;
  add_problems(problems, "sentence_type_shares", check_shares_sum_to_one(sentence_type.weights()));
  // The loader reads a length for every type with a share (and none is "missing" there); a mix built
  // in C++ may leave one out, and a case of that type would have no length to draw.
  const std::vector<double>& type_shares = sentence_type.weights();
  for (std::size_t t = 0; t < type_shares.size() && t < sentence_length_months.size(); ++t)
    if (type_shares[t] > 0.0 && sentence_length_months[t].values.empty())
      problems.push_back({"sentence_length_months." + std::string(kSentenceTypeNames[t]),
                          "is required: sentence_type_shares gives " + std::string(kSentenceTypeNames[t]) +
                              " a share above 0"});
  add_problems(problems, "rosh_shares", check_shares_sum_to_one(rosh.weights()));
  for (std::size_t r = 0; r < tier_protect_level_by_rosh.size(); ++r)
    add_problems(problems, "tier_protect_level_shares_by_rosh." + std::string(kRoshLevelNames[r]),
                 check_shares_sum_to_one(tier_protect_level_by_rosh[r].weights()));
  add_problems(problems, "tier_change_level_shares", check_shares_sum_to_one(tier_change_level.weights()));
  return problems;
}

}  // namespace probsim
