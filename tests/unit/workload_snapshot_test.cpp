// The one-day WMT snapshot (simulation.workload_snapshot_on; CT-17's week to 7 Feb 2023). Checked
// without an Engine: the KPIs are the mean, maximum, 90th percentile and share above 110% of the WMT %
// of the practitioners who can take cases at the end of that day, pooled over the units asked for; a
// date outside the report window is refused with its key.
#include "output/workload_snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>

#include "output/run_recorder.hpp"
#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_text;
using probsim::testing::ModelRun;

namespace {

std::map<std::string, double> emitted(const WorkloadSnapshot& snapshot,
                                      const std::vector<std::size_t>& units) {
  std::map<std::string, double> out;
  snapshot.emit(units, [&](const std::string& name, double value) { out[name] = value; });
  return out;
}

std::string scenario(const std::string& snapshot_on) {
  return R"(
simulation: {report_start: 2022-06-01, report_end: 2023-03-31, warm_up_weeks: 2, warm_start: steady_state,
             workload_snapshot_on: )" +
         snapshot_on + R"(}
regions:
  - name: Region
    pdus:
      - name: Alpha
        referrals_per_week: 6
        establishment_fte: {po: 6, pso: 6}
        staff:
          - {grade: po, headcount: 4, fte_each: 1.0}
          - {grade: po, headcount: 2, fte_each: 0.5}
          - {grade: pso, headcount: 6, fte_each: 1.0}
)";
}

}  // namespace

TEST(WorkloadSnapshot, PoolsTheUnitsAskedForAndGivesMeanMaxP90AndSharesAbove110And200) {
  WorkloadSnapshot snapshot;
  EXPECT_TRUE(emitted(snapshot, {0, 1}).empty());  // no snapshot day: no KPIs
  snapshot.take({{100.0, 120.0, 80.0}, {200.0}, {50.0}, {200.5, 300.0}});
  const auto both = emitted(snapshot, {0, 1});
  EXPECT_DOUBLE_EQ(both.at("workload_snapshot_pct_mean"), 125.0);  // (100+120+80+200)/4
  EXPECT_DOUBLE_EQ(both.at("workload_snapshot_pct_max"), 200.0);
  EXPECT_DOUBLE_EQ(both.at("workload_snapshot_over_110_share"), 0.5);  // 120 and 200
  EXPECT_DOUBLE_EQ(both.at("workload_snapshot_over_200_share"), 0.0);  // 200 is not above 200
  // Type 7 over 80,100,120,200: h = 0.9 x 3 = 2.7, so 120 + 0.7 x 80.
  EXPECT_NEAR(both.at("workload_snapshot_pct_p90"), 176.0, 1e-9);
  const auto third = emitted(snapshot, {2});
  EXPECT_DOUBLE_EQ(third.at("workload_snapshot_pct_mean"), 50.0);
  EXPECT_DOUBLE_EQ(third.at("workload_snapshot_over_110_share"), 0.0);
  const auto tail = emitted(snapshot, {1, 3});  // 200, 200.5, 300
  EXPECT_DOUBLE_EQ(tail.at("workload_snapshot_over_200_share"), 2.0 / 3.0);
}

TEST(WorkloadSnapshot, TheRecorderReadsEveryPractitionerWhoCanTakeCasesAtTheEndOfTheDay) {
  ModelRun run(load_scenario_text("workload_snapshot", scenario("2023-02-07")));
  const Day day = run.day_of(CalendarDate{2023, 2, 7});
  ASSERT_TRUE(run.scenario().window.workload_snapshot_on == run.date_of(day));
  RunRecorder recorder(run.scenario(), {&run.office(0)}, {0});
  run.run_through(run.scenario().window.first_report_day() - 1);
  recorder.open_window();
  run.run_through(day);
  std::vector<double> expected;
  for (const Practitioner& p : run.office(0).staff())
    if (p.can_take_cases()) expected.push_back(p.workload_pct());
  ASSERT_GE(expected.size(), 10u);
  const DaCaseTaskCounts sara = run.office(0).casework().da_case_task_counts(day);
  recorder.take_workload_snapshot(day);
  run.run_day();  // the next day changes caseloads; the snapshot keeps 7 Feb's
  const double mean =
      std::accumulate(expected.begin(), expected.end(), 0.0) / static_cast<double>(expected.size());
  const ReplicationResult result = recorder.finish();
  int found = 0;
  for (const Kpi& kpi : result.kpis) {
    if (kpi.name == "workload_snapshot_pct_mean") {
      EXPECT_NEAR(kpi.value, mean, 1e-9) << kpi.level;
      ++found;
    }
    if (kpi.name == "workload_snapshot_pct_max") {
      EXPECT_DOUBLE_EQ(kpi.value, *std::max_element(expected.begin(), expected.end()));
    }
    // CT-13's SARA counts are taken at the same moment, from the same office.
    if (kpi.name == "sara_snapshot_da_cases") {
      EXPECT_DOUBLE_EQ(kpi.value, static_cast<double>(sara.da_cases));
    }
    if (kpi.name == "sara_snapshot_completed_share") {
      EXPECT_DOUBLE_EQ(kpi.value,
                       static_cast<double>(sara.sara_completed) / static_cast<double>(sara.da_cases));
    }
  }
  EXPECT_EQ(found, 3);          // national, region, PDU
  EXPECT_GT(sara.da_cases, 0);  // the scenario's cases begun in the run include DA cases
}

TEST(WorkloadSnapshot, ADayOutsideTheReportWindowIsRefusedWithItsKey) {
  try {
    (void)load_scenario_text("workload_snapshot_outside", scenario("2023-04-01"));
    FAIL() << "a snapshot after report_end loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("simulation.workload_snapshot_on"), std::string::npos) << e.what();
  }
}
