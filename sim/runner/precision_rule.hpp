#pragma once
// The sequential precision rule (docs/guides/sweeps-and-batches.md): add replications until every chosen
// KPI's 95% confidence-interval half-width is within a fraction p of the magnitude of its mean, or a
// maximum number of replications is reached.
//
// The rule is checked after each replication n = min, min + 1, … on replications 1..n only, so where
// it stops depends on the results alone (which depend only on the seeds), never on how many
// replications ran at once or in which order they finished.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "output/summary_statistics.hpp"

namespace probsim {

struct PrecisionRule {
  double relative_half_width = 0.05;
  std::vector<std::string> kpis;  // the KPIs that must meet it; empty: every KPI
  std::uint64_t min_replications = 5;
  std::uint64_t max_replications = 100;
};

struct KpiPrecision {
  std::string kpi;
  SummaryStatistics statistics;
  // half-width ÷ |mean|. A half-width of 0 counts as 0 whatever the mean (a KPI that is the same in
  // every replication, such as a count that is always 0, is known exactly); a non-zero half-width
  // around a mean of 0 is infinitely wide relative to it and never meets the rule.
  double relative_half_width = 0.0;
  bool met = false;
};

struct PrecisionCheck {
  std::vector<KpiPrecision> kpis;  // the chosen KPIs, in the order given (or of the results)
  bool met = false;                // every chosen KPI met the target
};

// `values`: each KPI's values over replications 1..n, in replication order. Throws
// std::invalid_argument naming any chosen KPI that is not among them.
[[nodiscard]] PrecisionCheck check_precision(
    const std::vector<std::pair<std::string, std::vector<double>>>& values, const PrecisionRule& rule);

// The CSV written beside a run's results once the rule has decided (precision.csv).
inline constexpr const char* kPrecisionHeader =
    "kpi,n,mean,ci95_half_width,relative_half_width,target_relative_half_width,met\n";
[[nodiscard]] std::string precision_csv(const PrecisionCheck& check, const PrecisionRule& rule);

// One line for people: "every chosen KPI's 95% CI half-width is within 5% of its mean after 12
// replications" or "the maximum of 100 replications was reached before …; not met: …".
[[nodiscard]] std::string describe_precision(const PrecisionCheck& check, const PrecisionRule& rule,
                                             std::uint64_t replications);

}  // namespace probsim
