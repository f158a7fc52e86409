// The report's issue-20 pieces without a browser: a plan drawn against its baseline for every unit,
// a comparison sorted by effect with its headline KPIs first, a sweep's points and keys named by
// labels with headline KPIs chosen by what it varies, and the size caps that keep a big sweep's or a
// big run's page small, each saying what it left out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "report/chart_limits.hpp"
#include "report/chart_specs.hpp"
#include "report/comparison_order.hpp"
#include "report/html_page.hpp"
#include "report/report_data.hpp"
#include "report/report_fixture.hpp"
#include "scratch_directory.hpp"

using namespace probsim;
using probsim::testing::write_batch;
using probsim::testing::write_text;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  return probsim::testing::scratch_directory("probsim-report-plan", name);
}

const Chart* find_chart(const std::vector<Chart>& charts, const std::string& id) {
  const auto it = std::find_if(charts.begin(), charts.end(), [&](const Chart& c) { return c.id == id; });
  return it == charts.end() ? nullptr : &*it;
}

const Json::Array& rows_of(const Chart& chart) {
  return *chart.spec.find("data")->find("values")->as_array();
}

std::string str(const Json& row, const char* field) {
  const Json* member = row.find(field);
  return member && member->as_string() ? *member->as_string() : "";
}
double num(const Json& row, const char* field) {
  const Json* member = row.find(field);
  return member && member->as_number() ? *member->as_number() : -1e300;
}

// The sweep chart's tables joined on the page by a lookup on `key`: "join" (point and key: the value and
// the legend entry) or "p" (the point's label).
const Json::Array& lookup_table(const Chart& chart, const std::string& key = "join") {
  for (const auto& step : *chart.spec.find("transform")->as_array())
    if (const Json* from = step.find("from"); from && str(*from, "key") == key)
      return *from->find("data")->find("values")->as_array();
  throw std::runtime_error("no lookup on " + key);
}

}  // namespace

TEST(ReportPlan, ABaselineRunIsDrawnWithThePlanForEveryUnitWithBothBands) {
  const fs::path base = scratch("overlay") / "base";
  const fs::path plan = scratch("overlay_plan") / "plan";
  probsim::testing::write_bbr_rag_run(base);
  probsim::testing::write_bbr_rag_run(plan);
  const ReportData data = read_report_data(plan, base);
  ASSERT_TRUE(data.baseline);
  EXPECT_TRUE(data.baseline->has_ci);
  EXPECT_EQ(data.baseline->name, "bbr_rag_fixture");
  const auto charts = build_charts(data);
  for (const char* id : {"chart-overlay-caseload", "chart-overlay-rag", "chart-overlay-bbr-waiting-list"}) {
    const Chart* chart = find_chart(charts, id);
    ASSERT_NE(chart, nullptr) << id;
    EXPECT_EQ(chart->section, "overlay");
    // Every unit the run has a series for has both runs' months, each with a CI band.
    std::map<std::string, std::map<std::string, std::size_t>> months;  // unit → run → months
    for (const auto& row : rows_of(*chart)) {
      ++months[str(row, "unit")][str(row, "run")];
      EXPECT_GT(num(row, "hi"), -1e300) << id;
    }
    ASSERT_FALSE(months.empty()) << id;
    for (const auto& [unit, runs] : months) {
      ASSERT_EQ(runs.size(), 2u) << id << " " << unit;
      EXPECT_EQ(runs.at("baseline"), 6u) << id << " " << unit;
      EXPECT_EQ(runs.at("plan (this run)"), 6u) << id << " " << unit;
    }
  }
  // rag_status is per PDU: the overlay offers each PDU.
  std::set<std::string> rag_units;
  for (const auto& row : rows_of(*find_chart(charts, "chart-overlay-rag")))
    rag_units.insert(str(row, "unit"));
  EXPECT_EQ(rag_units, (std::set<std::string>{"PDU: Alpha", "PDU: Bravo", "PDU: Charlie"}));
  // Without a baseline there is no overlay.
  const auto without = build_charts(read_report_data(plan));
  EXPECT_EQ(find_chart(without, "chart-overlay-caseload"), nullptr);
}

TEST(ReportPlan, ComparisonMonthlyGivesTheBaselineMeansWhenNoBaselineRunIsGiven) {
  const fs::path plan = scratch("overlay_monthly") / "plan";
  probsim::testing::write_bbr_rag_run(plan);
  write_text(plan / "comparison.csv",
             "level,unit,kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n"
             "national,national,caseload_mean,2,800,900,100,5,60,140,true\n");
  write_text(
      plan / "comparison_monthly.csv",
      "level,unit,metric,date,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n"
      "pdu,Alpha,caseload,2024-02-29,2,290,312,22,1,13,31,true\n"
      "pdu,Alpha,caseload,2024-01-31,2,280,301.5,21.5,1,12.5,30.5,true\n");
  const ReportData data = read_report_data(plan);
  ASSERT_TRUE(data.baseline);
  EXPECT_FALSE(data.baseline->has_ci);
  const auto charts = build_charts(data);
  const Chart* chart = find_chart(charts, "chart-overlay-caseload");
  ASSERT_NE(chart, nullptr);
  std::vector<std::pair<std::string, double>> baseline;
  for (const auto& row : rows_of(*chart))
    if (str(row, "run") == "baseline") {
      baseline.emplace_back(str(row, "unit") + " " + str(row, "date"), num(row, "mean"));
      EXPECT_EQ(row.find("lo"), nullptr);  // no band: only the base mean is known
    }
  EXPECT_EQ(baseline, (std::vector<std::pair<std::string, double>>{{"PDU: Alpha 2024-01-31", 280},
                                                                   {"PDU: Alpha 2024-02-29", 290}}));
}

TEST(ReportPlan, ComparisonIsSortedByEffectPerUnitWithHeadlineKpisShownFirst) {
  const fs::path dir = scratch("sorted");
  // Relative effects, national: leavers +50%, caseload_mean +10%, workload_pct_mean -20%,
  // reviews_on_time_share +2%; joiners has a base mean of 0 (no relative effect).
  // PDU Alpha: caseload_mean -30%, workload_pct_mean +5%.
  write_text(dir / "comparison.csv",
             "level,unit,kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n"
             "national,national,caseload_mean,4,100,110,10,2,6,14,true\n"
             "national,national,leavers,4,10,15,5,1,4,6,true\n"
             "national,national,joiners,4,0,3,3,1,2,4,true\n"
             "national,national,workload_pct_mean,4,100,80,-20,2,-24,-16,true\n"
             "national,national,reviews_on_time_share,4,0.5,0.51,0.01,0.02,-0.01,0.03,false\n"
             "pdu,Alpha,caseload_mean,4,10,7,-3,1,-4,-2,true\n"
             "pdu,Alpha,workload_pct_mean,4,100,105,5,1,4,6,true\n");
  std::vector<ComparisonRow> national;
  const ReportData data = read_report_data(dir / "comparison.csv");
  for (const auto& row : data.comparison)
    if (row.level == "national") national.push_back(row);
  std::vector<std::string> order;
  for (const std::size_t i : order_by_effect(national)) order.push_back(national[i].kpi);
  EXPECT_EQ(order, (std::vector<std::string>{"leavers", "workload_pct_mean", "caseload_mean",
                                             "reviews_on_time_share", "joiners"}));

  const auto charts = build_charts(data);
  const Chart* chart = find_chart(charts, "chart-comparison");
  ASSERT_NE(chart, nullptr);
  std::map<std::string, std::vector<std::pair<double, std::string>>> by_unit;
  std::map<std::string, bool> headline;
  for (const auto& row : rows_of(*chart)) {
    by_unit[str(row, "unit")].emplace_back(num(row, "rank"), str(row, "kpi"));
    headline[str(row, "kpi")] =
        row.find("headline")->as_bool() != nullptr && *row.find("headline")->as_bool();
  }
  for (auto& [unit, ranked] : by_unit) std::sort(ranked.begin(), ranked.end());
  auto kpis_of = [&](const std::string& unit) {
    std::vector<std::string> kpis;
    for (const auto& [rank, kpi] : by_unit[unit]) kpis.push_back(kpi);
    return kpis;
  };
  EXPECT_EQ(kpis_of("National"), (std::vector<std::string>{"leavers", "workload_pct_mean", "caseload_mean",
                                                           "reviews_on_time_share"}));
  EXPECT_EQ(kpis_of("PDU: Alpha"), (std::vector<std::string>{"caseload_mean", "workload_pct_mean"}));
  EXPECT_FALSE(headline["leavers"]);
  EXPECT_TRUE(headline["workload_pct_mean"]);
  // The chart's y order is the rank, and by default it shows the headline KPIs only.
  EXPECT_NE(chart->spec.dump().find("\"value\":\"headline KPIs\""), std::string::npos);
  // The page's table: national rows, largest effect first.
  const std::string page = render_html_page(data, build_charts(data));
  const auto at = [&](const std::string& kpi) { return page.find("<tr><td>" + kpi + "</td>"); };
  EXPECT_LT(at("leavers"), at("workload_pct_mean"));
  EXPECT_LT(at("workload_pct_mean"), at("caseload_mean"));
  EXPECT_LT(at("reviews_on_time_share"), at("joiners"));
}

TEST(ReportSweep, PointsAndKeysAreNamedByLabelsAndTheHeadlineFollowsWhatIsVaried) {
  const std::string key = "regions.0.pdus.Durham.staff.2.headcount";
  const std::vector<std::string> kpis = {"workload_pct_mean", "bbr_completions", "bbr_waiting_list_end"};
  {
    // Nothing declared: the key's label names the grade of staff.2, the points are "label=value", and
    // a facilitator sweep opens on BBR completions, not on workload.
    const fs::path dir = scratch("sweep_derived");
    write_batch(dir, "parameters: {" + key + ": [1, 2, 3]}\n", {key}, 3, kpis);
    const ReportData data = read_report_data(dir);
    ASSERT_TRUE(data.sweep);
    EXPECT_EQ(data.sweep->key_labels, std::vector<std::string>{"facilitator headcount"});
    EXPECT_EQ(data.sweep->points[1].label, "facilitator headcount=2");
    ASSERT_FALSE(data.sweep->headline_kpis.empty());
    EXPECT_EQ(data.sweep->headline_kpis.front(), "bbr_completions");
    const auto charts = build_charts(data);
    const Chart* chart = find_chart(charts, "chart-sweep");
    ASSERT_NE(chart, nullptr);
    std::set<std::string> labels;
    for (const auto& row : lookup_table(*chart, "p")) labels.insert(str(row, "label"));
    EXPECT_EQ(labels, (std::set<std::string>{"facilitator headcount=1", "facilitator headcount=2",
                                             "facilitator headcount=3"}));
    // The KPI menu starts with the headline KPI.
    const std::string spec = chart->spec.dump();
    EXPECT_NE(spec.find("\"name\":\"kpi\",\"value\":\"bbr_completions\""), std::string::npos)
        << spec.substr(0, 400);
    EXPECT_EQ(spec.find(key), std::string::npos);  // no key path in the chart: labels only
  }
  {
    // Declared: the sweep's labels and headline KPIs win.
    const fs::path dir = scratch("sweep_declared");
    write_batch(dir,
                "points:\n  - {label: small team, " + key + ": 1}\n  - {label: mid team, " + key +
                    ": 2}\n  - {label: large team, " + key + ": 3}\nlabels: {" + key +
                    ": facilitators}\nheadline_kpis: [workload_pct_mean]\n",
                {key}, 3, kpis);
    const ReportData data = read_report_data(dir);
    ASSERT_TRUE(data.sweep);
    EXPECT_EQ(data.sweep->key_labels, std::vector<std::string>{"facilitators"});
    EXPECT_EQ(data.sweep->points[2].label, "large team");
    EXPECT_EQ(data.sweep->headline_kpis, std::vector<std::string>{"workload_pct_mean"});
    const std::string page = render_html_page(data, build_charts(data));
    EXPECT_NE(page.find("<td>mid team</td>"), std::string::npos);
    EXPECT_NE(page.find(">facilitators</th>"), std::string::npos);
  }
}

TEST(ReportSweep, KeysSharingATailAreLabelledUpToWhereTheyDiffer) {
  const fs::path dir = scratch("sweep_tails");
  const std::vector<std::string> keys = {"regions.0.pdus.Durham.staff.0.headcount",
                                         "regions.0.pdus.Durham.staff.1.headcount",
                                         "regions.0.pdus.Durham.referrals_per_week"};
  write_batch(dir, "parameters: {}\n", keys, 2, {"caseload_mean"});
  const ReportData data = read_report_data(dir);
  EXPECT_EQ(data.sweep->key_labels,
            (std::vector<std::string>{"po headcount", "pso headcount", "referrals_per_week"}));
  EXPECT_EQ(data.sweep->points[0].label, "po headcount=1, pso headcount=2, referrals_per_week=3");
}

TEST(ReportSweep, ABigSweepIsCappedToItsHeadlineKpisWithAWarningAndItsPageStaysSmall) {
  const fs::path dir = scratch("sweep_big");
  std::vector<std::string> keys, kpis = {"bbr_completions", "bbr_waiting_list_end"};
  for (int k = 0; k < 24; ++k) keys.push_back("regions." + std::to_string(k) + ".pdus.P.staff.2.headcount");
  for (int i = 0; i < 300; ++i) kpis.push_back("kpi_" + std::to_string(i));
  write_batch(dir, "parameters: {}\nheadline_kpis: [bbr_completions, bbr_waiting_list_end]\n", keys, 100,
              kpis);
  const ReportData data = read_report_data(dir);
  std::vector<std::string> reductions;
  const auto charts = build_charts(data, reductions);
  const Chart* chart = find_chart(charts, "chart-sweep");
  ASSERT_NE(chart, nullptr);
  // 100 points x 302 KPIs = 30,200 rows is over the cap: the two headline KPIs are kept, and it says so.
  EXPECT_EQ(rows_of(*chart).size(), 200u);
  EXPECT_EQ(lookup_table(*chart).size(), 100u * kMaxSweepChartKeys);
  ASSERT_EQ(reductions.size(), 2u);
  EXPECT_NE(reductions[0].find("the first 12 of the 24 swept keys"), std::string::npos) << reductions[0];
  EXPECT_NE(reductions[1].find("offers 2 of its 302 KPIs (its headline KPIs)"), std::string::npos)
      << reductions[1];
  const std::string page = render_html_page(data, charts, reductions);
  EXPECT_NE(page.find("id=\"report-reductions\""), std::string::npos);
  // The libraries are about 0.8 MB; the sweep's data adds well under 1 MB more.
  EXPECT_LT(page.size(), 2'000'000u);
}

TEST(ReportSweep, ASmallSweepIsNotReduced) {
  const fs::path dir = scratch("sweep_small");
  write_batch(dir, "parameters: {}\n", {"regions.0.pdus.Durham.staff.2.headcount"}, 7,
              {"bbr_completions", "caseload_mean", "workload_pct_mean"});
  std::vector<std::string> reductions;
  const auto charts = build_charts(read_report_data(dir), reductions);
  EXPECT_TRUE(reductions.empty());
  ASSERT_NE(find_chart(charts, "chart-sweep"), nullptr);
  EXPECT_EQ(rows_of(*find_chart(charts, "chart-sweep")).size(), 21u);
}

TEST(ReportRun, TheExplorerOfABigRunKeepsNationalAndRegionalSeriesAndSaysSo) {
  const fs::path dir = scratch("explorer_big");
  write_text(dir / "summary.csv",
             "kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\ncaseload_mean,1,10,0,10,10,10,10,10\n");
  // 20 PDUs (under the PDU-series limit) x 40 metrics x 48 months = 38,400 PDU values, over the cap.
  std::string series = "replication,date,level,unit,metric,value\n";
  for (int month = 0; month < 48; ++month) {
    const std::string date = std::to_string(2020 + month / 12) + "-" + (month % 12 < 9 ? "0" : "") +
                             std::to_string(month % 12 + 1) + "-28";
    for (int m = 0; m < 40; ++m) {
      const std::string metric = "metric_" + std::to_string(m);
      for (int p = 0; p < 20; ++p)
        series += "1," + date + ",pdu,P" + std::to_string(p) + "," + metric + ",1\n";
      series +=
          "1," + date + ",region,R," + metric + ",20\n1," + date + ",national,national," + metric + ",20\n";
    }
  }
  write_text(dir / "timeseries.csv", series);
  const ReportData data = read_report_data(dir);
  ASSERT_FALSE(data.pdu_series_dropped);
  std::vector<std::string> reductions;
  const auto charts = build_charts(data, reductions);
  ASSERT_NE(find_chart(charts, "chart-explorer"), nullptr);
  const auto& rows = rows_of(*find_chart(charts, "chart-explorer"));
  EXPECT_EQ(rows.size(), 48u * 40u * 2u);
  for (const auto& row : rows) EXPECT_EQ(str(row, "unit").rfind("PDU", 0), std::string::npos);
  ASSERT_EQ(reductions.size(), 1u);
  EXPECT_NE(reductions[0].find("national and regional series only"), std::string::npos) << reductions[0];
}

TEST(ReportRun, TheStaffChartTakesTheCataloguesStaffingMetricsInFte) {
  const fs::path dir = scratch("staff");
  write_text(dir / "summary.csv",
             "kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\ncaseload_mean,1,10,0,10,10,10,10,10\n");
  // in_post_fte_<grade> and establishment_fte_<grade> are the catalogue's staffing families in FTE;
  // vacancy_pct is in the staffing group but in %, and in_post_headcount_po is in no catalogue entry:
  // neither is drawn.
  write_text(dir / "timeseries.csv",
             "replication,date,level,unit,metric,value\n"
             "1,2024-01-31,national,national,in_post_fte_po,9\n"
             "1,2024-01-31,national,national,establishment_fte_po,10\n"
             "1,2024-01-31,national,national,in_post_fte_pso,0\n"
             "1,2024-01-31,national,national,establishment_fte_pso,0\n"
             "1,2024-01-31,national,national,vacancy_pct,10\n"
             "1,2024-01-31,national,national,in_post_headcount_po,9\n");
  const auto charts = build_charts(read_report_data(dir));
  const Chart* staff = find_chart(charts, "chart-staff");
  ASSERT_NE(staff, nullptr);
  std::set<std::string> lines;
  for (const auto& row : rows_of(*staff)) lines.insert(str(row, "grade") + "/" + str(row, "measure"));
  // The pso grade is 0 throughout and left out, as before.
  EXPECT_EQ(lines, (std::set<std::string>{"po/in post", "po/establishment"}));
}

TEST(ReportPlan, ABaselineThatIsNotARunOrAPlanThatIsNotARunIsRefusedNamingThePath) {
  const fs::path dir = scratch("baseline_refused");
  probsim::testing::write_bbr_rag_run(dir / "plan");
  fs::create_directories(dir / "empty");
  auto message = [](const fs::path& path, const fs::path& baseline) -> std::string {
    try {
      (void)read_report_data(path, baseline);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  };
  const std::string no_run = message(dir / "plan", dir / "empty");
  EXPECT_NE(no_run.find((dir / "empty").string() + ": is not a finished run"), std::string::npos) << no_run;
  write_batch(dir / "batch", "parameters: {}\n", {"a.b"}, 1, {"caseload_mean"});
  const std::string batch = message(dir / "batch", dir / "plan");
  EXPECT_NE(batch.find("is not a run directory; --baseline"), std::string::npos) << batch;
}
