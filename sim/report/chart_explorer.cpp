#include <set>
#include <string>

#include "report/chart_limits.hpp"
#include "report/chart_parts.hpp"

// The "any monthly metric" chart: every metric of timeseries.csv for every unit, chosen on the page.
// Its rows grow as metrics × units × months, so it is the chart a big run's page is capped in.

namespace probsim::chart {

namespace {

struct ExplorerPlan {
  bool pdus = true;              // false: PDU rows left out
  std::size_t month_stride = 1;  // k: every k-th month kept
  std::string pdu_note, month_note;
};

ExplorerPlan plan_explorer(const ReportData& data) {
  std::size_t all = 0, without_pdus = 0;
  for (const auto& [key, values] : data.series) {
    all += values.size();
    if (key.level != "pdu") without_pdus += values.size();
  }
  ExplorerPlan plan;
  std::size_t rows = all;
  if (all > kMaxExplorerRows) {
    plan.pdus = false;
    rows = without_pdus;
    plan.pdu_note = "\"Any monthly metric\" shows the national and regional series only (" +
                    std::to_string(without_pdus) + " of " + std::to_string(all) +
                    " monthly values; the limit is " + std::to_string(kMaxExplorerRows) +
                    "): each PDU's series are in timeseries_summary.csv";
  }
  if (rows > kMaxExplorerRows) {
    plan.month_stride = (rows + kMaxExplorerRows - 1) / kMaxExplorerRows;
    plan.month_note = "\"Any monthly metric\" shows one month end in every " +
                      std::to_string(plan.month_stride) + " (counting back from the last) of " +
                      std::to_string(rows) + " monthly values, over the limit of " +
                      std::to_string(kMaxExplorerRows);
  }
  return plan;
}

}  // namespace

void add_explorer_chart(const ReportData& data, std::vector<Chart>& charts,
                        std::vector<std::string>& reductions) {
  if (data.metrics.empty()) return;
  const ExplorerPlan plan = plan_explorer(data);
  if (!plan.pdus) reductions.push_back(plan.pdu_note);
  if (plan.month_stride > 1) reductions.push_back(plan.month_note);
  Json values = Json::array();
  std::vector<std::string> units;
  std::set<std::string> seen;
  for (const auto& metric : data.metrics)
    for (const auto* entry : series_of(data, metric)) {
      if (!plan.pdus && entry->first.level == "pdu") continue;
      const std::string unit = unit_label(entry->first);
      if (seen.insert(unit).second) units.push_back(unit);
      const std::size_t months = entry->second.size();
      for (std::size_t m = 0; m < months; ++m) {
        // Every k-th month from the last one backwards, so the window's end is always shown.
        if ((months - 1 - m) % plan.month_stride != 0) continue;
        const SeriesValue& v = entry->second[m];
        values.push(Json::object({{"metric", metric},
                                  {"unit", unit},
                                  {"date", v.date},
                                  {"mean", v.stats.mean},
                                  {"lo", v.stats.ci95_low},
                                  {"hi", v.stats.ci95_high}}));
      }
    }
  sort_unit_labels(units);
  const std::string y_title = "value of the chosen metric (unit: see the caption)";
  Json spec = Json::object(
      {{"width", "container"},
       {"height", 240},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params",
        Json::array({select_param("metric", "Metric ", data.metrics), select_param("unit", "Unit ", units)})},
       {"transform",
        Json::array({Json::object({{"filter", "datum.metric === metric && datum.unit === unit"}})})},
       {"encoding", Json::object({{"x", Json::object({{"field", "date"},
                                                      {"type", "temporal"},
                                                      {"title", "month end"},
                                                      {"axis", time_axis()}})}})},
       {"layer",
        Json::array(
            {Json::object({{"mark", Json::object({{"type", "area"}, {"opacity", 0.2}, {"color", "#4c78a8"}})},
                           {"encoding",
                            Json::object({{"y", Json::object({{"field", "lo"},
                                                              {"type", "quantitative"},
                                                              {"title", y_title},
                                                              {"scale", Json::object({{"zero", false}})}})},
                                          {"y2", Json::object({{"field", "hi"}})}})}}),
             Json::object({{"mark", Json::object({{"type", "line"}, {"color", "#4c78a8"}, {"point", true}})},
                           {"encoding",
                            Json::object({{"y", Json::object({{"field", "mean"},
                                                              {"type", "quantitative"},
                                                              {"title", y_title},
                                                              {"scale", Json::object({{"zero", false}})}})},
                                          {"tooltip", tooltip({{"metric", "metric"},
                                                               {"unit", "unit"},
                                                               {"date", "month end"},
                                                               {"mean", "mean"},
                                                               {"lo", "95% CI low"},
                                                               {"hi", "95% CI high"}})}})}})})}});
  charts.push_back({"chart-explorer", "explorer", "Any monthly metric",
                    "Choose any metric of timeseries.csv and a unit (mean over replications, 95% CI band). "
                    "docs/reference/outputs.md gives each time-series metric's unit.",
                    std::move(spec)});
}

}  // namespace probsim::chart
