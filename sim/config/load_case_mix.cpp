// `case_mix`: the shares and distributions each new case is drawn from.

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

void read_case_mix(FieldReader& root, CaseMix& mix) {
  FieldReader cm(root.node("case_mix", true), "case_mix", root.diagnostics());
  if (!cm.ok()) return;
  read_case_mix_map(cm, mix);
}

void read_case_mix_map(FieldReader& cm, CaseMix& mix) {
  auto types = read_shares(cm, "sentence_type_shares", kSentenceTypeNames);
  if (types) mix.sentence_type = WeightedChoice(*types);

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

  if (auto rosh = read_shares(cm, "rosh_shares", kRoshLevelNames)) mix.rosh = WeightedChoice(*rosh);

  FieldReader protect(cm.node("tier_protect_level_shares_by_rosh", true),
                      cm.child_path("tier_protect_level_shares_by_rosh"), cm.diagnostics());
  if (protect.ok())
    for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r)
      if (auto letters = read_shares(protect, kRoshLevelNames[r], kTierProtectLetters))
        mix.tier_protect_level_by_rosh[r] = WeightedChoice(*letters);
  protect.reject_unknown_keys();

  if (auto change = read_shares(cm, "tier_change_level_shares", kTierChangeDigits))
    mix.tier_change_level = WeightedChoice(*change);
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
