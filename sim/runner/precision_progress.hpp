#pragma once
// What the progress line says of one replication set's precision rule while it runs (runner/progress.hpp):
// where the rule stopped, or the widest confidence interval so far against the target.

#include <cstdint>
#include <optional>
#include <string>

#include "runner/precision_rule.hpp"

namespace probsim {

// `decided_at`: the n the rule stopped at, if it has; `last_check`: the rule on replications
// 1..`evaluated`, if it has been checked yet.
[[nodiscard]] std::string precision_progress_detail(const PrecisionRule& rule,
                                                    std::optional<std::uint64_t> decided_at,
                                                    const std::optional<PrecisionCheck>& last_check,
                                                    std::uint64_t evaluated);

}  // namespace probsim
