// `referrals`: the trend and seasonality every PDU's referral rate shares.

#include <algorithm>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

ReferralRate read_referral_pattern(FieldReader& root) {
  ReferralRate pattern;
  const ConfigNode* node = root.node("referrals", false);
  if (node == nullptr) return pattern;
  FieldReader referrals(node, "referrals", root.diagnostics());
  if (auto trend = referrals.number("trend_pct_per_year", false, -99.0, 1000.0))
    pattern.trend_fraction_per_year = *trend / 100.0;
  if (const ConfigNode* seasonality = referrals.node("seasonality_multipliers", false)) {
    const std::string path = "referrals.seasonality_multipliers";
    if (auto values = read_number_list(*seasonality, path, 0.0, 100.0, root.diagnostics())) {
      if (values->size() != 12)
        root.diagnostics().error(
            seasonality->anchor(), path,
            "expected 12 multipliers (January to December), found " + std::to_string(values->size()));
      else
        std::copy(values->begin(), values->end(), pattern.seasonality_multiplier.begin());
    }
  }
  referrals.reject_unknown_keys();
  return pattern;
}

}  // namespace probsim::scenario_loading
