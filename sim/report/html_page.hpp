#pragma once
// The report as one self-contained HTML page: styles, the charting libraries, the charts' data and
// specifications are all inside it, and it references no other file or address, so it opens offline
// and can be mailed or archived as it is.
//
// When every chart has been drawn the page marks itself for automated checks (tests/e2e/report_test):
// <body data-charts-expected="N" data-charts-rendered="N" data-console-errors="E">, and each chart's
// element gets data-rendered="true" and data-marks="M" (the number of drawn data marks). Script errors
// and console.error messages are also listed in <pre id="report-errors">.

#include <string>
#include <vector>

#include "report/chart_specs.hpp"
#include "report/report_data.hpp"

namespace probsim {

// `reductions`: what a size cap left out (build_charts), listed at the top of the page.
[[nodiscard]] std::string render_html_page(const ReportData& data, const std::vector<Chart>& charts,
                                           const std::vector<std::string>& reductions = {});

}  // namespace probsim
