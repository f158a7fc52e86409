#pragma once
// How much inline data one chart of the report may carry. A page holds every chart's rows as JSON
// (about 100-150 bytes a row), so these bound its size: a sweep of many points and keys once made a
// 20 MB page for one chart. Over a limit, the chart keeps the most useful part (headline KPIs, regional
// and national series, every k-th month) and the report says what it left out, on the page and on
// stderr; the CSV files always hold everything.

#include <cstddef>

namespace probsim {

// The "any monthly metric" chart: metric × unit × month rows.
inline constexpr std::size_t kMaxExplorerRows = 30'000;
// The sweep chart: point × KPI rows, and the swept keys offered in its menu.
inline constexpr std::size_t kMaxSweepChartRows = 20'000;
inline constexpr std::size_t kMaxSweepChartKeys = 12;
// The comparison chart: unit × KPI rows.
inline constexpr std::size_t kMaxComparisonRows = 20'000;

}  // namespace probsim
