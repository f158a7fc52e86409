// `probsim report` without a browser: which charts a run's metrics give (BBR and RAG sections from
// hand-made fixtures, since no model writes those metrics yet), the data the charts carry, the RAG
// status shown when replications disagree, JSON escaping, and a page that references nothing outside
// itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "report/chart_specs.hpp"
#include "report/embedded_scripts.hpp"
#include "report/html_page.hpp"
#include "report/json.hpp"
#include "report/report_data.hpp"
#include "report/report_fixture.hpp"
#include "scratch_directory.hpp"

using namespace probsim;
namespace fs = std::filesystem;

namespace {

fs::path temporary(const std::string& name) {
  return probsim::testing::scratch_directory("probsim-report-unit", name);
}

std::set<std::string> chart_ids(const std::vector<Chart>& charts) {
  std::set<std::string> ids;
  for (const auto& chart : charts) ids.insert(chart.id);
  return ids;
}

const Chart& chart(const std::vector<Chart>& charts, const std::string& id) {
  const auto it = std::find_if(charts.begin(), charts.end(), [&](const Chart& c) { return c.id == id; });
  if (it == charts.end()) throw std::runtime_error("no chart " + id);
  return *it;
}

const Json::Array& values_of(const Chart& chart) {
  const Json* data = chart.spec.find("data");
  if (!data || !data->find("values") || !data->find("values")->as_array())
    throw std::runtime_error(chart.id + " has no inline data");
  return *data->find("values")->as_array();
}

std::string text(const Json& row, const char* field) {
  const Json* member = row.find(field);
  return member && member->as_string() ? *member->as_string() : "";
}
double number(const Json& row, const char* field) {
  const Json* member = row.find(field);
  return member && member->as_number() ? *member->as_number() : -1e300;
}

}  // namespace

TEST(ReportModel, BbrAndRagMetricsGiveTheirSections) {
  const fs::path dir = temporary("bbr_rag");
  probsim::testing::write_bbr_rag_run(dir);
  const ReportData data = read_report_data(dir);
  EXPECT_EQ(data.kind, ReportKind::run);
  EXPECT_EQ(data.provenance.name, "bbr_rag_fixture");
  EXPECT_EQ(data.provenance.report_start, "2024-01-01");
  EXPECT_EQ(data.provenance.report_end, "2024-06-30");
  EXPECT_EQ(data.provenance.base_seed, "42");
  EXPECT_EQ(data.provenance.replications, 2u);

  const auto charts = build_charts(data);
  const std::set<std::string> expected = {
      "chart-caseload",          "chart-bbr-funnel",       "chart-bbr-exits",
      "chart-bbr-wait",          "chart-bbr-waiting-list", "chart-bbr-flows",
      "chart-bbr-monthly-exits", "chart-rag-heatmap",      "chart-explorer"};
  EXPECT_EQ(chart_ids(charts), expected);  // no staff, workload, timeliness, comparison or sweep charts

  // The funnel: requirements → starts → completions in that order, with their means and CIs.
  const auto& funnel = values_of(chart(charts, "chart-bbr-funnel"));
  ASSERT_EQ(funnel.size(), 3u);
  EXPECT_EQ(text(funnel[0], "label"), "requirements");
  EXPECT_EQ(text(funnel[1], "label"), "starts");
  EXPECT_EQ(text(funnel[2], "label"), "completions");
  EXPECT_DOUBLE_EQ(number(funnel[0], "mean"), 120);
  EXPECT_DOUBLE_EQ(number(funnel[0], "lo"), 108);
  EXPECT_DOUBLE_EQ(number(funnel[2], "hi"), 55);

  // Exits by reason, named without the bbr_ prefix; waiting-time statistics by their suffix.
  const auto& exits = values_of(chart(charts, "chart-bbr-exits"));
  ASSERT_EQ(exits.size(), 2u);
  EXPECT_EQ(text(exits[0], "label"), "exits_before_start");
  EXPECT_EQ(text(exits[1], "label"), "removed_non_attendance");
  const auto& waits = values_of(chart(charts, "chart-bbr-wait"));
  ASSERT_EQ(waits.size(), 2u);
  EXPECT_EQ(text(waits[0], "label"), "p50");
  EXPECT_EQ(text(waits[1], "label"), "p90");

  // The national waiting list: the mean over the two replications of the sum over PDUs.
  const auto& waiting = values_of(chart(charts, "chart-bbr-waiting-list"));
  bool found = false;
  for (const auto& row : waiting)
    if (text(row, "unit") == "National" && text(row, "date") == "2024-01-31") {
      EXPECT_DOUBLE_EQ(number(row, "mean"), (39 + 42) / 2.0);  // (10+12+14) + 3·r for r = 1, 2
      found = true;
    }
  EXPECT_TRUE(found);
}

TEST(ReportModel, RagHeatMapShowsTheMostFrequentStatusAndTheWorseOnATie) {
  const fs::path dir = temporary("rag");
  probsim::testing::write_bbr_rag_run(dir);
  const auto charts = build_charts(read_report_data(dir));
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> cells;
  for (const auto& row : values_of(chart(charts, "chart-rag-heatmap")))
    cells[{text(row, "pdu"), text(row, "month")}] = {text(row, "status"), text(row, "letter")};
  EXPECT_EQ(cells.size(), 18u);  // 3 PDUs × 6 months
  const std::pair<std::string, std::string> green{"green", "G"}, amber{"amber", "A"}, red{"red", "R"};
  EXPECT_EQ((cells[{"Alpha", "2024-06-30"}]), green);
  EXPECT_EQ((cells[{"Bravo", "2024-02-29"}]), green);
  EXPECT_EQ((cells[{"Bravo", "2024-03-31"}]), amber);
  EXPECT_EQ((cells[{"Charlie", "2024-03-31"}]), green);
  EXPECT_EQ((cells[{"Charlie", "2024-04-30"}]), red);  // 1 red, 1 green: the worse
  EXPECT_EQ((cells[{"Charlie", "2024-05-31"}]), red);
}

// Charts pick BBR metrics by the metric catalogue's chart group and unit, not by fragments of their
// names: the list counts (bbr_waiting_list_end, whose name starts "bbr_wait") stay off the waiting-time
// axis in weeks, and the monthly waits in weeks stay off the people-per-month flows.
TEST(ReportModel, BbrChartsTakeTheirMetricsFromTheCatalogue) {
  const fs::path dir = temporary("bbr_catalogue");
  probsim::testing::write_text(dir / "summary.csv",
                               "kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\n"
                               "bbr_wait_weeks_p50,1,12,0,12,12,12,12,12\n"
                               "bbr_waiting_list_end,1,40,0,40,40,40,40,40\n"
                               "bbr_waiting_over_52_weeks_end,1,4,0,4,4,4,4,4\n"
                               "bbr_ended_after_start,1,3,0,3,3,3,3,3\n");
  probsim::testing::write_text(dir / "timeseries.csv",
                               "replication,date,level,unit,metric,value\n"
                               "1,2024-01-31,national,national,bbr_starts,10\n"
                               "1,2024-01-31,national,national,bbr_start_wait_p50_weeks,9\n"
                               "1,2024-01-31,national,national,bbr_waiting_list,40\n");
  const auto charts = build_charts(read_report_data(dir));
  std::set<std::string> waits, exits, flows;
  for (const auto& row : values_of(chart(charts, "chart-bbr-wait"))) waits.insert(text(row, "label"));
  for (const auto& row : values_of(chart(charts, "chart-bbr-exits"))) exits.insert(text(row, "label"));
  EXPECT_EQ(waits, (std::set<std::string>{"p50"}));
  EXPECT_EQ(exits, (std::set<std::string>{"ended_after_start"}));
  const std::string flows_spec = chart(charts, "chart-bbr-flows").spec.dump();
  EXPECT_NE(flows_spec.find("\"starts\""), std::string::npos);
  EXPECT_EQ(flows_spec.find("start_wait"), std::string::npos);
}

TEST(ReportModel, NoBbrOrRagChartsWithoutTheirMetrics) {
  const fs::path dir = temporary("plain");
  probsim::testing::write_text(
      dir / "summary.csv",
      "kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\ncaseload_mean,1,10,0,10,10,10,10,10\n");
  probsim::testing::write_text(
      dir / "timeseries.csv",
      "replication,date,level,unit,metric,value\n1,2024-01-31,national,national,caseload,10\n"
      "1,2024-01-31,national,national,bbr_unrelated_total,3\n");
  const auto charts = build_charts(read_report_data(dir));
  EXPECT_EQ(chart_ids(charts), (std::set<std::string>{"chart-caseload", "chart-explorer"}));
}

TEST(ReportModel, RefusesWhatIsNotARunNamingThePath) {
  const fs::path dir = temporary("refuse");
  auto message = [](const fs::path& path) {
    try {
      (void)read_report_data(path);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_NE(message(dir / "missing").find((dir / "missing").string() + ": no such file"), std::string::npos);
  EXPECT_NE(message(dir).find(dir.string() + ": is not a finished run"), std::string::npos);
  probsim::testing::write_text(dir / "summary.csv", "kpi,mean\n");
  probsim::testing::write_text(dir / "timeseries.csv", "replication,date,level,unit,metric,value\n");
  EXPECT_NE(message(dir).find("summary.csv:1: the header is kpi,mean; expected kpi,n,mean"),
            std::string::npos)
      << message(dir);
}

TEST(ReportJson, EscapesForAScriptElementAndWritesNoNaN) {
  const Json value = Json::object({{"text", "</script><b>\"q\"\n"}, {"nan", std::nan("")}, {"n", 2.5}});
  EXPECT_EQ(value.dump(), R"({"text":"\u003c/script>\u003cb>\"q\"\n","nan":null,"n":2.5})");
}

TEST(ReportPage, CarriesItsLibrariesAndReferencesNothingOutside) {
  const fs::path dir = temporary("page");
  probsim::testing::write_bbr_rag_run(dir);
  const ReportData data = read_report_data(dir);
  const std::string page = render_html_page(data, build_charts(data));
  EXPECT_GT(vega_script().size(), 100000u);
  EXPECT_GT(vega_lite_script().size(), 100000u);
  EXPECT_GT(vega_embed_script().size(), 10000u);
  EXPECT_NE(page.find(std::string(vega_embed_script().substr(0, 200))), std::string::npos);
  // (The libraries' code mentions src= and addresses in strings; no element of the page loads any.)
  for (const char* outside :
       {"<script src", "<link ", " src=\"http", " href=\"http", "url(http", "sourceMappingURL"})
    EXPECT_EQ(page.find(outside), std::string::npos) << outside;
  EXPECT_NE(page.find("2024-01-01 to 2024-06-30 · 2 replications · base seed 42"), std::string::npos);
}

TEST(ReportModel, AComparisonFileAloneGivesTheComparisonChart) {
  const fs::path dir = temporary("comparison_file");
  probsim::testing::write_text(
      dir / "cmp.csv",
      "kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n"
      "caseload_mean,4,100,110,10,2,6.8,13.2,true\n"
      "leavers,4,0,1,1,1,-0.6,2.6,false\n");
  const ReportData data = read_report_data(dir / "cmp.csv");
  EXPECT_EQ(data.kind, ReportKind::comparison);
  EXPECT_EQ(data.provenance.replications, 4u);
  const auto charts = build_charts(data);
  EXPECT_EQ(chart_ids(charts), (std::set<std::string>{"chart-comparison"}));
  // As a percentage of the base mean; a KPI whose base mean is 0 has no such percentage.
  const auto& rows = values_of(chart(charts, "chart-comparison"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(number(rows[0], "diff_pct"), 10);
  EXPECT_DOUBLE_EQ(number(rows[0], "lo_pct"), 6.8);
  EXPECT_EQ(text(rows[0], "significance"), "95% CI excludes 0");
}

TEST(ReportModel, ANationalRunKeepsRegionalSeriesAndEveryPdusRagStatus) {
  const fs::path dir = temporary("national");
  probsim::testing::write_text(
      dir / "summary.csv",
      "kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\ncaseload_mean,1,10,0,10,10,10,10,10\n");
  std::string series = "replication,date,level,unit,metric,value\n";
  for (std::size_t p = 0; p <= kMaxPdusWithSeries; ++p) {
    series += "1,2024-01-31,pdu,P" + std::to_string(p) + ",caseload,5\n";
    series += "1,2024-01-31,pdu,P" + std::to_string(p) + ",rag_status," + std::to_string(p % 3) + "\n";
  }
  series += "1,2024-01-31,region,R,caseload,155\n1,2024-01-31,national,national,caseload,155\n";
  probsim::testing::write_text(dir / "timeseries.csv", series);
  const ReportData data = read_report_data(dir);
  EXPECT_TRUE(data.pdu_series_dropped);
  const auto charts = build_charts(data);
  EXPECT_EQ(values_of(chart(charts, "chart-rag-heatmap")).size(), kMaxPdusWithSeries + 1);
  std::set<std::string> units;
  for (const auto& row : values_of(chart(charts, "chart-caseload"))) units.insert(text(row, "unit"));
  EXPECT_EQ(units, (std::set<std::string>{"National", "Region: R"}));
}
