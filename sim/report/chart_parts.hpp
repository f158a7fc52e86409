#pragma once
// What the report's chart files share (internal to sim/report): the helpers that build Vega-Lite pieces,
// and one function per section, each adding its charts. chart_specs.cpp calls them in page order.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/chart_specs.hpp"

namespace probsim::chart {

using SeriesEntry = std::pair<const SeriesKey, std::vector<SeriesValue>>;

bool starts_with(const std::string& text, std::string_view prefix);
// A unit as the page names it: "National", "Region: X", "PDU: Y".
std::string unit_label(const SeriesKey& key);
// National first, then regions, then PDUs; each in file order otherwise.
void sort_unit_labels(std::vector<std::string>& units);
// The series of `metric` in `series`, national first, then regions, then PDUs, each in file order.
std::vector<const SeriesEntry*> series_of(const ReportData& data,
                                          const std::map<SeriesKey, std::vector<SeriesValue>>& series,
                                          const std::string& metric);
std::vector<const SeriesEntry*> series_of(const ReportData& data, const std::string& metric);

Json tooltip(std::initializer_list<std::pair<const char*, const char*>> fields, const char* format = ",.2f");
Json select_param(const std::string& name, const std::string& label, const std::vector<std::string>& options);
Json time_axis();

struct SeriesLine {
  std::string metric;
  std::string series;   // legend label
  std::string grade;    // staff chart only
  std::string measure;  // staff chart only
};
// Monthly lines with their 95% CI bands, one unit at a time (chosen on the page).
Json series_spec(const ReportData& data, const std::vector<SeriesLine>& lines, const std::string& y_title,
                 double scale, bool by_grade, bool zero = true);
// Bars (or points) with 95% CI rules, one per KPI, in the given order.
Json kpi_bars_spec(const ReportData& data, const std::vector<std::pair<std::string, std::string>>& kpis,
                   const std::string& category_title, const std::string& value_title, bool points);
// A KPI's or metric's label: its name without the prefix.
std::string suffix_after(const std::string& name, const std::string& prefix);

// Sections. `reductions` collects what a chart left out to keep the page small, one sentence each.
void add_timeseries_charts(const ReportData& data, std::vector<Chart>& charts);
void add_overlay_charts(const ReportData& data, std::vector<Chart>& charts);
void add_bbr_charts(const ReportData& data, std::vector<Chart>& charts);
void add_rag_chart(const ReportData& data, std::vector<Chart>& charts);
void add_comparison_chart(const ReportData& data, std::vector<Chart>& charts,
                          std::vector<std::string>& reductions);
void add_sweep_chart(const ReportData& data, std::vector<Chart>& charts,
                     std::vector<std::string>& reductions);
void add_explorer_chart(const ReportData& data, std::vector<Chart>& charts,
                        std::vector<std::string>& reductions);

}  // namespace probsim::chart
