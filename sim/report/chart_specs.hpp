#pragma once
// The report's charts as Vega-Lite specifications, each with its data inline. Which charts exist
// depends only on the metrics the run has (docs/guides/reports.md lists the rules):
//   - monthly time series for caseload, staff in post against establishment by grade (the metric
//     catalogue's staffing group in FTE), workload and review timeliness, when those metrics exist;
//   - the plan against its baseline, both lines per chosen unit, when the report has a baseline;
//   - BBR charts from KPIs and monthly metrics by their catalogue chart group;
//   - the RAG heat map from the per-PDU monthly metric `rag_status` (0 green, 1 amber, 2 red);
//   - a comparison's paired differences sorted by effect, and a sweep's KPI against each swept
//     parameter, its points named by their labels;
//   - a chart of any monthly metric, chosen on the page.
// Each chart's data is capped (chart_limits.hpp); what a cap leaves out is said in `reductions`.

#include <string>
#include <vector>

#include "report/json.hpp"
#include "report/report_data.hpp"

namespace probsim {

struct Chart {
  std::string id;       // the page element's id; stable, tests look for it
  std::string section;  // one of the ids in report_sections()
  std::string title;
  std::string caption;  // how to read it, one or two sentences
  Json spec;            // Vega-Lite, data inline
};

struct ReportSection {
  std::string id;
  std::string title;
};
// Every section a page can have, in page order.
[[nodiscard]] const std::vector<ReportSection>& report_sections();

[[nodiscard]] std::vector<Chart> build_charts(const ReportData& data);
// The same, adding to `reductions` one sentence per chart whose data a size cap reduced.
[[nodiscard]] std::vector<Chart> build_charts(const ReportData& data, std::vector<std::string>& reductions);

// The colours of the RAG heat map, also used by the page's legend text.
inline constexpr const char* kRagGreen = "#2e7d32";
inline constexpr const char* kRagAmber = "#f0a30a";
inline constexpr const char* kRagRed = "#c62828";

}  // namespace probsim
