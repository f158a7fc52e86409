#include "report/chart_specs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "output/metric_catalogue.hpp"
#include "output/metric_names.hpp"
#include "report/chart_parts.hpp"

namespace probsim {

const std::vector<ReportSection>& report_sections() {
  static const std::vector<ReportSection> sections = {
      {"timeseries", "Monthly time series"},
      {"overlay", "Plan against baseline, by unit"},
      {"bbr", "Building Better Relationships (BBR)"},
      {"rag", "RAG status by PDU"},
      {"comparison", "Comparison with the base run"},
      {"sweep", "Sweep: KPIs against the swept parameters"},
      {"explorer", "Any monthly metric"},
  };
  return sections;
}

namespace chart {

void add_timeseries_charts(const ReportData& data, std::vector<Chart>& charts) {
  if (data.has_metric(metric_name::caseload))
    charts.push_back({"chart-caseload", "timeseries", "Caseload",
                      "People on the caseload at each month end: mean over replications, with the 95% "
                      "confidence interval as a band.",
                      series_spec(data, {{metric_name::caseload, "caseload", "", ""}}, "caseload (cases)",
                                  1.0, false, false)});
  // Staff: the catalogue's staffing metrics in FTE (the families in_post_fte_<grade> and
  // establishment_fte_<grade>), every grade with any establishment or anyone in post. The measure is the
  // family's name before its placeholder, so a renamed metric leaves the chart only with the catalogue.
  std::vector<SeriesLine> staff;
  for (const auto& metric : data.metrics) {
    const MetricSpec* spec = find_metric(MetricFile::timeseries, metric);
    if (spec == nullptr || spec->chart_group != "staffing" || spec->unit != "FTE") continue;
    const std::size_t placeholder = spec->name.find('<');
    if (placeholder == std::string_view::npos) continue;  // a total, not one grade's
    std::string measure(spec->name.substr(0, placeholder));
    for (const std::string_view suffix : {"_fte_", "_"})
      if (measure.size() > suffix.size() && measure.ends_with(suffix)) {
        measure.resize(measure.size() - suffix.size());
        break;
      }
    std::replace(measure.begin(), measure.end(), '_', ' ');
    bool any = false;
    for (const auto* entry : series_of(data, metric))
      for (const auto& v : entry->second) any = any || v.stats.mean != 0.0;
    const std::string grade = metric.substr(placeholder);
    if (any) staff.push_back({metric, grade + " " + measure, grade, measure});
  }
  if (!staff.empty())
    charts.push_back({"chart-staff", "timeseries", "Staff in post against establishment, by grade",
                      "Full-time equivalents at each month end. Solid lines are staff in post, dashed "
                      "lines the establishment (the posts funded); the gap is the vacancy.",
                      series_spec(data, staff, "staff (FTE)", 1.0, true)});
  if (data.has_metric(metric_name::workload_pct_mean))
    charts.push_back({"chart-workload", "timeseries", "Workload",
                      "Mean workload of the practitioners who can take cases, as a percentage of their "
                      "WMT capacity (100% is a full caseload; above 110% is excessive).",
                      series_spec(data, {{metric_name::workload_pct_mean, "mean workload", "", ""}},
                                  "workload (% of WMT capacity)", 1.0, false)});
  std::vector<SeriesLine> timeliness;
  if (data.has_metric(metric_name::reviews_on_time_share))
    timeliness.push_back({metric_name::reviews_on_time_share, "reviews", "", ""});
  if (!timeliness.empty())
    charts.push_back({"chart-review-timeliness", "timeseries", "Review timeliness",
                      "Of the reviews due in each month, the percentage completed by their due day.",
                      series_spec(data, timeliness, "reviews on time (% of reviews due)", 100.0, false)});
}

void add_bbr_charts(const ReportData& data, std::vector<Chart>& charts) {
  std::vector<std::pair<std::string, std::string>> funnel;
  for (const auto& [kpi, label] :
       {std::pair<const char*, const char*>{metric_name::bbr_requirements, "requirements"},
        {metric_name::bbr_starts, "starts"},
        {metric_name::bbr_completions, "completions"}})
    if (data.kpi(kpi)) funnel.emplace_back(kpi, label);
  if (!funnel.empty())
    charts.push_back({"chart-bbr-funnel", "bbr", "BBR funnel: requirements, starts, completions",
                      "People over the report window: BBR requirements made, programme starts and "
                      "completions (mean over replications; the black rule is the 95% CI).",
                      kpi_bars_spec(data, funnel, "stage", "people (over the report window)", false)});
  // Which KPI goes in which chart is the metric catalogue's chart group, and the waits' axis is in
  // weeks only for KPIs the catalogue gives in weeks (a count of people never lands on it).
  std::vector<std::pair<std::string, std::string>> exits, waits;
  for (const auto& row : data.kpis) {
    const MetricSpec* spec = find_metric(MetricFile::kpis, row.kpi);
    if (spec == nullptr) continue;
    if (spec->chart_group == "bbr_exits")
      exits.emplace_back(row.kpi, suffix_after(row.kpi, "bbr_"));
    else if (spec->chart_group == "bbr_wait" && spec->unit == "weeks")
      waits.emplace_back(row.kpi, suffix_after(row.kpi, "bbr_wait_weeks_"));
  }
  if (!exits.empty())
    charts.push_back({"chart-bbr-exits", "bbr", "BBR exits by reason",
                      "People who left the BBR pathway without completing, by reason, over the report "
                      "window (mean, 95% CI).",
                      kpi_bars_spec(data, exits, "reason", "people (over the report window)", false)});
  if (!waits.empty()) {
    charts.push_back(
        {"chart-bbr-wait", "bbr", "BBR waiting times",
         "The distribution of the wait from requirement to start: each statistic (p50 is "
         "the median, p90 the 90th percentile) is the mean over replications with its 95% CI.",
         kpi_bars_spec(data, waits, "statistic of the waiting time", "waiting time (weeks)", true)});
  }
  std::vector<SeriesLine> waiting, flows, monthly_exits;
  // The monthly charts are counts: waits in weeks (group bbr_wait) are left to the explorer.
  for (const auto& metric : data.metrics) {
    const MetricSpec* spec = find_metric(MetricFile::timeseries, metric);
    if (spec == nullptr || spec->unit == "weeks") continue;
    const std::string label = suffix_after(metric, "bbr_");
    if (spec->chart_group == "bbr_list")
      waiting.push_back({metric, label, "", ""});
    else if (spec->chart_group == "bbr_exits")
      monthly_exits.push_back({metric, label, "", ""});
    else if (spec->chart_group == "bbr_flow")
      flows.push_back({metric, label, "", ""});
  }
  if (!waiting.empty())
    charts.push_back({"chart-bbr-waiting-list", "bbr", "BBR waiting list",
                      "People waiting to start BBR at each month end (mean, 95% CI band).",
                      series_spec(data, waiting, "waiting list (people)", 1.0, false)});
  if (!flows.empty())
    charts.push_back({"chart-bbr-flows", "bbr", "BBR starts and completions per month",
                      "People starting and completing BBR in each month (mean, 95% CI band).",
                      series_spec(data, flows, "people per month", 1.0, false)});
  if (!monthly_exits.empty())
    charts.push_back({"chart-bbr-monthly-exits", "bbr", "BBR exits per month, by reason",
                      "People leaving the BBR pathway without completing, in each month.",
                      series_spec(data, monthly_exits, "people per month", 1.0, false)});
}

}  // namespace chart

std::vector<Chart> build_charts(const ReportData& data, std::vector<std::string>& reductions) {
  using namespace chart;
  std::vector<Chart> charts;
  add_timeseries_charts(data, charts);
  add_overlay_charts(data, charts);
  add_bbr_charts(data, charts);
  add_rag_chart(data, charts);
  add_comparison_chart(data, charts, reductions);
  add_sweep_chart(data, charts, reductions);
  add_explorer_chart(data, charts, reductions);
  return charts;
}

std::vector<Chart> build_charts(const ReportData& data) {
  std::vector<std::string> reductions;
  return build_charts(data, reductions);
}

}  // namespace probsim
