#include <algorithm>
#include <cmath>

#include "report/chart_limits.hpp"
#include "report/chart_parts.hpp"
#include "report/comparison_order.hpp"
#include "report/headline_kpis.hpp"

// A comparison's paired differences, per unit, sorted by effect (issue 20: "86 KPIs unsorted on one
// axis"), headline KPIs by default.

namespace probsim::chart {

void add_comparison_chart(const ReportData& data, std::vector<Chart>& charts,
                          std::vector<std::string>& reductions) {
  // Units in file order (the nation first); PDUs and teams left out when the rows would pass the cap.
  std::vector<std::pair<std::string, std::string>> units;  // level, unit
  std::size_t rows_without_small_units = 0;
  for (const auto& row : data.comparison) {
    if (std::find(units.begin(), units.end(), std::pair{row.level, row.unit}) == units.end())
      units.emplace_back(row.level, row.unit);
    if (row.level == "national" || row.level == "region") ++rows_without_small_units;
  }
  const bool small_units = data.comparison.size() <= kMaxComparisonRows;
  if (!small_units)
    reductions.push_back("the comparison chart shows the nation and regions only (" +
                         std::to_string(rows_without_small_units) + " of " +
                         std::to_string(data.comparison.size()) + " rows; the limit is " +
                         std::to_string(kMaxComparisonRows) + "): comparison.csv has every unit");
  Json values = Json::array();
  std::vector<std::string> unit_menu;
  bool any_headline = false;
  for (const auto& [level, unit] : units) {
    if (!small_units && level != "national" && level != "region") continue;
    std::vector<ComparisonRow> rows;
    for (const auto& row : data.comparison)
      if (row.level == level && row.unit == unit) rows.push_back(row);
    const std::string label = unit_label(SeriesKey{"", level, unit});
    std::size_t rank = 0;
    for (const std::size_t i : order_by_effect(rows)) {
      const ComparisonRow& row = rows[i];
      const double effect = relative_effect_pct(row);
      if (std::isnan(effect)) continue;  // no relative difference: the table only
      const double base = std::abs(row.base_mean);
      const bool headline = is_headline_kpi(row.kpi);
      any_headline = any_headline || headline;
      values.push(
          Json::object({{"unit", label},
                        {"rank", static_cast<double>(rank++)},
                        {"headline", headline},
                        {"kpi", row.kpi},
                        {"diff_pct", effect},
                        {"lo_pct", 100.0 * row.ci95_low / base},
                        {"hi_pct", 100.0 * row.ci95_high / base},
                        {"mean", row.diff_mean},
                        {"lo", row.ci95_low},
                        {"hi", row.ci95_high},
                        {"base_mean", row.base_mean},
                        {"other_mean", row.other_mean},
                        {"significance", row.excludes_zero ? "95% CI excludes 0" : "95% CI includes 0"}}));
    }
    if (rank > 0) unit_menu.push_back(label);
  }
  const auto* rows = values.as_array();
  if (!rows || rows->empty()) return;
  // Headline KPIs by default, every KPI one click away; every KPI when none is a headline one.
  const Json show_options = any_headline ? Json::array({"headline KPIs", "every KPI"})
                                         : Json::array({"every KPI", "headline KPIs"});
  const Json show = Json::object(
      {{"name", "show"},
       {"value", any_headline ? "headline KPIs" : "every KPI"},
       {"bind", Json::object({{"input", "radio"}, {"options", show_options}, {"name", "KPIs "}})}});
  // Largest effect at the top, within the unit chosen.
  const Json y =
      Json::object({{"field", "kpi"},
                    {"type", "nominal"},
                    {"title", nullptr},
                    {"sort", Json::object({{"field", "rank"}, {"op", "min"}, {"order", "ascending"}})}});
  const std::string x_title = "difference, this run − base (% of the base mean)";
  Json spec = Json::object(
      {{"width", 760},  // fixed: a "container" width cannot be fitted beside a discrete (step) height
       {"height", Json::object({{"step", 16}})},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params", Json::array({select_param("unit", "Unit ", unit_menu), show})},
       {"transform", Json::array({Json::object(
                         {{"filter", "datum.unit === unit && (show === 'every KPI' || datum.headline)"}})})},
       {"layer",
        Json::array(
            {Json::object(
                 {{"mark",
                   Json::object({{"type", "rule"}, {"color", "#888"}, {"strokeDash", Json::array({4, 3})}})},
                  {"encoding",
                   Json::object({{"x", Json::object({{"datum", 0}, {"type", "quantitative"}})}})}}),
             Json::object({{"mark", Json::object({{"type", "rule"}, {"strokeWidth", 2}})},
                           {"encoding", Json::object({{"y", y},
                                                      {"x", Json::object({{"field", "lo_pct"},
                                                                          {"type", "quantitative"},
                                                                          {"title", x_title}})},
                                                      {"x2", Json::object({{"field", "hi_pct"}})},
                                                      {"color", Json::object({{"field", "significance"},
                                                                              {"type", "nominal"},
                                                                              {"title", nullptr}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "point"}, {"size", 60}, {"filled", true}})},
                  {"encoding",
                   Json::object(
                       {{"y", y},
                        {"x",
                         Json::object({{"field", "diff_pct"}, {"type", "quantitative"}, {"title", x_title}})},
                        {"color",
                         Json::object({{"field", "significance"}, {"type", "nominal"}, {"title", nullptr}})},
                        {"shape",
                         Json::object(
                             {{"field", "significance"},
                              {"type", "nominal"},
                              {"title", nullptr},
                              {"scale", Json::object({{"domain", Json::array({"95% CI excludes 0",
                                                                              "95% CI includes 0"})},
                                                      {"range", Json::array({"diamond", "circle"})}})}})},
                        {"tooltip", tooltip({{"kpi", "KPI"},
                                             {"base_mean", "base mean"},
                                             {"other_mean", "this run's mean"},
                                             {"mean", "difference"},
                                             {"lo", "95% CI low"},
                                             {"hi", "95% CI high"}})}})}})})}});
  charts.push_back({"chart-comparison", "comparison", "Paired differences per KPI",
                    "Each KPI's mean difference between paired replications (this run minus the base), "
                    "as a percentage of the base mean, with its 95% CI, largest effect first, for the unit "
                    "chosen. Diamonds: the CI excludes 0. The headline KPIs show first; \"every KPI\" "
                    "shows the rest. KPIs whose base mean is 0 are in the table only.",
                    std::move(spec)});
}

}  // namespace probsim::chart
