#include <algorithm>
#include <limits>
#include <set>

#include "output/metric_names.hpp"
#include "report/chart_parts.hpp"

// The plan against its baseline (issue 20: "a director sees their PDU's workload, reviews on time and
// RAG under both"): for each headline monthly metric both runs have, one chart with both lines for the
// unit chosen on the page, each with its 95% CI band where the baseline's replications are known.

namespace probsim::chart {

namespace {

struct OverlayMetric {
  const char* metric;
  const char* id;
  const char* title;
  const char* y_title;
  double scale;
};

constexpr OverlayMetric kOverlayMetrics[] = {
    {metric_name::workload_pct_mean, "chart-overlay-workload", "Workload: plan and baseline",
     "workload (% of WMT capacity)", 1.0},
    {metric_name::reviews_on_time_share, "chart-overlay-review-timeliness",
     "Review timeliness: plan and baseline", "reviews on time (% of reviews due)", 100.0},
    {metric_name::rag_status, "chart-overlay-rag", "RAG status: plan and baseline",
     "mean RAG status (0 green, 1 amber, 2 red)", 1.0},
    {metric_name::caseload, "chart-overlay-caseload", "Caseload: plan and baseline", "caseload (cases)", 1.0},
    {metric_name::vacancy_pct, "chart-overlay-vacancy", "Vacancy: plan and baseline",
     "vacancy (% of establishment)", 1.0},
    {metric_name::bbr_waiting_list, "chart-overlay-bbr-waiting-list", "BBR waiting list: plan and baseline",
     "waiting list (people)", 1.0},
};

constexpr const char* kBaselineRun = "baseline";
constexpr const char* kPlanRun = "plan (this run)";

Json overlay_spec(const ReportData& data, const OverlayMetric& m) {
  const BaselineSeries& baseline = *data.baseline;
  Json values = Json::array();
  std::vector<std::string> units;
  std::set<std::string> seen;
  auto add = [&](const std::map<SeriesKey, std::vector<SeriesValue>>& series, const char* run, bool with_ci) {
    for (const auto* entry : series_of(data, series, m.metric)) {
      const std::string unit = unit_label(entry->first);
      if (seen.insert(unit).second) units.push_back(unit);
      for (const auto& v : entry->second) {
        Json row =
            Json::object({{"date", v.date}, {"unit", unit}, {"run", run}, {"mean", v.stats.mean * m.scale}});
        if (with_ci) {
          // Clipped at 0 where no replication went below, as in the other monthly charts.
          const double floor = v.min >= 0.0 ? 0.0 : -std::numeric_limits<double>::infinity();
          row.set("lo", std::max(floor, v.stats.ci95_low * m.scale)).set("hi", v.stats.ci95_high * m.scale);
        }
        values.push(std::move(row));
      }
    }
  };
  add(baseline.series, kBaselineRun, baseline.has_ci);
  add(data.series, kPlanRun, true);
  sort_unit_labels(units);
  const Json run = Json::object({{"field", "run"},
                                 {"type", "nominal"},
                                 {"title", nullptr},
                                 {"scale", Json::object({{"domain", Json::array({kBaselineRun, kPlanRun})},
                                                         {"range", Json::array({"#6b6b6b", "#1f77b4"})}})}});
  const Json y_scale = Json::object({{"zero", std::string(m.metric) != metric_name::caseload}});
  return Json::object(
      {{"width", "container"},
       {"height", 240},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params", Json::array({select_param("unit", "Unit ", units)})},
       {"transform", Json::array({Json::object({{"filter", "datum.unit === unit"}})})},
       {"encoding", Json::object({{"x", Json::object({{"field", "date"},
                                                      {"type", "temporal"},
                                                      {"title", "month end"},
                                                      {"axis", time_axis()}})},
                                  {"color", run}})},
       {"layer",
        Json::array(
            {Json::object({{"mark", Json::object({{"type", "area"}, {"opacity", 0.18}})},
                           {"transform", Json::array({Json::object({{"filter", "isValid(datum.lo)"}})})},
                           {"encoding", Json::object({{"y", Json::object({{"field", "lo"},
                                                                          {"type", "quantitative"},
                                                                          {"title", m.y_title},
                                                                          {"scale", y_scale}})},
                                                      {"y2", Json::object({{"field", "hi"}})}})}}),
             Json::object({{"mark", Json::object({{"type", "line"},
                                                  {"strokeWidth", 2},
                                                  {"point", Json::object({{"size", 18}})}})},
                           {"encoding",
                            Json::object({{"y", Json::object({{"field", "mean"},
                                                              {"type", "quantitative"},
                                                              {"title", m.y_title},
                                                              {"scale", y_scale}})},
                                          {"strokeDash",
                                           Json::object({{"field", "run"},
                                                         {"type", "nominal"},
                                                         {"title", nullptr},
                                                         {"sort", Json::array({kBaselineRun, kPlanRun})}})},
                                          {"tooltip", tooltip({{"run", "run"},
                                                               {"unit", "unit"},
                                                               {"date", "month end"},
                                                               {"mean", "mean"},
                                                               {"lo", "95% CI low"},
                                                               {"hi", "95% CI high"}})}})}})})}});
}

}  // namespace

void add_overlay_charts(const ReportData& data, std::vector<Chart>& charts) {
  if (!data.baseline) return;
  const std::string source = data.baseline->has_ci
                                 ? "the baseline run " + data.baseline->source +
                                       (data.baseline->name.empty() ? "" : " (" + data.baseline->name + ")")
                                 : data.baseline->source +
                                       " (the baseline's means only: give `--baseline "
                                       "BASE_DIR` for its confidence band)";
  for (const auto& m : kOverlayMetrics) {
    if (!data.has_metric(m.metric)) continue;
    const bool in_baseline = std::any_of(data.baseline->series.begin(), data.baseline->series.end(),
                                         [&](const auto& entry) { return entry.first.metric == m.metric; });
    if (!in_baseline) continue;
    // A metric that is 0 throughout in both runs (BBR where no one is referred) would be a flat line.
    auto all_zero = [&](const std::map<SeriesKey, std::vector<SeriesValue>>& series) {
      return std::all_of(series.begin(), series.end(), [&](const auto& entry) {
        return entry.first.metric != m.metric ||
               std::all_of(entry.second.begin(), entry.second.end(),
                           [](const SeriesValue& v) { return v.stats.mean == 0.0; });
      });
    };
    if (all_zero(data.series) && all_zero(data.baseline->series)) continue;
    charts.push_back({m.id, "overlay", m.title,
                      "Mean over replications at each month end for the unit chosen, this run (the plan, "
                      "solid) against " +
                          source + " (dashed), with 95% CI bands.",
                      overlay_spec(data, m)});
  }
}

}  // namespace probsim::chart
