#include "report/html_page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "config/counted.hpp"
#include "report/embedded_scripts.hpp"
#include "report/html_tables.hpp"
#include "report/json.hpp"

namespace probsim {

namespace {

// A script's text inside <script>: "</script" would end the element early.
std::string inline_script(std::string_view script) {
  std::string out(script);
  for (std::size_t at = out.find("</script"); at != std::string::npos; at = out.find("</script", at + 2))
    out.replace(at, 2, "<\\/");
  return out;
}

constexpr const char* kStyle = R"css(
:root { --ink: #1d1d1f; --muted: #5a5a66; --rule: #d9d9e0; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header { background: var(--accent); color: #fff; padding: 18px 28px 14px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; }
header .meta { margin: 0; font-size: 14px; opacity: 0.92; }
.reductions { border-left: 4px solid #f0a30a; background: #fff8e6; padding: 8px 14px; margin: 12px 0; }
nav { padding: 8px 28px; border-bottom: 1px solid var(--rule); font-size: 14px; }
nav a { margin-right: 14px; color: var(--accent); }
main { max-width: 1240px; margin: 0 auto; padding: 8px 28px 28px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 16px; margin: 0 0 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px; padding: 10px 12px; }
.card-label { font-size: 13px; color: var(--muted); }
.card-value { font-size: 22px; font-weight: 600; }
.card-value .unit { display: block; font-size: 13px; font-weight: 400; color: var(--muted); }
.card-ci { font-size: 13px; }
.card-kpi { font-size: 11px; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px 24px; }
figure { margin: 0; padding: 10px 12px; border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; page-break-inside: avoid; min-width: 0; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
.chart { width: 100%; min-height: 120px; }
.chart .vega-bindings { font-size: 13px; margin-top: 4px; }
.chart .vega-bind-name { margin-right: 4px; color: var(--muted); }
details { margin-top: 12px; }
summary { cursor: pointer; color: var(--accent); }
table.numbers { border-collapse: collapse; font-size: 13px; margin-top: 8px; font-variant-numeric: tabular-nums; }
table.numbers th, table.numbers td { border-bottom: 1px solid var(--rule); padding: 3px 10px 3px 0; text-align: right; }
table.numbers th:first-child, table.numbers td:first-child { text-align: left; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
table.numbers th { color: var(--muted); font-weight: 600; }
table.numbers.text th, table.numbers.text td { text-align: left; padding-right: 16px; }
.note { font-size: 13px; color: var(--muted); }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
#report-errors { color: #b00020; white-space: pre-wrap; }
@media (max-width: 1100px) { .charts { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 11pt; }
  header { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 0 0 6px; }
  nav, .vega-embed .vega-actions, .vega-embed details { display: none !important; }
  main { max-width: none; padding: 0; }
  .charts { grid-template-columns: 1fr; }
  a { color: inherit; text-decoration: none; }
}
)css";

// Runs before the libraries: errors anywhere on the page are counted where a headless browser's
// DOM dump (and a reader) can see them.
constexpr const char* kErrorCapture = R"js(
(function () {
  var errors = [];
  // Shows the errors so far; called again once the body exists, for errors from before it did.
  function show() {
    var box = document.getElementById('report-errors');
    if (box && errors.length) { box.hidden = false; box.textContent = 'Errors while drawing the charts:\n' + errors.join('\n'); }
    if (document.body) document.body.setAttribute('data-console-errors', String(errors.length));
  }
  function record(message) {
    errors.push(String(message));
    show();
  }
  window.probsimReportError = record;
  window.probsimShowReportErrors = show;
  var consoleError = console.error;
  console.error = function () {
    record(Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener('error', function (event) { record(event.message || 'script error'); });
  window.addEventListener('unhandledrejection', function (event) { record('unhandled rejection: ' + event.reason); });
})();
)js";

constexpr const char* kDrawCharts = R"js(
(function () {
  var body = document.body;
  window.probsimShowReportErrors();
  var report = JSON.parse(document.getElementById('report-data').textContent);
  body.setAttribute('data-charts-expected', String(report.charts.length));
  var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
  var drawn = report.charts.map(function (chart) {
    var element = document.getElementById(chart.id);
    return vegaEmbed(element, chart.spec, Object.assign({ downloadFileName: chart.id }, options))
      .then(function () {
        element.setAttribute('data-marks', String(element.querySelectorAll('svg g.role-mark > *').length));
        element.setAttribute('data-rendered', 'true');
      })
      .catch(function (error) {
        element.setAttribute('data-rendered', 'error');
        window.probsimReportError('chart ' + chart.id + ': ' + error);
      });
  });
  // A printed page shows the tables folded away on screen.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  Promise.all(drawn).then(function () {
    var rendered = document.querySelectorAll('[data-rendered="true"]').length;
    body.setAttribute('data-charts-rendered', String(rendered));
    body.setAttribute('data-render-ms', String(Math.round(performance.now())));
  });
})();
)js";

std::string kind_title(const ReportData& data) {
  switch (data.kind) {
    case ReportKind::batch:
      return "Sweep";
    case ReportKind::comparison:
      return "Comparison";
    case ReportKind::run:
      break;
  }
  return "Run";
}

}  // namespace

std::string render_html_page(const ReportData& data, const std::vector<Chart>& charts,
                             const std::vector<std::string>& reductions) {
  using html::comparison_table, html::escape_html, html::headline_cards, html::kpi_table,
      html::leave_red_table, html::points_table;
  const ReportProvenance& p = data.provenance;
  std::string meta;
  auto add_meta = [&](const std::string& item) { meta += (meta.empty() ? "" : " · ") + item; };
  if (!p.report_start.empty()) add_meta(escape_html(p.report_start) + " to " + escape_html(p.report_end));
  if (p.replications)
    add_meta(counted(*p.replications, "replication") + (data.kind == ReportKind::batch ? " per point" : ""));
  if (!p.base_seed.empty()) add_meta("base seed " + escape_html(p.base_seed));
  if (data.sweep) add_meta(counted(data.sweep->points.size(), "point"));
  add_meta("from <code>" + escape_html(p.source) + "</code>");

  std::set<std::string> sections_with_charts;
  for (const auto& chart : charts) sections_with_charts.insert(chart.section);

  std::string html;
  html.reserve(1 << 20);
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<meta name=\"generator\" content=\"probsim " PROBSIM_VERSION "\">\n";
  html += "<title>probsim report: " + escape_html(p.name) + "</title>\n<style>" + std::string(kStyle) +
          "</style>\n";
  html += "<script>" + std::string(kErrorCapture) + "</script>\n</head>\n<body>\n";
  html += "<header><h1>" + kind_title(data) + ": " + escape_html(p.name) + "</h1><p class=\"meta\">" + meta +
          "</p></header>\n";

  std::string nav = "<a href=\"#kpis\">KPIs</a>";
  for (const auto& section : report_sections())
    if (sections_with_charts.count(section.id))
      nav += "<a href=\"#" + section.id + "\">" + escape_html(section.title) + "</a>";
  html += "<nav>" + nav + "</nav>\n<main>\n";
  html += "<pre id=\"report-errors\" hidden></pre>\n";
  if (!reductions.empty()) {
    // A size cap left something out: say what, before any chart, so no one reads a thinned chart as whole.
    html +=
        "<div class=\"reductions\" id=\"report-reductions\"><strong>Reduced to keep this page "
        "small:</strong><ul>";
    for (const auto& r : reductions) html += "<li>" + escape_html(r) + "</li>";
    html += "</ul></div>\n";
  }

  // Headline KPIs.
  html +=
      "<section id=\"kpis\"><h2>" + std::string(data.sweep ? "Sweep points" : "Headline KPIs") + "</h2>\n";
  if (data.sweep) {
    html += points_table(*data.sweep);
  } else if (!data.kpis.empty()) {
    html +=
        "<p class=\"note\">Means over replications with their 95% confidence intervals (Student t), over "
        "the report window.</p>\n<div class=\"cards\">" +
        headline_cards(data) + "</div>\n";
    html += "<details><summary>Every KPI (" + std::to_string(data.kpis.size()) + ")</summary>" +
            kpi_table(data.kpis) + "</details>\n";
  } else {
    html += "<p class=\"note\">This comparison has no run summary beside it; its KPIs are below.</p>\n";
  }
  html += "</section>\n";

  for (const auto& section : report_sections()) {
    if (!sections_with_charts.count(section.id)) continue;
    html += "<section id=\"" + section.id + "\"><h2>" + escape_html(section.title) + "</h2>\n";
    if (section.id == "timeseries" && data.pdu_series_dropped)
      html += "<p class=\"note\">This run has " + std::to_string(data.pdus.size()) +
              " PDUs: the page shows national and regional series only.</p>\n";
    html += "<div class=\"charts\">\n";
    for (const auto& chart : charts) {
      if (chart.section != section.id) continue;
      const bool wide = chart.section == "rag" || chart.section == "comparison" || chart.section == "sweep" ||
                        chart.section == "explorer";
      html += std::string("<figure") + (wide ? " class=\"wide\"" : "") + "><h3>" + escape_html(chart.title) +
              "</h3><div class=\"chart\" id=\"" + chart.id + "\"></div><figcaption>" +
              escape_html(chart.caption) + "</figcaption></figure>\n";
    }
    html += "</div>\n";
    if (section.id == "rag" && !data.leave_red.empty())
      html += "<details open><summary>When each PDU leaves red (month ends; " +
              counted(data.leave_red.front().replications, "replication") + ")</summary>" +
              leave_red_table(data) + "</details>\n";
    if (section.id == "comparison")
      html += "<details><summary>Every national KPI's difference, largest effect first (" +
              std::to_string(std::count_if(data.comparison.begin(), data.comparison.end(),
                                           [](const ComparisonRow& r) { return r.level == "national"; })) +
              ")</summary>" + comparison_table(data.comparison) + "</details>\n";
    html += "</section>\n";
  }

  html += "<footer>Made by <code>probsim report</code> (probsim " PROBSIM_VERSION ") from <code>" +
          escape_html(p.source) +
          "</code>. docs/reference/outputs.md documents every KPI and metric with its unit. Charts drawn "
          "with Vega, Vega-Lite and vega-embed, which this page carries: it needs no "
          "network.</footer>\n</main>\n";

  html += "<script>" + inline_script(vega_script()) + "</script>\n";
  html += "<script>" + inline_script(vega_lite_script()) + "</script>\n";
  html += "<script>" + inline_script(vega_embed_script()) + "</script>\n";
  Json payload = Json::object();
  Json list = Json::array();
  for (const auto& chart : charts) list.push(Json::object({{"id", chart.id}, {"spec", chart.spec}}));
  payload.set("charts", std::move(list));
  html += "<script type=\"application/json\" id=\"report-data\">";
  payload.dump_to(html);
  html += "</script>\n<script>" + std::string(kDrawCharts) + "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace probsim
