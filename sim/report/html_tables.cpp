#include "report/html_tables.hpp"

#include <cmath>
#include <cstdio>

#include "output/metric_catalogue.hpp"
#include "output/metric_names.hpp"
#include "report/comparison_order.hpp"

// The page's HTML tables and headline cards: the numbers behind the charts.

namespace probsim::html {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// A KPI's unit, as the metric catalogue gives it (docs/reference/outputs.md); "" for one it lacks.
std::string unit_of(const std::string& kpi) {
  const MetricSpec* spec = find_metric(MetricFile::kpis, kpi);
  return spec == nullptr ? "" : std::string(spec->unit);
}

}  // namespace

std::string format_value(double value) {
  if (!std::isfinite(value)) return "–";
  char text[48];
  const double magnitude = std::abs(value);
  std::snprintf(text, sizeof text, magnitude >= 100 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
  return text;
}

struct Headline {
  const char* kpi;
  const char* label;
  double scale;
  const char* unit;
};
constexpr Headline kHeadlines[] = {
    {metric_name::caseload_mean, "mean caseload", 1, "cases"},
    {metric_name::staff_in_post_fte, "case-holding staff in post at the end", 1, "FTE"},
    {metric_name::vacancy_pct, "vacancy at the end", 1, "% of establishment"},
    {metric_name::workload_pct_mean, "mean workload", 1, "% of WMT capacity"},
    {metric_name::reviews_on_time_share, "reviews on time", 100, "% of reviews due"},
    {metric_name::contacts_delivered_share, "contacts delivered", 100, "% of contacts required"},
    {metric_name::bbr_starts, "BBR starts", 1, "people"},
    {metric_name::bbr_completions, "BBR completions", 1, "people"},
    {metric_name::bbr_wait_weeks_p50, "median wait for BBR", 1, "weeks"},
};

std::string headline_cards(const ReportData& data) {
  std::string html;
  for (const auto& h : kHeadlines)
    if (const KpiRow* row = data.kpi(h.kpi)) {
      html += "<div class=\"card\"><div class=\"card-label\">" + escape_html(h.label) + "</div>";
      html += "<div class=\"card-value\">" + format_value(row->stats.mean * h.scale) +
              " <span class=\"unit\">" + escape_html(h.unit) + "</span></div>";
      html += "<div class=\"card-ci\">95% CI " + format_value(row->stats.ci95_low * h.scale) + " to " +
              format_value(row->stats.ci95_high * h.scale) + "</div>";
      html += "<div class=\"card-kpi\">" + escape_html(h.kpi) + "</div></div>\n";
    }
  return html;
}

std::string kpi_table(const std::vector<KpiRow>& kpis) {
  std::string html =
      "<table class=\"numbers\"><thead><tr><th>KPI</th><th>unit</th><th>n</th><th>mean</th><th>95% CI</th>"
      "<th>p5</th><th>p50</th><th>p95</th></tr></thead><tbody>\n";
  for (const auto& row : kpis) {
    const auto& s = row.stats;
    html += "<tr><td>" + escape_html(row.kpi) + "</td><td>" + escape_html(unit_of(row.kpi)) + "</td><td>" +
            std::to_string(s.n) + "</td><td>" + format_value(s.mean) + "</td><td>" +
            format_value(s.ci95_low) + " to " + format_value(s.ci95_high) + "</td><td>" + format_value(s.p5) +
            "</td><td>" + format_value(s.p50) + "</td><td>" + format_value(s.p95) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

std::string comparison_table(const std::vector<ComparisonRow>& all_rows) {
  std::vector<ComparisonRow> rows;
  for (const auto& r : all_rows)
    if (r.level == "national") rows.push_back(r);
  std::string html =
      "<table class=\"numbers\"><thead><tr><th>KPI</th><th>pairs</th><th>base mean</th><th>this run's "
      "mean</th>"
      "<th>difference</th><th>95% CI of the difference</th><th>CI excludes 0</th></tr></thead><tbody>\n";
  for (const std::size_t i : order_by_effect(rows)) {
    const ComparisonRow& r = rows[i];
    html += "<tr><td>" + escape_html(r.kpi) + "</td><td>" + std::to_string(r.n) + "</td><td>" +
            format_value(r.base_mean) + "</td><td>" + format_value(r.other_mean) + "</td><td>" +
            format_value(r.diff_mean) + "</td><td>" + format_value(r.ci95_low) + " to " +
            format_value(r.ci95_high) + "</td><td>" + (r.excludes_zero ? "yes" : "no") + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

std::string leave_red_table(const ReportData& data) {
  std::string html =
      "<table class=\"numbers text\" id=\"leave-red\"><thead><tr><th>PDU</th><th>replications</th>"
      "<th>never red</th><th>left red</th><th>red on " +
      escape_html(data.leave_red_last_month) +
      "</th><th>left red, median month end</th></tr></thead><tbody>\n";
  for (const auto& r : data.leave_red)
    html += "<tr><td>" + escape_html(r.pdu) + "</td><td>" + std::to_string(r.replications) + "</td><td>" +
            std::to_string(r.never_red) + "</td><td>" + std::to_string(r.left_red) + "</td><td>" +
            std::to_string(r.still_red_at_end) + "</td><td>" +
            (r.median_month.empty() ? "–" : escape_html(r.median_month)) + "</td></tr>\n";
  return html + "</tbody></table>\n";
}

std::string points_table(const SweepData& sweep) {
  std::string html = "<p class=\"note\">Headline KPIs: ";
  for (std::size_t i = 0; i < sweep.headline_kpis.size(); ++i)
    html += (i ? ", " : "") + std::string("<code>") + escape_html(sweep.headline_kpis[i]) + "</code>";
  html += " (" + escape_html(sweep.headline_reason) + ").</p>\n";
  html += "<table class=\"numbers text\"><thead><tr><th>point</th><th>label</th><th>scenario</th>";
  for (std::size_t k = 0; k < sweep.keys.size(); ++k)
    html += "<th title=\"" + escape_html(sweep.keys[k]) + "\">" +
            escape_html(k < sweep.key_labels.size() ? sweep.key_labels[k] : sweep.keys[k]) + "</th>";
  html += "</tr></thead><tbody>\n";
  for (const auto& p : sweep.points) {
    html += "<tr><td>" + escape_html(p.id) + "</td><td>" + escape_html(p.label) + "</td><td>" +
            escape_html(p.scenario) + "</td>";
    for (const auto& v : p.values) html += "<td>" + escape_html(v) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody></table>\n";
}

}  // namespace probsim::html
