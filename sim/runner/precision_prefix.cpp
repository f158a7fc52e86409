#include "runner/precision_prefix.hpp"

#include <algorithm>

namespace probsim {

std::optional<PrecisionDecision> PrecisionPrefix::check_new_prefixes() {
  while (values_.count(prefix_ + 1)) ++prefix_;
  for (std::uint64_t n = std::max(evaluated_ + 1, rule_->min_replications);
       n <= std::min(prefix_, rule_->max_replications); ++n) {
    evaluated_ = n;
    std::vector<std::pair<std::string, std::vector<double>>> by_kpi;
    for (std::uint64_t r = 1; r <= n; ++r) {
      for (const auto& [kpi, value] : values_.at(r)) {
        auto it = std::find_if(by_kpi.begin(), by_kpi.end(), [&](const auto& kv) { return kv.first == kpi; });
        if (it == by_kpi.end()) it = by_kpi.insert(by_kpi.end(), {kpi, {}});
        it->second.push_back(value);
      }
    }
    last_check_ = check_precision(by_kpi, *rule_);
    if (last_check_->met || n == rule_->max_replications) return PrecisionDecision{n, *last_check_};
  }
  return std::nullopt;
}

}  // namespace probsim
