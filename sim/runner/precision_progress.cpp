#include "runner/precision_progress.hpp"

#include <cmath>
#include <cstdio>

namespace probsim {

std::string precision_progress_detail(const PrecisionRule& rule, std::optional<std::uint64_t> decided_at,
                                      const std::optional<PrecisionCheck>& last_check,
                                      std::uint64_t evaluated) {
  const double target = rule.relative_half_width;
  char text[160];
  if (decided_at) {
    std::snprintf(text, sizeof text, "the precision rule stopped at %llu",
                  static_cast<unsigned long long>(*decided_at));
  } else if (!last_check) {
    std::snprintf(text, sizeof text, "precision checked from replication %llu on",
                  static_cast<unsigned long long>(rule.min_replications));
  } else {
    const KpiPrecision* worst = nullptr;
    for (const auto& k : last_check->kpis)
      if (worst == nullptr || k.relative_half_width > worst->relative_half_width) worst = &k;
    if (worst != nullptr && std::isfinite(worst->relative_half_width))
      std::snprintf(text, sizeof text, "widest CI after %llu: %s, %.2f%% of its mean (target %.2f%%)",
                    static_cast<unsigned long long>(evaluated), worst->kpi.c_str(),
                    100 * worst->relative_half_width, 100 * target);
    else
      std::snprintf(text, sizeof text, "widest CI after %llu: %s (mean 0)",
                    static_cast<unsigned long long>(evaluated), worst ? worst->kpi.c_str() : "?");
  }
  return text;
}

}  // namespace probsim
