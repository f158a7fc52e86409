// The workforce model through the probsim executable, over many replications: leavers follow the
// configured hazard (an oracle with a confidence interval), and the shipped staffing-plan scenario
// reports the contracted staff metrics at every level, with regions and the nation the sums of their
// PDUs.
#include <gtest/gtest.h>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) rows.push_back(probsim::parse_csv_line(line));
  return rows;
}

// kpis.csv's national rows as kpi → one value per replication, in replication order.
std::map<std::string, std::vector<double>> kpis_by_name(const std::filesystem::path& run) {
  std::map<std::string, std::vector<double>> out;
  for (const auto& row : read_csv(run / "kpis.csv"))  // replication,level,unit,kpi,value
    if (row[1] == "national") out[row[3]].push_back(std::stod(row[4]));
  return out;
}

double mean_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double variance_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  double s = 0.0;
  for (double x : v) s += (x - m) * (x - m);
  return s / static_cast<double>(v.size() - 1);
}

}  // namespace

// tests/scenarios/leaver_hazard.yaml: 120 POs at 0.5 a year and 80 PSOs at 0.2 a year, nobody replaced,
// over 365 days after a 13-week warm-up in which nobody may leave. Each person leaves on day
// report_start + floor(Exp(rate)), so the leavers of a grade are Binomial(N0, 1 − exp(−rate·365/365.25))
// exactly: 47.19 POs and 14.49 PSOs, 61.68 in all, with a binomial sd of 6.36 per replication. Over 200
// replications the standard error is 0.45 (0.7%): leaving in the warm-up (−8%), a rate per 365-day
// year read as per month or per week, the wrong grade's rate (PSO at 0.5: +50%) or double counting
// would all put the truth far outside the interval.
TEST(LeaverHazardOracle, MeanLeaversMatchTheConfiguredHazardWithinTheConfidenceInterval) {
  const int reps = 200;
  const auto out = fresh_directory("leavers") / "run";
  const CommandResult r =
      run_probsim("run tests/scenarios/leaver_hazard.yaml --reps " + std::to_string(reps) +
                  " --jobs 2 --quiet --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;

  const double years = 365.0 / 365.25;
  const double p_po = 1.0 - std::exp(-0.5 * years), p_pso = 1.0 - std::exp(-0.2 * years);
  const double expected_po = 120 * p_po, expected_pso = 80 * p_pso, expected = expected_po + expected_pso;
  const double binomial_variance = 120 * p_po * (1 - p_po) + 80 * p_pso * (1 - p_pso);
  ASSERT_NEAR(expected, 61.684, 1e-3);

  auto kpi = kpis_by_name(out);
  const std::vector<double>& leavers = kpi["leavers"];
  ASSERT_EQ(leavers.size(), static_cast<std::size_t>(reps));
  // Stock and flow in each replication: nobody joins, so leavers are the staff no longer in post.
  std::vector<double> po_leavers, pso_leavers;
  for (int i = 0; i < reps; ++i) {
    EXPECT_EQ(kpi["joiners"][i], 0.0);
    EXPECT_EQ(kpi["trainees_qualified"][i], 0.0);
    po_leavers.push_back(120.0 - kpi["po_in_post_fte"][i]);
    pso_leavers.push_back(80.0 - kpi["pso_in_post_fte"][i]);
    EXPECT_EQ(leavers[i], po_leavers.back() + pso_leavers.back()) << "replication " << i + 1;
  }

  // summary.csv's 95% CI is the Student-t interval of the replications' own values.
  std::map<std::string, std::vector<std::string>> summary;
  for (const auto& row : read_csv(out / "summary.csv"))  // level,unit,kpi,... : from kpi on
    if (row[0] == "national") summary[row[2]] = std::vector<std::string>(row.begin() + 2, row.end());
  ASSERT_TRUE(summary.count("leavers"));
  const auto& row = summary["leavers"];  // kpi,n,mean,sd,ci95_low,ci95_high,...
  EXPECT_EQ(row[1], std::to_string(reps));
  const double mean = mean_of(leavers), sd = std::sqrt(variance_of(leavers));
  const boost::math::students_t_distribution<double> t(reps - 1);
  const double standard_error = sd / std::sqrt(reps);
  EXPECT_NEAR(std::stod(row[2]), mean, 1e-9 * mean);
  EXPECT_NEAR(std::stod(row[4]), mean - boost::math::quantile(t, 0.975) * standard_error, 1e-6);
  EXPECT_NEAR(std::stod(row[5]), mean + boost::math::quantile(t, 0.975) * standard_error, 1e-6);
  EXPECT_LT(std::stod(row[5]) - std::stod(row[4]), 0.05 * expected) << "the interval is informative";

  // The truth lies in the Student-t interval of the mean. At 95% a correct model fails one seed in 20,
  // so a pinned seed would pass or fail by luck whenever the random streams change (base seed 1 gives
  // 62.69, [61.76, 63.62]: 2.1 standard errors high, while 6,000 replications under seeds 11 and 12
  // give 61.63 ± 0.08). The assertion uses 99.9% (±3.35 standard errors, 1.5 leavers or 2.5%), which
  // still rejects every error listed above; the 95% interval is printed.
  const double half_width_999 = boost::math::quantile(t, 0.9995) * standard_error;
  EXPECT_LE(mean - half_width_999, expected);
  EXPECT_GE(mean + half_width_999, expected);
  const bool in_95 = std::stod(row[4]) <= expected && expected <= std::stod(row[5]);

  // Each grade at its own rate: within four binomial standard errors.
  EXPECT_NEAR(mean_of(po_leavers), expected_po, 4 * std::sqrt(120 * p_po * (1 - p_po) / reps));
  EXPECT_NEAR(mean_of(pso_leavers), expected_pso, 4 * std::sqrt(80 * p_pso * (1 - p_pso) / reps));

  // The spread is binomial: (n − 1)s²/σ² is χ² with n − 1 degrees of freedom; accept its central 99.8%.
  // Leavers drawn once per replication for everyone together (all or none) would be far outside.
  const boost::math::chi_squared_distribution<double> chi2(reps - 1);
  const double statistic = (reps - 1) * variance_of(leavers) / binomial_variance;
  EXPECT_GT(statistic, boost::math::quantile(chi2, 0.001));
  EXPECT_LT(statistic, boost::math::quantile(chi2, 0.999));

  std::cout << "leavers: mean " << mean << " (expected " << expected << "), 95% CI [" << row[4] << ", "
            << row[5] << "] " << (in_95 ? "contains" : "misses") << " it, 99.9% CI [" << mean - half_width_999
            << ", " << mean + half_width_999 << "], sd " << sd << " (binomial "
            << std::sqrt(binomial_variance) << "); PO " << mean_of(po_leavers) << " (" << expected_po
            << "), PSO " << mean_of(pso_leavers) << " (" << expected_pso << ")\n";
}

// The two-region twin fixture (once the shipped staffing-plan example) end to end: every contracted staff
// metric at every level, and the region and national rows the sums of their PDUs' rows at every date in every
// replication.
TEST(TwinRegionsFixture, TimeSeriesHasTheStaffMetricsAndRegionsAndNationSumTheirPdus) {
  const std::string scenario_path = "tests/scenarios/twin_regions.yaml";
  probsim::Diagnostics diagnostics;
  const auto loaded = probsim::load_scenario(source_path(scenario_path), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const probsim::Scenario& scenario = loaded->scenario;
  std::map<std::string, std::string> region_of;  // PDU → region
  std::map<std::string, const probsim::PduSpec*> pdu_spec;
  for (const auto& region : scenario.regions)
    for (const auto& pdu : region.pdus) {
      region_of[pdu.name] = region.name;
      pdu_spec[pdu.name] = &pdu;
    }

  const int reps = 3;
  const auto out = fresh_directory("staffing-plan") / "run";
  const CommandResult r = run_probsim("run " + scenario_path + " --reps " + std::to_string(reps) +
                                      " --jobs 2 --quiet --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;

  // (replication, date, level, unit) → metric → value
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, std::map<std::string, double>> rows;
  std::set<std::string> dates;
  for (const auto& f : read_csv(out / "timeseries.csv")) {
    if (f[2] == "team") continue;  // interventions teams carry only intervention metrics
    rows[{f[0], f[1], f[2], f[3]}][f[4]] = std::stod(f[5]);
    dates.insert(f[1]);
  }
  std::vector<std::string> staff_metrics = {"vacancy_pct",
                                            "leavers",
                                            "joiners",
                                            "workload_pct_mean",
                                            "practitioners_over_110pct_share",
                                            "workload_pct_p10",
                                            "workload_pct_p25",
                                            "workload_pct_p50",
                                            "workload_pct_p75",
                                            "workload_pct_p90",
                                            "workload_pct_over_110_share"};
  for (std::string_view grade : probsim::kGradeNames) {
    staff_metrics.push_back("in_post_fte_" + std::string(grade));
    staff_metrics.push_back("establishment_fte_" + std::string(grade));
  }
  const std::size_t months =
      12 * static_cast<std::size_t>(scenario.window.report_end.year - scenario.window.report_start.year + 1);
  EXPECT_EQ(dates.size(), months);
  EXPECT_EQ(rows.size(), reps * months * (scenario.pdu_count() + scenario.regions.size() + 1));

  auto close = [](double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); };
  std::map<std::string, double> national_leavers, national_joiners;  // by replication
  for (int rep = 1; rep <= reps; ++rep) {
    const std::string replication = std::to_string(rep);
    for (const std::string& date : dates) {
      const auto& national = rows.at({replication, date, "national", "national"});
      std::map<std::string, std::map<std::string, double>> region_sum;  // region → metric → Σ PDUs
      std::map<std::string, double> national_sum;
      double vacant = 0.0, establishment = 0.0, lowest_workload = 1e300, highest_workload = -1e300;
      for (const auto& [pdu, region] : region_of) {
        const auto& m = rows.at({replication, date, "pdu", pdu});
        for (const std::string& metric : staff_metrics) {
          ASSERT_TRUE(m.count(metric)) << pdu << " " << date << " lacks " << metric;
          region_sum[region][metric] += m.at(metric);
          national_sum[metric] += m.at(metric);
        }
        for (std::size_t g = 0; g < probsim::kGradeCount; ++g) {
          const std::string name(probsim::kGradeNames[g]);
          // The establishment is the scenario's, every month.
          EXPECT_EQ(m.at("establishment_fte_" + name), pdu_spec[pdu]->establishment_fte[g])
              << pdu << " " << name;
        }
        for (const char* grade : {"po", "pso", "pqip"}) {
          const double est = m.at(std::string("establishment_fte_") + grade);
          vacant += std::max(0.0, est - m.at(std::string("in_post_fte_") + grade));
          establishment += est;
        }
        if (m.at("in_post_fte_po") + m.at("in_post_fte_pso") + m.at("in_post_fte_pqip") > 0) {
          lowest_workload = std::min(lowest_workload, m.at("workload_pct_mean"));
          highest_workload = std::max(highest_workload, m.at("workload_pct_mean"));
        }
      }
      for (const std::string& metric : {std::string("leavers"), std::string("joiners")}) {
        for (const auto& [region, sums] : region_sum)
          EXPECT_TRUE(close(rows.at({replication, date, "region", region}).at(metric), sums.at(metric)))
              << region << " " << metric << " " << date;
        EXPECT_TRUE(close(national.at(metric), national_sum[metric])) << metric << " " << date;
      }
      for (std::string_view grade : probsim::kGradeNames) {
        for (const std::string& metric :
             {"in_post_fte_" + std::string(grade), "establishment_fte_" + std::string(grade)}) {
          for (const auto& [region, sums] : region_sum)
            EXPECT_TRUE(close(rows.at({replication, date, "region", region}).at(metric), sums.at(metric)))
                << region << " " << metric << " " << date;
          EXPECT_TRUE(close(national.at(metric), national_sum[metric]))
              << "national " << metric << " on " << date << ": " << national.at(metric) << " vs Σ PDUs "
              << national_sum[metric];
        }
      }
      // Vacancy: a surplus in one PDU or grade does not fill a vacancy in another.
      EXPECT_NEAR(national.at("vacancy_pct"), 100.0 * vacant / establishment, 1e-6) << date;
      // The national mean workload pools the PDUs' practitioners, so it lies between theirs.
      EXPECT_GE(national.at("workload_pct_mean"), lowest_workload - 1e-6) << date;
      EXPECT_LE(national.at("workload_pct_mean"), highest_workload + 1e-6) << date;
      national_leavers[replication] += national.at("leavers");
      national_joiners[replication] += national.at("joiners");
    }
  }

  // The monthly flows add up to the window's KPIs, and the last month's stock is the KPI's.
  const auto kpi = kpis_by_name(out);
  const std::string last_date = *dates.rbegin();
  for (int rep = 1; rep <= reps; ++rep) {
    const std::string replication = std::to_string(rep);
    EXPECT_EQ(kpi.at("leavers")[rep - 1], national_leavers[replication]);
    EXPECT_EQ(kpi.at("joiners")[rep - 1], national_joiners[replication]);
    const auto& last = rows.at({replication, last_date, "national", "national"});
    EXPECT_NEAR(kpi.at("staff_in_post_fte")[rep - 1],
                last.at("in_post_fte_po") + last.at("in_post_fte_pso") + last.at("in_post_fte_pqip"), 1e-6);
    EXPECT_NEAR(kpi.at("vacancy_pct")[rep - 1], last.at("vacancy_pct"), 1e-6);
    EXPECT_GT(national_leavers[replication], 0);
    EXPECT_GT(kpi.at("trainees_qualified")[rep - 1], 0) << "trainees in post and from the plan qualify";
  }

  // The plan shows where it should: its region's PQiP trainees jump in the month of a PQiP intake. The
  // scenario's first intake is of PQiP trainees to a region; find it rather than assume its size.
  const probsim::RecruitmentIntake* trainees = nullptr;
  for (const auto& intake : scenario.staffing_plan.intakes)
    if (intake.region && intake.grade == probsim::Grade::pqip) {
      trainees = &intake;
      break;
    }
  ASSERT_NE(trainees, nullptr) << "the example plan recruits PQiP trainees to a region";
  const std::string plan_region = scenario.regions[*trainees->region].name;
  const probsim::CalendarDate month_end{trainees->date.year, trainees->date.month,
                                        trainees->date.days_in_month()};
  const probsim::CalendarDate month_before =
      probsim::CalendarDate{trainees->date.year, trainees->date.month, 1}.plus_days(-1);
  ASSERT_GT(month_before, scenario.window.report_start) << "the intake is not in the first month";
  for (int rep = 1; rep <= reps; ++rep) {
    const std::string replication = std::to_string(rep);
    const auto& then = rows.at({replication, month_end.iso(), "region", plan_region});
    const auto& before = rows.at({replication, month_before.iso(), "region", plan_region});
    // All `count` joined that month; a trainee or two might leave or qualify within weeks, no more.
    EXPECT_GE(then.at("joiners"), trainees->count);
    EXPECT_GE(then.at("in_post_fte_pqip") - before.at("in_post_fte_pqip"),
              trainees->count * trainees->fte_each - 2.0);
  }
}
