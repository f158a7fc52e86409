#pragma once
// The order a comparison is shown in: largest effect first, so that a reader sees what the plan changed
// before the KPIs it left alone. The effect is the paired mean difference relative to the base mean
// (what the chart's axis shows); KPIs whose base mean is 0 have none and come last, in file order.

#include <cstddef>
#include <vector>

#include "report/report_data.hpp"

namespace probsim {

// 100 × diff_mean / |base_mean|, or NaN when the base mean is 0 or not finite.
[[nodiscard]] double relative_effect_pct(const ComparisonRow& row);

// Indices into `rows`, by |relative effect| descending (ties by KPI name), then those without one.
[[nodiscard]] std::vector<std::size_t> order_by_effect(const std::vector<ComparisonRow>& rows);

}  // namespace probsim
