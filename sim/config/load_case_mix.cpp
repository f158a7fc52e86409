// `case_mix`: the shares and distributions each new case is drawn from.

#include <string>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

// Reads share map `key` of `block` into `target`, a part of `mix`, and holds it to CaseMix::check's
// rule for it (`check_key`, relative to case_mix), reported at the map. On a problem `target` keeps
// its value and the result is nullopt, as when the map does not read.
template <std::size_t N>
std::optional<std::vector<double>> read_mix_shares(FieldReader& block, std::string_view key,
                                                   const std::array<std::string_view, N>& names, CaseMix& mix,
                                                   WeightedChoice& target, const std::string& check_key) {
  auto shares = read_shares(block, key, names);
  if (!shares) return std::nullopt;
  const WeightedChoice before = target;
  target = WeightedChoice(*shares);
  RuleProblems problems = only(mix.check(), check_key);
  if (problems.empty()) return shares;
  for (RuleProblem& problem : problems) problem.key.clear();  // the map itself
  report_problems(*block.node(key, false), block.child_path(key), problems, block.diagnostics(), true);
  target = before;
  return std::nullopt;
}

}  // namespace

void read_case_mix(FieldReader& root, CaseMix& mix) {
  FieldReader cm(root.node("case_mix", true), "case_mix", root.diagnostics());
  if (!cm.ok()) return;
  read_case_mix_map(cm, mix);
}

void read_case_mix_map(FieldReader& cm, CaseMix& mix) {
  auto types = read_mix_shares(cm, "sentence_type_shares", kSentenceTypeNames, mix, mix.sentence_type,
                               "sentence_type_shares");

  FieldReader lengths(cm.node("sentence_length_months", true), cm.child_path("sentence_length_months"),
                      cm.diagnostics());
  for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t) {
    const bool needed = !types || (*types)[t] > 0.0;
    constexpr double kMaxMonths = 12.0 * 100;
    if (auto length = read_distribution(lengths, kSentenceTypeNames[t], needed && lengths.ok(), "MONTHS",
                                        0.03, kMaxMonths))
      mix.sentence_length_months[t] = *length;
    else
      mix.sentence_length_months[t] = BoundedDistribution::fixed_at(1.0);
  }
  lengths.reject_unknown_keys();

  read_mix_shares(cm, "rosh_shares", kRoshLevelNames, mix, mix.rosh, "rosh_shares");

  FieldReader protect(cm.node("tier_protect_level_shares_by_rosh", true),
                      cm.child_path("tier_protect_level_shares_by_rosh"), cm.diagnostics());
  if (protect.ok())
    for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r)
      read_mix_shares(protect, kRoshLevelNames[r], kTierProtectLetters, mix,
                      mix.tier_protect_level_by_rosh[r],
                      "tier_protect_level_shares_by_rosh." + std::string(kRoshLevelNames[r]));
  protect.reject_unknown_keys();

  read_mix_shares(cm, "tier_change_level_shares", kTierChangeDigits, mix, mix.tier_change_level,
                  "tier_change_level_shares");
  if (auto da = cm.number("domestic_abuse_share", true, 0.0, 1.0)) mix.domestic_abuse_share = *da;
  if (auto male = cm.number("male_share", true, 0.0, 1.0)) mix.male_share = *male;
  // Optional: the RAG-7 exemptions drawn per case, each an independent share (they need not sum to 1).
  if (const ConfigNode* node = cm.node("rag_exemption_shares", false)) {
    FieldReader shares(node, cm.child_path("rag_exemption_shares"), cm.diagnostics());
    for (std::size_t e = 0; shares.ok() && e < kDrawnRagExemptions.size(); ++e)
      if (auto share = shares.number(to_string(kDrawnRagExemptions[e]), false, 0.0, 1.0))
        mix.rag_exemption_shares[e] = *share;
    shares.reject_unknown_keys();
  }
  cm.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
