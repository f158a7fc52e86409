// Results by unit (docs/outputs-by-unit.md): kpis.csv and summary.csv hold the nation's KPIs first and
// then each region's, PDU's and interventions team's; the counts add up across units to the nation's;
// `run --by/--kpis` prints the chosen ones, shares as percentages; `compare --by pdu` of a run with
// itself is zero for every unit, KPI and month.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

const std::string kShortRun =
    "run scenarios/example_pdu.yaml --set simulation.report_end=2023-06-30 --set simulation.warm_up_weeks=8 ";

// kpis.csv: (replication, level, kpi) → unit → value.
using ByUnit = std::map<std::tuple<std::string, std::string, std::string>, std::map<std::string, double>>;
ByUnit kpis_by_unit(const fs::path& run) {
  ByUnit out;
  for (const auto& f : csv_rows(run / "kpis.csv")) out[{f[0], f[1], f[3]}][f[2]] = std::stod(f[4]);
  return out;
}

}  // namespace

TEST(ResultsByUnit, CountsAddUpFromPdusAndTeamsToTheNation) {
  const auto dir = fresh_directory("units_add_up");
  const CommandResult r = run_probsim(kShortRun + "--reps 3 --quiet --out " + quoted(dir / "run"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  const ByUnit kpis = kpis_by_unit(dir / "run");
  const auto first = csv_rows(dir / "run" / "kpis.csv").front();
  EXPECT_EQ(first[1], "national") << "the nation's rows come first";

  // Flows and end-of-window stocks of PDUs, and flows of interventions teams: additive.
  const std::vector<std::string> pdu_counts = {"referrals",
                                               "caseload_start",
                                               "caseload_end",
                                               "terminations_sentence_end",
                                               "terminations_early",
                                               "unallocated_end",
                                               "reallocations",
                                               "leavers",
                                               "joiners",
                                               "reviews_due",
                                               "contacts_required",
                                               "contacts_missed",
                                               "tasks_cancelled",
                                               "court_reports_due",
                                               "pdu_days_red",
                                               "pdu_days_amber",
                                               "pdu_days_green",
                                               "staff_in_post_fte"};
  const std::vector<std::string> team_counts = {"bbr_requirements",     "bbr_starts",      "bbr_completions",
                                                "bbr_waiting_list_end", "si_requirements", "daso_referrals"};
  int checked = 0;
  for (const std::string rep : {"1", "2", "3"}) {
    auto sum = [&](const std::string& level, const std::string& kpi) {
      double total = 0;
      for (const auto& [unit, value] : kpis.at({rep, level, kpi})) total += value;
      return total;
    };
    for (const auto& kpi : pdu_counts) {
      const double national = kpis.at({rep, "national", kpi}).at("national");
      EXPECT_EQ(kpis.at({rep, "pdu", kpi}).size(), 3u) << kpi;
      EXPECT_NEAR(sum("pdu", kpi), national, 1e-6 * std::max(1.0, national)) << kpi << " rep " << rep;
      EXPECT_NEAR(sum("region", kpi), national, 1e-6 * std::max(1.0, national)) << kpi << " rep " << rep;
      ++checked;
    }
    for (const auto& kpi : team_counts) {
      const double national = kpis.at({rep, "national", kpi}).at("national");
      EXPECT_EQ(sum("team", kpi), national) << kpi << " rep " << rep;
      ++checked;
    }
    // BBR by the PDU that made the requirement.
    for (const std::string kpi :
         {"bbr_requirements", "bbr_waiting_list_end", "bbr_waiting_over_52_weeks_end"}) {
      EXPECT_EQ(kpis.at({rep, "pdu", kpi}).size(), 3u) << kpi;
      EXPECT_EQ(sum("pdu", kpi), kpis.at({rep, "national", kpi}).at("national")) << kpi << " rep " << rep;
      ++checked;
    }
    // Not trivially zero: each PDU has its own referrals.
    for (const auto& [unit, value] : kpis.at({rep, "pdu", "referrals"})) EXPECT_GT(value, 0.0) << unit;
  }
  EXPECT_EQ(checked, 3 * 27);

  // summary.csv: one row per unit and KPI, the nation first, each with the replications' n.
  const auto summary = csv_rows(dir / "run" / "summary.csv");
  EXPECT_EQ(summary.front()[0], "national");
  std::set<std::string> units;
  for (const auto& f : summary) {
    units.insert(f[0] + "/" + f[1]);
    EXPECT_EQ(f[3], "3") << f[0] << " " << f[1] << " " << f[2];
  }
  EXPECT_EQ(units, (std::set<std::string>{"national/national", "region/Example region", "pdu/Northgate",
                                          "pdu/Eastmoor", "pdu/Southbridge", "team/Example region"}));
}

TEST(ResultsByUnit, TheConsolePrintsTheChosenUnitsAndKpisWithSharesAsPercentages) {
  const auto dir = fresh_directory("units_console");
  const CommandResult r = run_probsim(
      kShortRun + "--reps 2 --by pdu --kpis 'reviews_on_time*,referrals' --out " + quoted(dir / "run"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  for (const char* heading : {"National", "pdu Northgate", "pdu Eastmoor", "pdu Southbridge"})
    EXPECT_NE(r.output.find(heading), std::string::npos) << heading << "\n" << r.output;
  EXPECT_EQ(r.output.find("region Example region"), std::string::npos) << "--by pdu: no region table";
  EXPECT_EQ(r.output.find("caseload_mean"), std::string::npos) << "--kpis chose two KPIs";
  // A share: a percentage with one decimal, e.g. "93.4%   [ 90.1%,  96.7%]".
  EXPECT_TRUE(std::regex_search(
      r.output, std::regex(R"(reviews_on_time_share +-?\d+\.\d% +\[ *-?\d+\.\d%, +-?\d+\.\d%\])")))
      << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(referrals +\d+\.\d\d )"))) << r.output;
  // In --kpis' order, not the file's (where referrals comes first), in the nation's table and a PDU's.
  for (const char* heading : {"National", "pdu Eastmoor"}) {
    const std::size_t table = r.output.find(heading);
    ASSERT_NE(table, std::string::npos) << heading;
    EXPECT_LT(r.output.find("reviews_on_time_share", table), r.output.find("referrals", table))
        << heading << "\n"
        << r.output;
  }

  const CommandResult bad = run_probsim(kShortRun + "--reps 1 --by county --out " + quoted(dir / "bad"));
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.output.find("--by takes region, pdu, team or all"), std::string::npos) << bad.output;
}

TEST(ResultsByUnit, CompareByPduOfARunWithItselfIsZeroForEveryUnitKpiAndMonth) {
  const auto dir = fresh_directory("units_compare");
  ASSERT_EQ(run_probsim(kShortRun + "--reps 3 --quiet --out " + quoted(dir / "run")).exit_status, 0);
  const CommandResult r = run_probsim("compare " + quoted(dir / "run") + " " + quoted(dir / "run") +
                                      " --by pdu --kpis 'reviews_on_time_share,referrals' --out " +
                                      quoted(dir / "comparison.csv"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("pdu Southbridge"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("are the same run, so every difference is 0"), std::string::npos) << r.output;
  // --kpis' order, as `run` prints it: the reviews before referrals, which come first in the file.
  const std::size_t southbridge = r.output.find("pdu Southbridge");
  EXPECT_LT(r.output.find("reviews_on_time_share", southbridge), r.output.find("referrals", southbridge))
      << r.output;
  const CommandResult none = run_probsim("compare " + quoted(dir / "run") + " " + quoted(dir / "run") +
                                         " --kpis 'zzz*' --out " + quoted(dir / "none.csv"));
  // A pattern no KPI can match is a misspelling: refused before the comparison, which is not written.
  EXPECT_EQ(none.exit_status, 2) << none.output;
  EXPECT_NE(none.output.find("--kpis: no KPI matches 'zzz*'"), std::string::npos) << none.output;
  EXPECT_FALSE(fs::exists(dir / "none.csv"));
  EXPECT_NE(r.output.find("0.0%"), std::string::npos) << "shares as percentages:\n" << r.output;

  std::set<std::string> levels, pdus;
  std::size_t rows = 0;
  for (const auto& f : csv_rows(dir / "comparison.csv")) {
    // level,unit,kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero
    levels.insert(f[0]);
    if (f[0] == "pdu") pdus.insert(f[1]);
    EXPECT_EQ(f[3], "3");
    EXPECT_EQ(f[4], f[5]) << f[1] << " " << f[2];
    for (int column : {6, 7, 8, 9}) EXPECT_EQ(f[column], "0") << f[1] << " " << f[2] << " column " << column;
    EXPECT_EQ(f[10], "false");
    ++rows;
  }
  EXPECT_EQ(levels, (std::set<std::string>{"national", "pdu"}));
  EXPECT_EQ(pdus, (std::set<std::string>{"Northgate", "Eastmoor", "Southbridge"}));
  EXPECT_GT(rows, 4 * 50u);

  std::set<std::string> months;
  std::size_t monthly = 0;
  for (const auto& f : csv_rows(dir / "comparison_monthly.csv")) {
    // level,unit,metric,date,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero
    EXPECT_TRUE(f[0] == "national" || f[0] == "pdu") << f[0];
    months.insert(f[3]);
    for (int column : {7, 8, 9, 10}) EXPECT_EQ(f[column], "0") << f[1] << " " << f[2] << " " << f[3];
    ++monthly;
  }
  EXPECT_EQ(months.size(), 6u) << "January to June 2023";
  EXPECT_GT(monthly, 4 * 6 * 20u);
}

// timeseries_summary.csv against the replications' own values in timeseries.csv, worked out here:
// every (unit, metric, month) once, with the mean, the Student-t 95% CI and the type-7 p5 and p95.
TEST(ResultsByUnit, TimeseriesSummaryHasTheMeanCiAndPercentilesOfEverySeriesPoint) {
  const auto dir = fresh_directory("units_timeseries_summary");
  ASSERT_EQ(run_probsim(kShortRun + "--reps 4 --quiet --out " + quoted(dir / "run")).exit_status, 0);
  std::map<std::vector<std::string>, std::vector<double>> values;  // level, unit, metric, date
  for (const auto& f : csv_rows(dir / "run" / "timeseries.csv"))
    values[{f[2], f[3], f[4], f[1]}].push_back(std::stod(f[5]));
  const double t = boost::math::quantile(boost::math::students_t_distribution<double>(3), 0.975);
  std::size_t rows = 0;
  std::set<std::string> levels;
  for (const auto& f : csv_rows(dir / "run" / "timeseries_summary.csv")) {
    // level,unit,metric,date,n,mean,sd,ci95_low,ci95_high,p5,p50,p95
    const auto found = values.find({f[0], f[1], f[2], f[3]});
    ASSERT_NE(found, values.end()) << f[0] << " " << f[1] << " " << f[2] << " " << f[3];
    std::vector<double> v = found->second;
    ASSERT_EQ(v.size(), 4u);
    EXPECT_EQ(f[4], "4");
    double mean = 0;
    for (double x : v) mean += x / 4.0;
    double ss = 0;
    for (double x : v) ss += (x - mean) * (x - mean);
    const double half = t * std::sqrt(ss / 3.0) / 2.0;
    const double tolerance = 1e-6 * std::max(1.0, std::abs(mean));
    EXPECT_NEAR(std::stod(f[5]), mean, tolerance) << f[2];
    EXPECT_NEAR(std::stod(f[7]), mean - half, tolerance) << f[2];
    EXPECT_NEAR(std::stod(f[8]), mean + half, tolerance) << f[2];
    std::sort(v.begin(), v.end());
    EXPECT_NEAR(std::stod(f[9]), v[0] + 0.15 * (v[1] - v[0]), tolerance) << "p5 of 4: 0.15 of the way";
    EXPECT_NEAR(std::stod(f[11]), v[2] + 0.85 * (v[3] - v[2]), tolerance) << "p95 of 4";
    levels.insert(f[0]);
    ++rows;
  }
  EXPECT_EQ(rows, values.size()) << "one row per unit, metric and month";
  EXPECT_EQ(levels, (std::set<std::string>{"national", "region", "pdu", "team"}));
}

// leave_red.csv against the monthly rag_status series: per PDU, the replications never red, red at the
// last month end, and otherwise leaving red at the first month end from which it is never red again
// (found here by walking back from the end); the median month is the lower median of those.
// rag_example: Ashford's recruitment plan brings it back in every replication, its twin without the
// plan stays red.
TEST(ResultsByUnit, LeaveRedTableMatchesTheMonthlyRagStatusSeries) {
  const auto dir = fresh_directory("units_leave_red");
  const CommandResult r = run_probsim(
      "run scenarios/rag_example.yaml --reps 4 --jobs 2 --kpis pdu_days_red --out " + quoted(dir / "run"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("When each PDU leaves red"), std::string::npos) << r.output;

  std::map<std::string, std::map<std::string, std::vector<std::pair<std::string, int>>>> series;  // pdu → rep
  for (const auto& f : csv_rows(dir / "run" / "timeseries.csv"))
    if (f[2] == "pdu" && f[4] == "rag_status") series[f[3]][f[0]].push_back({f[1], std::stoi(f[5])});
  ASSERT_EQ(series.size(), 2u);

  std::map<std::string, std::vector<std::string>> table;
  for (const auto& f : csv_rows(dir / "run" / "leave_red.csv")) table[f[0]] = f;
  ASSERT_EQ(table.size(), 2u);
  for (const auto& [pdu, by_rep] : series) {
    std::size_t never = 0, still = 0, left = 0;
    std::vector<std::string> left_on;
    for (auto [rep, months] : by_rep) {
      std::sort(months.begin(), months.end());
      if (std::none_of(months.begin(), months.end(), [](const auto& m) { return m.second == 2; })) {
        ++never;
      } else if (months.back().second == 2) {
        ++still;
      } else {
        ++left;
        std::size_t i = months.size();
        while (i > 0 && months[i - 1].second != 2) --i;  // months[i..] are not red; months[i-1] is
        left_on.push_back(months[i].first);
      }
    }
    std::sort(left_on.begin(), left_on.end());
    const auto& row = table.at(pdu);  // pdu,replications,never_red,left_red,still_red_at_end,median,last
    EXPECT_EQ(row[1], "4");
    EXPECT_EQ(row[2], std::to_string(never)) << pdu;
    EXPECT_EQ(row[3], std::to_string(left)) << pdu;
    EXPECT_EQ(row[4], std::to_string(still)) << pdu;
    EXPECT_EQ(row[5], left_on.empty() ? "" : left_on[(left_on.size() - 1) / 2]) << pdu;
    EXPECT_EQ(row[6], "2024-12-31");
  }
  EXPECT_EQ(table.at("Ashford")[3], "4") << "the plan brings Ashford back from red";
  EXPECT_GE(table.at("Ashford")[5], "2024-01-31") << "not before the plan starts in January 2024";
  EXPECT_EQ(table.at("Ashford (no plan)")[4], "4") << "without the plan it is still red at the end";

  // Each PDU is its own interventions team here: a PDU's BBR figures are its team's (the PDU a man's
  // requirement is counted in is the PDU that made it).
  const ByUnit kpis = kpis_by_unit(dir / "run");
  for (const std::string rep : {"1", "2", "3", "4"})
    for (const std::string kpi : {"bbr_requirements", "bbr_waiting_list_end"})
      for (const std::string pdu : {"Ashford", "Ashford (no plan)"}) {
        EXPECT_EQ(kpis.at({rep, "pdu", kpi}).at(pdu), kpis.at({rep, "team", kpi}).at(pdu + " team")) << pdu;
        EXPECT_GT(kpis.at({rep, "pdu", "bbr_requirements"}).at(pdu), 0.0);
      }
}

// A batch point writes the same timeseries_summary.csv and leave_red.csv as `probsim run` of that point.
TEST(ResultsByUnit, ABatchPointHasTheRunsTimeseriesSummaryAndLeaveRedTable) {
  const auto dir = fresh_directory("units_batch");
  const auto sweep = quoted(write_sweep(dir, small_sweep("units_batch", "")
                                                 .replace(small_sweep("units_batch", "").find("set: {"), 6,
                                                          "set: {prioritisation.enabled: true, ")));
  const CommandResult batch = run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet");
  ASSERT_EQ(batch.exit_status, 0) << batch.output;
  const CommandResult run = run_probsim(
      "run scenarios/example_pdu.yaml --reps 3 --seed 7 --quiet --set prioritisation.enabled=true --set "
      "simulation.report_end=2023-06-30 --set simulation.warm_up_weeks=8 --set "
      "regions.0.pdus.Southbridge.staff.0.headcount=9 --set regions.0.pdus.Northgate.referrals_per_week=7 "
      "--out " +
      quoted(dir / "run"));
  ASSERT_EQ(run.exit_status, 0) << run.output;
  for (const char* file : {"timeseries_summary.csv", "leave_red.csv"}) {
    ASSERT_TRUE(fs::exists(dir / "run" / file)) << file;
    EXPECT_EQ(read_file(dir / "batch" / "points" / "p0004" / file), read_file(dir / "run" / file)) << file;
  }
}
