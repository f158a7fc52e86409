// The shipped BBR capacity scenario end to end: more facilitators start more men, complete more, and
// leave a shorter list a year on, with 95% CIs over replications that do not overlap; the monthly series
// adds up to the KPIs; and every requirement made in the window is accounted for.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

struct Interval {
  double mean = 0, low = 0, high = 0;
};

// summary.csv: metric -> (mean, CI low, CI high).
std::map<std::string, Interval> summary_of(const std::filesystem::path& run) {
  std::map<std::string, Interval> kpis;
  for (const auto& f : national_summary_rows(csv_rows(run / "summary.csv")))
    if (f.size() >= 6) kpis[f[0]] = Interval{std::stod(f[2]), std::stod(f[4]), std::stod(f[5])};
  return kpis;
}

std::filesystem::path run_with_facilitators(int facilitators) {
  const auto out = fresh_directory("bbr_capacity_" + std::to_string(facilitators)) / "run";
  const CommandResult r = run_probsim(
      "run scenarios/bbr_capacity.yaml --reps 4 --quiet --set "
      "regions.0.pdus.Durham.staff.2.headcount=" +
      std::to_string(facilitators) + " --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  return out;
}

TEST(BbrCapacity, MoreFacilitatorsStartMoreAndLeaveAShorterList) {
  const auto few = summary_of(run_with_facilitators(2));
  const auto many = summary_of(run_with_facilitators(8));
  EXPECT_LT(few.at("bbr_starts").high, many.at("bbr_starts").low);
  EXPECT_LT(few.at("bbr_completions").high, many.at("bbr_completions").low);
  EXPECT_GT(few.at("bbr_waiting_list_end").low, many.at("bbr_waiting_list_end").high);
  EXPECT_GT(few.at("bbr_waiting_over_52_weeks_end").low, many.at("bbr_waiting_over_52_weeks_end").high);
  // The same men are referred at both levels (common random numbers).
  EXPECT_DOUBLE_EQ(few.at("bbr_requirements").mean, many.at("bbr_requirements").mean);
  // Facilitators are busy when the list is long.
  EXPECT_GT(few.at("facilitator_utilisation").mean, 0.85);
}

TEST(BbrCapacity, MonthlySeriesAddUpToTheKpis) {
  const auto run = run_with_facilitators(4);
  // Per replication, the national monthly flows sum to the window's KPI.
  std::map<std::pair<std::string, std::string>, double> monthly;  // (replication, metric) -> sum
  for (const auto& f : csv_rows(run / "timeseries.csv"))
    if (f.size() == 6 && f[2] == "national") monthly[{f[0], f[4]}] += std::stod(f[5]);
  int checked = 0;
  for (const auto& f : national_kpi_rows(csv_rows(run / "kpis.csv"))) {
    if (f.size() < 3) continue;
    for (const std::string metric : {"bbr_requirements", "bbr_starts", "bbr_completions",
                                     "bbr_exits_before_start", "bbr_removed_non_attendance", "si_starts"}) {
      if (f[1] != metric) continue;
      const double summed = monthly[{f[0], metric}];
      EXPECT_DOUBLE_EQ(summed, std::stod(f[2])) << metric << " replication " << f[0];
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4 * 6);
}

TEST(BbrCapacity, EventsCsvFollowsEachManThroughBbrAsTheKpisCountHim) {
  const auto out = fresh_directory("bbr_capacity_events") / "run";
  // Half the removals breached (PUB-8's reading), so that the rows of the breached ones are checked too.
  const CommandResult r = run_probsim(
      "run scenarios/bbr_capacity.yaml --reps 2 --events --quiet --set simulation.report_end=2023-06-30 "
      "--set interventions.bbr.removal_enforcement.breach_probability=0.5 --out '" +
      out.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  // The window is the whole run (no warm-up), so every intervention row counts: (replication, event).
  std::map<std::pair<std::string, std::string>, double> rows;
  // A breached removal's row follows its removal's, the same man on the same day.
  std::set<std::tuple<std::string, std::string, std::string>> removals, breached;  // replication, day, case
  for (const auto& f : csv_rows(out / "events.csv")) {
    ASSERT_EQ(f.size(), 15u);
    rows[{f[0], f[5]}] += 1;
    if (f[5] == "bbr_removed_non_attendance") removals.insert({f[0], f[2], f[3]});
    if (f[5] == "bbr_removal_breached") {
      EXPECT_TRUE(removals.count({f[0], f[2], f[3]})) << "a breach without its removal: case " << f[3];
      breached.insert({f[0], f[2], f[3]});
    }
    if (f[5] == "bbr_exited_before_start" || f[5] == "bbr_ended_after_start") {
      EXPECT_FALSE(f[13].empty()) << "an order that ended a requirement has its termination reason";
    }
    if (f[5].rfind("bbr_", 0) == 0) {
      EXPECT_EQ(f[10], "1") << "BBR is for domestic-abuse cases";
      EXPECT_EQ(f[11], "male");
    }
  }
  int checked = 0;
  for (const auto& f : national_kpi_rows(csv_rows(out / "kpis.csv"))) {
    for (const auto& [kpi, event] :
         std::map<std::string, std::string>{{"bbr_starts", "bbr_start"},
                                            {"bbr_completions", "bbr_completion"},
                                            {"bbr_exits_before_start", "bbr_exited_before_start"},
                                            {"bbr_ended_after_start", "bbr_ended_after_start"},
                                            {"bbr_removed_non_attendance", "bbr_removed_non_attendance"},
                                            {"bbr_breaches_after_removal", "bbr_removal_breached"}}) {
      if (f[1] != kpi) continue;
      const double logged = rows[std::make_pair(f[0], event)];
      EXPECT_EQ(logged, std::stod(f[2])) << kpi << " replication " << f[0];
      EXPECT_GT(logged, 0) << event;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2 * 6);
  EXPECT_LT(breached.size(), removals.size()) << "at 0.5, not every removal is breached";
}

}  // namespace
}  // namespace probsim::testing
