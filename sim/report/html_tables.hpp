#pragma once
// The report page's tables and headline cards (internal to sim/report): the numbers behind the charts,
// for a reader who wants them exactly, and for printing.

#include <string>
#include <string_view>
#include <vector>

#include "report/report_data.hpp"

namespace probsim::html {

[[nodiscard]] std::string escape_html(std::string_view text);
// 1 decimal from 100, 2 from 1, 3 below; "–" for a value that is not finite.
[[nodiscard]] std::string format_value(double value);
// Cards for the national headline KPIs the run has, with their 95% CIs.
[[nodiscard]] std::string headline_cards(const ReportData& data);
// Every national KPI of summary.csv, with its unit from the metric catalogue.
[[nodiscard]] std::string kpi_table(const std::vector<KpiRow>& kpis);
// The nation's paired differences, largest relative effect first (comparison_order.hpp).
[[nodiscard]] std::string comparison_table(const std::vector<ComparisonRow>& rows);
// When each PDU leaves red (leave_red.csv): replications never red, left red, still red at the end,
// and the median month it left.
[[nodiscard]] std::string leave_red_table(const ReportData& data);
// A sweep's headline KPIs (and what chose them), and its points with labels and values.
[[nodiscard]] std::string points_table(const SweepData& sweep);

}  // namespace probsim::html
