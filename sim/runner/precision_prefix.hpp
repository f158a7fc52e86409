#pragma once
// A precision rule (runner/precision_rule.hpp) followed through one replication set as its replications
// complete, in whatever order they finish: the KPI values of each complete replication, the complete
// prefix 1..n, and the rule checked on each prefix n = min, min + 1, … in turn. It stops at the first n
// that meets the rule, or at the maximum, so where it stops depends on the results alone, never on how
// many replications ran at once. The scheduler (runner/replication_scheduler.cpp) keeps one per set with
// a rule, and does the processes: starting, stopping and removing the replications beyond the stop.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runner/precision_rule.hpp"
#include "runner/replication_scheduler.hpp"

namespace probsim {

class PrecisionPrefix {
 public:
  explicit PrecisionPrefix(const PrecisionRule& rule) : rule_(&rule) {}

  // Whether the values of replication r are held.
  [[nodiscard]] bool has(std::uint64_t r) const { return values_.count(r) > 0; }
  // Replication r is complete, with these (kpi, value) rows (read_replication_kpis).
  void add(std::uint64_t r, std::vector<std::pair<std::string, double>> rows) {
    values_[r] = std::move(rows);
  }
  // Forgets the replications above n: removed, since the rule stopped at n.
  void forget_beyond(std::uint64_t n) { values_.erase(values_.upper_bound(n), values_.end()); }

  // Checks the rule on each complete prefix not checked yet, in order: the decision at the first that
  // meets it or reaches the maximum, or nothing yet. Throws std::invalid_argument when it cannot be
  // checked (a chosen KPI that the replications do not write).
  [[nodiscard]] std::optional<PrecisionDecision> check_new_prefixes();

  [[nodiscard]] std::uint64_t prefix() const { return prefix_; }  // replications 1..prefix are complete
  // The rule was last checked on replications 1..evaluated(), with last_check() (none before the minimum).
  [[nodiscard]] std::uint64_t evaluated() const { return evaluated_; }
  [[nodiscard]] const std::optional<PrecisionCheck>& last_check() const { return last_check_; }

 private:
  const PrecisionRule* rule_;
  std::map<std::uint64_t, std::vector<std::pair<std::string, double>>> values_;  // by replication
  std::uint64_t prefix_ = 0;
  std::uint64_t evaluated_ = 0;
  std::optional<PrecisionCheck> last_check_;
};

}  // namespace probsim
