#include "report/chart_specs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "output/metric_catalogue.hpp"

namespace probsim {

const std::vector<ReportSection>& report_sections() {
  static const std::vector<ReportSection> sections = {
      {"timeseries", "Monthly time series"},
      {"bbr", "Building Better Relationships (BBR)"},
      {"rag", "RAG status by PDU"},
      {"comparison", "Comparison with the base run"},
      {"sweep", "Sweep: KPIs against the swept parameters"},
      {"explorer", "Any monthly metric"},
  };
  return sections;
}

namespace {

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

// A unit as the page names it: "National", "Region: X", "PDU: Y".
std::string unit_label(const SeriesKey& key) {
  if (key.level == "national") return "National";
  if (key.level == "region") return "Region: " + key.unit;
  if (key.level == "pdu") return "PDU: " + key.unit;
  return key.level + ": " + key.unit;
}

int level_rank(const std::string& level) {
  return level == "national" ? 0 : level == "region" ? 1 : 2;
}

// The series of `metric`, national first, then regions, then PDUs, each in file order.
std::vector<const std::pair<const SeriesKey, std::vector<SeriesValue>>*> series_of(
    const ReportData& data, const std::string& metric) {
  std::vector<const std::pair<const SeriesKey, std::vector<SeriesValue>>*> found;
  for (const auto& entry : data.series)
    if (entry.first.metric == metric) found.push_back(&entry);
  auto position = [&](const SeriesKey& key) -> std::size_t {
    const auto& units = key.level == "region" ? data.regions : data.pdus;
    return static_cast<std::size_t>(std::find(units.begin(), units.end(), key.unit) - units.begin());
  };
  std::stable_sort(found.begin(), found.end(), [&](const auto* a, const auto* b) {
    if (level_rank(a->first.level) != level_rank(b->first.level))
      return level_rank(a->first.level) < level_rank(b->first.level);
    return position(a->first) < position(b->first);
  });
  return found;
}

Json tooltip(std::initializer_list<std::pair<const char*, const char*>> fields, const char* format = ",.2f") {
  Json items = Json::array();
  for (const auto& [field, title] : fields) {
    Json item = Json::object({{"field", field}, {"title", title}});
    static const std::set<std::string> numbers = {"mean", "lo", "hi", "base_mean", "other_mean"};
    if (numbers.count(field)) item.set("type", "quantitative").set("format", format);
    items.push(std::move(item));
  }
  return items;
}

Json select_param(const std::string& name, const std::string& label,
                  const std::vector<std::string>& options) {
  Json choices = Json::array();
  for (const auto& option : options) choices.push(option);
  return Json::object({{"name", name},
                       {"value", options.empty() ? Json() : Json(options.front())},
                       {"bind", Json::object({{"input", "select"}, {"options", choices}, {"name", label}})}});
}

Json time_axis() {
  // A tick per month (labels thinned where they would overlap), never two labels for one month.
  return Json::object(
      {{"format", "%b %Y"}, {"tickCount", "month"}, {"labelOverlap", true}, {"labelSeparation", 8}});
}

struct SeriesLine {
  std::string metric;
  std::string series;   // legend label
  std::string grade;    // staff chart only
  std::string measure;  // staff chart only
};

// Monthly lines with their 95% CI bands, one unit at a time (chosen on the page).
Json series_spec(const ReportData& data, const std::vector<SeriesLine>& lines, const std::string& y_title,
                 double scale, bool by_grade, bool zero = true) {
  Json values = Json::array();
  std::vector<std::string> units;
  std::set<std::string> seen_units;
  // A quantity no replication ever took below 0 (people, FTE, a share) gets its CI band clipped at 0:
  // a t-interval over few replications can reach below, which only misleads.
  bool non_negative = true;
  for (const auto& line : lines)
    for (const auto* entry : series_of(data, line.metric))
      for (const auto& v : entry->second) non_negative = non_negative && v.min >= 0.0;
  const double floor = non_negative ? 0.0 : -std::numeric_limits<double>::infinity();
  for (const auto& line : lines)
    for (const auto* entry : series_of(data, line.metric)) {
      const std::string unit = unit_label(entry->first);
      for (const auto& v : entry->second) {
        Json row = Json::object({{"date", v.date},
                                 {"unit", unit},
                                 {"series", line.series},
                                 {"mean", v.stats.mean * scale},
                                 {"lo", std::max(floor, v.stats.ci95_low * scale)},
                                 {"hi", v.stats.ci95_high * scale}});
        if (by_grade) row.set("grade", line.grade).set("measure", line.measure);
        values.push(std::move(row));
      }
      if (seen_units.insert(unit).second) units.push_back(unit);
    }
  // National first, whichever metric listed it.
  std::stable_sort(units.begin(), units.end(), [](const std::string& a, const std::string& b) {
    auto rank = [](const std::string& u) {
      return starts_with(u, "National") ? 0 : starts_with(u, "Region") ? 1 : 2;
    };
    return rank(a) < rank(b);
  });
  const Json y_scale = Json::object({{"zero", zero}});
  const Json y_axis =
      Json::object({{"field", "mean"}, {"type", "quantitative"}, {"title", y_title}, {"scale", y_scale}});
  Json band_encoding = Json::object(
      {{"y",
        Json::object({{"field", "lo"}, {"type", "quantitative"}, {"title", y_title}, {"scale", y_scale}})},
       {"y2", Json::object({{"field", "hi"}})}});
  Json line_encoding = Json::object({{"y", y_axis}});
  if (by_grade) {
    const Json grade = Json::object({{"field", "grade"}, {"type", "nominal"}, {"title", "grade"}});
    band_encoding.set("color", grade).set("detail", Json::object({{"field", "measure"}}));
    line_encoding.set("color", grade)
        .set("strokeDash", Json::object({{"field", "measure"},
                                         {"type", "nominal"},
                                         {"title", "line"},
                                         {"sort", Json::array({"in post", "establishment"})},
                                         // Vega draws this legend's dashes without a colour; the
                                         // caption says solid is in post, dashed establishment.
                                         {"legend", nullptr}}));
  } else {
    // One legend, drawn from the lines (a dashed line per series, so colour is not needed to tell
    // them apart); none for a single series, which the chart's title names.
    Json series = Json::object({{"field", "series"}, {"type", "nominal"}, {"title", nullptr}});
    if (lines.size() == 1) series.set("legend", nullptr);
    band_encoding.set("color", series);
    line_encoding.set("color", series).set("strokeDash", series);
  }
  line_encoding.set("tooltip", tooltip({{"series", "series"},
                                        {"unit", "unit"},
                                        {"date", "month end"},
                                        {"mean", "mean"},
                                        {"lo", "95% CI low"},
                                        {"hi", "95% CI high"}}));
  return Json::object(
      {{"width", "container"},
       {"height", 240},
       {"config", Json::object({{"legend", Json::object({{"symbolType", "stroke"},
                                                         {"symbolStrokeWidth", 2},
                                                         {"symbolOpacity", 1},
                                                         {"symbolSize", 300},
                                                         {"symbolStrokeColor", "#444"}})}})},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params", Json::array({select_param("unit", "Unit ", units)})},
       {"transform", Json::array({Json::object({{"filter", "datum.unit === unit"}})})},
       {"encoding", Json::object({{"x", Json::object({{"field", "date"},
                                                      {"type", "temporal"},
                                                      {"title", "month end"},
                                                      {"axis", time_axis()}})}})},
       {"layer", Json::array({Json::object({{"mark", Json::object({{"type", "area"}, {"opacity", 0.18}})},
                                            {"encoding", std::move(band_encoding)}}),
                              Json::object({{"mark", Json::object({{"type", "line"},
                                                                   {"strokeWidth", 2},
                                                                   {"point", Json::object({{"size", 18}})}})},
                                            {"encoding", std::move(line_encoding)}})})}});
}

// Bars (or points) with 95% CI rules, one per KPI, in the given order.
Json kpi_bars_spec(const ReportData& data, const std::vector<std::pair<std::string, std::string>>& kpis,
                   const std::string& category_title, const std::string& value_title, bool points) {
  Json values = Json::array();
  Json order = Json::array();
  for (const auto& [kpi, label] : kpis)
    if (const KpiRow* row = data.kpi(kpi)) {
      values.push(Json::object({{"label", label},
                                {"kpi", kpi},
                                {"mean", row->stats.mean},
                                {"lo", row->stats.ci95_low},
                                {"hi", row->stats.ci95_high}}));
      order.push(label);
    }
  const Json category = Json::object({{"field", "label"},
                                      {"type", "nominal"},
                                      {"title", category_title},
                                      {"sort", order},
                                      {"axis", Json::object({{"labelAngle", 0}})}});
  const Json value = Json::object({{"field", "mean"}, {"type", "quantitative"}, {"title", value_title}});
  Json main_mark = points ? Json::object({{"type", "point"}, {"filled", true}, {"size", 80}})
                          : Json::object({{"type", "bar"}, {"color", "#4c78a8"}, {"opacity", 0.85}});
  return Json::object(
      {{"width", "container"},
       {"height", 220},
       {"data", Json::object({{"values", std::move(values)}})},
       {"encoding", Json::object({{"x", category}})},
       {"layer",
        Json::array(
            {Json::object({{"mark", main_mark},
                           {"encoding", Json::object({{"y", value},
                                                      {"tooltip", tooltip({{"kpi", "KPI"},
                                                                           {"mean", "mean"},
                                                                           {"lo", "95% CI low"},
                                                                           {"hi", "95% CI high"}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "rule"}, {"strokeWidth", 2}, {"color", "#222"}})},
                  {"encoding", Json::object({{"y", Json::object({{"field", "lo"}, {"type", "quantitative"}})},
                                             {"y2", Json::object({{"field", "hi"}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "text"}, {"dy", -8}, {"align", "left"}, {"dx", 6}})},
                  {"encoding", Json::object({{"y", Json::object({{"field", "hi"}, {"type", "quantitative"}})},
                                             {"text", Json::object({{"field", "mean"},
                                                                    {"type", "quantitative"},
                                                                    {"format", ",.1f"}})}})}})})}});
}

// A BBR KPI's or metric's label: its name without the prefix.
std::string suffix_after(const std::string& name, const std::string& prefix) {
  return starts_with(name, prefix) ? name.substr(prefix.size()) : name;
}

void add_timeseries_charts(const ReportData& data, std::vector<Chart>& charts) {
  if (data.has_metric("caseload"))
    charts.push_back(
        {"chart-caseload", "timeseries", "Caseload",
         "People on the caseload at each month end: mean over replications, with the 95% "
         "confidence interval as a band.",
         series_spec(data, {{"caseload", "caseload", "", ""}}, "caseload (cases)", 1.0, false, false)});
  // Staff: every grade with any establishment or anyone in post.
  std::vector<SeriesLine> staff;
  for (const auto& metric : data.metrics) {
    for (const auto& [prefix, measure] : {std::pair<std::string, std::string>{"in_post_fte_", "in post"},
                                          {"establishment_fte_", "establishment"}}) {
      if (!starts_with(metric, prefix)) continue;
      bool any = false;
      for (const auto* entry : series_of(data, metric))
        for (const auto& v : entry->second) any = any || v.stats.mean != 0.0;
      const std::string grade = metric.substr(prefix.size());
      if (any) staff.push_back({metric, grade + " " + measure, grade, measure});
    }
  }
  if (!staff.empty())
    charts.push_back({"chart-staff", "timeseries", "Staff in post against establishment, by grade",
                      "Full-time equivalents at each month end. Solid lines are staff in post, dashed "
                      "lines the establishment (the posts funded); the gap is the vacancy.",
                      series_spec(data, staff, "staff (FTE)", 1.0, true)});
  if (data.has_metric("workload_pct_mean"))
    charts.push_back({"chart-workload", "timeseries", "Workload",
                      "Mean workload of the practitioners who can take cases, as a percentage of their "
                      "WMT capacity (100% is a full caseload; above 110% is excessive).",
                      series_spec(data, {{"workload_pct_mean", "mean workload", "", ""}},
                                  "workload (% of WMT capacity)", 1.0, false)});
  std::vector<SeriesLine> timeliness;
  if (data.has_metric("reviews_on_time_share"))
    timeliness.push_back({"reviews_on_time_share", "reviews", "", ""});
  if (!timeliness.empty())
    charts.push_back({"chart-review-timeliness", "timeseries", "Review timeliness",
                      "Of the reviews due in each month, the percentage completed by their due day.",
                      series_spec(data, timeliness, "reviews on time (% of reviews due)", 100.0, false)});
}

void add_bbr_charts(const ReportData& data, std::vector<Chart>& charts) {
  std::vector<std::pair<std::string, std::string>> funnel;
  for (const auto& [kpi, label] : {std::pair<const char*, const char*>{"bbr_requirements", "requirements"},
                                   {"bbr_starts", "starts"},
                                   {"bbr_completions", "completions"}})
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

void add_rag_chart(const ReportData& data, std::vector<Chart>& charts) {
  Json values = Json::array();
  Json pdu_order = Json::array();
  static const char* const kStatus[] = {"green", "amber", "red"};
  static const char* const kLetter[] = {"G", "A", "R"};
  for (const auto* entry : series_of(data, kRagStatusMetric)) {
    if (entry->first.level != "pdu") continue;
    pdu_order.push(entry->first.unit);
    for (const auto& v : entry->second) {
      const std::size_t total = v.status_counts[0] + v.status_counts[1] + v.status_counts[2];
      if (total == 0) continue;
      // The most frequent status over replications; a tie goes to the worse one.
      std::size_t mode = 0;
      for (std::size_t s = 1; s < 3; ++s)
        if (v.status_counts[s] >= v.status_counts[mode]) mode = s;
      values.push(Json::object({{"pdu", entry->first.unit},
                                {"month", v.date},
                                {"status", kStatus[mode]},
                                {"letter", kLetter[mode]},
                                {"replications", std::to_string(v.status_counts[0]) + " green, " +
                                                     std::to_string(v.status_counts[1]) + " amber, " +
                                                     std::to_string(v.status_counts[2]) + " red"}}));
    }
  }
  const auto* cells = values.as_array();
  if (!cells || cells->empty()) return;
  // Up to 30 px a month, narrower for long runs so that the map fits a laptop screen and a printed page.
  const std::size_t months = cells->size() / std::max<std::size_t>(1, pdu_order.as_array()->size());
  const double cell_width =
      std::clamp(960.0 / static_cast<double>(std::max<std::size_t>(1, months)), 12.0, 30.0);
  Json spec = Json::object(
      // Both sizes by step (no "container" width, which Vega-Lite cannot fit to a discrete axis): a
      // cell per PDU and month, as wide as the months need.
      {{"width", Json::object({{"step", cell_width}})},
       {"height", Json::object({{"step", 24}})},
       {"data", Json::object({{"values", std::move(values)}})},
       {"encoding",
        Json::object(
            {{"x", Json::object({{"field", "month"},
                                 {"type", "ordinal"},
                                 {"timeUnit", "yearmonth"},
                                 {"title", "month"},
                                 {"axis", Json::object({{"format", "%b %Y"}, {"labelAngle", -45}})}})},
             {"y", Json::object(
                       {{"field", "pdu"}, {"type", "nominal"}, {"title", "PDU"}, {"sort", pdu_order}})}})},
       {"layer",
        Json::array(
            {Json::object(
                 {{"mark", Json::object({{"type", "rect"}, {"stroke", "white"}, {"strokeWidth", 1}})},
                  {"encoding",
                   Json::object(
                       {{"color",
                         Json::object(
                             {{"field", "status"},
                              {"type", "nominal"},
                              {"title", "RAG status (letters: G, A, R)"},
                              {"scale",
                               Json::object({{"domain", Json::array({"green", "amber", "red"})},
                                             {"range", Json::array({kRagGreen, kRagAmber, kRagRed})}})}})},
                        {"tooltip",
                         Json::array(
                             {Json::object({{"field", "pdu"}, {"title", "PDU"}}),
                              Json::object({{"field", "month"},
                                            {"type", "temporal"},
                                            {"timeUnit", "yearmonth"},
                                            {"title", "month"}}),
                              Json::object({{"field", "status"}, {"title", "status (most frequent)"}}),
                              Json::object({{"field", "replications"}, {"title", "replications"}})})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "text"}, {"fontWeight", "bold"}, {"fontSize", 11}})},
                  {"encoding",
                   Json::object({{"text", Json::object({{"field", "letter"}})},
                                 {"color", Json::object({{"condition",
                                                          Json::object({{"test", "datum.status === 'amber'"},
                                                                        {"value", "black"}})},
                                                         {"value", "white"}})}})}})})}});
  charts.push_back({"chart-rag-heatmap", "rag", "RAG status by PDU and month",
                    "Each cell is a PDU's red/amber/green status at the month end, the status most "
                    "replications had (a tie shows the worse). The letter repeats the colour.",
                    std::move(spec)});
}

void add_comparison_chart(const ReportData& data, std::vector<Chart>& charts) {
  Json values = Json::array();
  for (const auto& row : data.comparison) {
    if (row.base_mean == 0.0 || !std::isfinite(row.base_mean)) continue;  // no relative difference
    const double base = std::abs(row.base_mean);
    values.push(
        Json::object({{"kpi", row.kpi},
                      {"diff_pct", 100.0 * row.diff_mean / base},
                      {"lo_pct", 100.0 * row.ci95_low / base},
                      {"hi_pct", 100.0 * row.ci95_high / base},
                      {"mean", row.diff_mean},
                      {"lo", row.ci95_low},
                      {"hi", row.ci95_high},
                      {"base_mean", row.base_mean},
                      {"other_mean", row.other_mean},
                      {"significance", row.excludes_zero ? "95% CI excludes 0" : "95% CI includes 0"}}));
  }
  const auto* rows = values.as_array();
  if (!rows || rows->empty()) return;
  const Json y = Json::object({{"field", "kpi"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}});
  const std::string x_title = "difference, this run − base (% of the base mean)";
  Json spec = Json::object(
      {{"width", 760},  // fixed: a "container" width cannot be fitted beside a discrete (step) height
       {"height", Json::object({{"step", 16}})},
       {"data", Json::object({{"values", std::move(values)}})},
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
                    "as a percentage of the base mean, with its 95% CI. Diamonds: the CI excludes 0. KPIs "
                    "whose base mean is 0 are in the table only.",
                    std::move(spec)});
}

bool is_number(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

void add_sweep_chart(const ReportData& data, std::vector<Chart>& charts) {
  if (!data.sweep || data.sweep->keys.empty() || data.sweep->points.empty()) return;
  const SweepData& sweep = *data.sweep;
  bool numeric = true;
  for (const auto& point : sweep.points)
    for (const auto& value : point.values) numeric = numeric && is_number(value);
  std::vector<std::string> kpis;
  std::set<std::string> seen;
  for (const auto& point : sweep.points)
    for (const auto& row : point.kpis)
      if (seen.insert(row.kpi).second) kpis.push_back(row.kpi);
  // The first choice is the KPI a reader most likely swept for, where the run has it.
  for (const char* preferred : {"workload_pct_mean", "reviews_on_time_share", "caseload_mean"}) {
    const auto it = std::find(kpis.begin(), kpis.end(), preferred);
    if (it != kpis.end()) {
      std::rotate(kpis.begin(), it, it + 1);
      break;
    }
  }
  const bool several_scenarios =
      std::any_of(sweep.points.begin(), sweep.points.end(),
                  [&](const ReportedSweepPoint& p) { return p.scenario != sweep.points.front().scenario; });
  Json values = Json::array();
  for (std::size_t k = 0; k < sweep.keys.size(); ++k)
    for (const auto& point : sweep.points) {
      std::string others;
      for (std::size_t j = 0; j < sweep.keys.size(); ++j)
        if (j != k) others += (others.empty() ? "" : ", ") + sweep.keys[j] + "=" + point.values[j];
      if (several_scenarios) others = point.scenario + (others.empty() ? "" : ": ") + others;
      if (others.empty()) others = "(no other parameter)";
      for (const auto& row : point.kpis)
        values.push(Json::object(
            {{"kpi", row.kpi},
             {"parameter", sweep.keys[k]},
             {"x", numeric ? Json(std::strtod(point.values[k].c_str(), nullptr)) : Json(point.values[k])},
             {"others", others},
             {"point", point.id},
             {"mean", row.stats.mean},
             {"lo", row.stats.ci95_low},
             {"hi", row.stats.ci95_high}}));
    }
  const Json series =
      Json::object({{"field", "others"},
                    {"type", "nominal"},
                    {"title", "other parameters"},
                    {"legend", Json::object({{"orient", "bottom"}, {"columns", 1}, {"labelLimit", 600}})}});
  const Json x = Json::object({{"field", "x"},
                               {"type", numeric ? "quantitative" : "ordinal"},
                               {"title", "value of the swept parameter chosen above"},
                               {"scale", Json::object({{"zero", false}, {"padding", 12}})}});
  Json spec = Json::object(
      {{"width", "container"},
       {"height", 280},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params", Json::array({select_param("kpi", "KPI ", kpis),
                               select_param("parameter", "Swept parameter ", sweep.keys)})},
       {"transform",
        Json::array({Json::object({{"filter", "datum.kpi === kpi && datum.parameter === parameter"}})})},
       {"encoding", Json::object({{"x", x}, {"color", series}})},
       {"layer",
        Json::array(
            {Json::object({{"mark", Json::object({{"type", "rule"}, {"strokeWidth", 2}})},
                           {"encoding",
                            Json::object({{"y", Json::object({{"field", "lo"},
                                                              {"type", "quantitative"},
                                                              {"title", "KPI: mean with 95% CI"},
                                                              {"scale", Json::object({{"zero", false}})}})},
                                          {"y2", Json::object({{"field", "hi"}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "line"},
                                         {"point", Json::object({{"filled", true}, {"size", 60}})}})},
                  {"encoding",
                   Json::object({{"y", Json::object({{"field", "mean"}, {"type", "quantitative"}})},
                                 {"strokeDash", series},
                                 {"tooltip", tooltip({{"point", "point"},
                                                      {"kpi", "KPI"},
                                                      {"others", "other parameters"},
                                                      {"mean", "mean"},
                                                      {"lo", "95% CI low"},
                                                      {"hi", "95% CI high"}})}})}})})}});
  charts.push_back({"chart-sweep", "sweep", "A KPI against a swept parameter",
                    "Choose a KPI and one of the swept parameters: each point of the sweep is plotted at "
                    "its value of that parameter (mean over its replications, rule: 95% CI); points that "
                    "share their other parameters are joined.",
                    std::move(spec)});
}

void add_explorer_chart(const ReportData& data, std::vector<Chart>& charts) {
  if (data.metrics.empty()) return;
  Json values = Json::array();
  std::vector<std::string> units;
  std::set<std::string> seen;
  for (const auto& metric : data.metrics)
    for (const auto* entry : series_of(data, metric)) {
      const std::string unit = unit_label(entry->first);
      if (seen.insert(unit).second) units.push_back(unit);
      for (const auto& v : entry->second)
        values.push(Json::object({{"metric", metric},
                                  {"unit", unit},
                                  {"date", v.date},
                                  {"mean", v.stats.mean},
                                  {"lo", v.stats.ci95_low},
                                  {"hi", v.stats.ci95_high}}));
    }
  std::stable_sort(units.begin(), units.end(), [](const std::string& a, const std::string& b) {
    auto rank = [](const std::string& u) {
      return starts_with(u, "National") ? 0 : starts_with(u, "Region") ? 1 : 2;
    };
    return rank(a) < rank(b);
  });
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

}  // namespace

std::vector<Chart> build_charts(const ReportData& data) {
  std::vector<Chart> charts;
  add_timeseries_charts(data, charts);
  add_bbr_charts(data, charts);
  add_rag_chart(data, charts);
  add_comparison_chart(data, charts);
  add_sweep_chart(data, charts);
  add_explorer_chart(data, charts);
  return charts;
}

}  // namespace probsim
