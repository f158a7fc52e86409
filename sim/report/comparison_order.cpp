#include "report/comparison_order.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace probsim {

double relative_effect_pct(const ComparisonRow& row) {
  if (row.base_mean == 0.0 || !std::isfinite(row.base_mean) || !std::isfinite(row.diff_mean))
    return std::numeric_limits<double>::quiet_NaN();
  return 100.0 * row.diff_mean / std::abs(row.base_mean);
}

std::vector<std::size_t> order_by_effect(const std::vector<ComparisonRow>& rows) {
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double ea = std::abs(relative_effect_pct(rows[a]));
    const double eb = std::abs(relative_effect_pct(rows[b]));
    const bool has_a = !std::isnan(ea), has_b = !std::isnan(eb);
    if (has_a != has_b) return has_a;
    if (!has_a) return false;  // both without an effect: file order
    if (ea != eb) return ea > eb;
    return rows[a].kpi < rows[b].kpi;
  });
  return order;
}

}  // namespace probsim
