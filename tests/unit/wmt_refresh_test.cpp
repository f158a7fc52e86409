// The WMT refresh of November 2022 (WMT-7, G-30; `workload.responsive_weighting`): from its date each
// case's points count `case_points_factor` times in every WMT ratio. Checked without an Engine: the day
// before, every practitioner's WMT % is their WMT points (case points plus the base file's report points,
// WMT-4) ÷ available points as WMT-3 gives them; from the date, those points × factor ÷ the same available
// points, for staff in post then and recruited later.
#include <gtest/gtest.h>

#include <string>

#include "office/rag_reviewer.hpp"
#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_text;
using probsim::testing::ModelRun;

namespace {

std::string scenario(const std::string& weighting) {
  return R"(
simulation: {report_start: 2022-06-01, report_end: 2023-03-31, warm_up_weeks: 2, warm_start: steady_state}
workforce:
  leaver_rate_per_year: {po: 0.3, pso: 0.3, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
)" + weighting +
         R"(
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

const std::string kWeighting = R"(
workload:
  responsive_weighting: {from: 2022-11-01, case_points_factor: 1.25}
)";

}  // namespace

TEST(WmtRefresh, CasePointsCountTheFactorFromTheDateInEveryWmtRatio) {
  ModelRun run(load_scenario_text("wmt_refresh", scenario(kWeighting)));
  const PduOffice& office = run.office(0);
  const WorkloadPointsTable& table = run.scenario().caseload.workload;
  const Day refresh = run.day_of(CalendarDate{2022, 11, 1});
  int checked_before = 0, checked_after = 0;
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    run.run_day();
    for (const Practitioner& p : office.staff()) {
      if (!p.can_take_cases()) continue;
      const double unweighted = table.available_points(p.contracted_hours_per_week, p.reduction_share);
      const double factor = day >= refresh ? 1.25 : 1.0;
      ASSERT_NEAR(p.workload_pct(), 100.0 * p.workload_points() * factor / unweighted, 1e-9)
          << run.date_of(day).iso();
      (day >= refresh ? checked_after : checked_before) += 1;
    }
  }
  EXPECT_GT(checked_before, 1000);
  EXPECT_GT(checked_after, 1000);
}

// Only the measure changes: the same seed with and without the weighting gives the same caseload and
// the same staff on the day before the refresh, and the same case points after it (no change of work
// until the WMT % starts steering allocation).
TEST(WmtRefresh, NothingChangesBeforeTheDate) {
  ModelRun with(load_scenario_text("with", scenario(kWeighting)));
  ModelRun without(load_scenario_text("without", scenario("")));
  const Day refresh = with.day_of(CalendarDate{2022, 11, 1});
  for (Day day = 0; day < refresh; ++day) {
    with.run_day();
    without.run_day();
  }
  const auto a = with.office(0).staff();
  const auto b = without.office(0).staff();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].caseload, b[i].caseload) << i;
    EXPECT_DOUBLE_EQ(a[i].workload_pct(), b[i].workload_pct()) << i;
  }
}

TEST(WmtRefresh, TheFactorIsBoundedByWmt7) {
  EXPECT_THROW(load_scenario_text("too_big", scenario(R"(
workload:
  responsive_weighting: {from: 2022-11-01, case_points_factor: 1.5}
)")),
               std::exception);
}

// §10.14: the rules' thresholds were stated before the refresh, so by default they read the WMT % without
// its weighting: a practitioner's rules % and the PDU's % for RAG are points ÷ the unweighted available
// points, while the reported % carries the factor. With `rules_read_weighted_measure: true` the rules read
// the reported %.
TEST(WmtRefresh, RulesReadTheUnweightedMeasureUnlessTheScenarioSaysOtherwise) {
  for (const bool rules_read_weighted : {false, true}) {
    const std::string weighting = R"(
workload:
  responsive_weighting: {from: 2022-11-01, case_points_factor: 1.25, rules_read_weighted_measure: )" +
                                  std::string(rules_read_weighted ? "true" : "false") + "}\n";
    ModelRun run(load_scenario_text("rules", scenario(weighting)));
    const PduOffice& office = run.office(0);
    const WorkloadPointsTable& table = run.scenario().caseload.workload;
    const Day refresh = run.day_of(CalendarDate{2022, 11, 1});
    int checked = 0;
    for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
      run.run_day();
      double points = 0.0, unweighted_available = 0.0;
      for (const Practitioner& p : office.staff()) {
        if (!p.in_post || !holds_cases(p.grade)) continue;
        const double unweighted = table.available_points(p.contracted_hours_per_week, p.reduction_share);
        points += p.workload_points();
        unweighted_available += unweighted;
        if (!p.can_take_cases()) continue;
        const double factor = day >= refresh ? 1.25 : 1.0;
        const double rules_factor = rules_read_weighted ? factor : 1.0;
        ASSERT_NEAR(p.workload_pct(), 100.0 * p.workload_points() * factor / unweighted, 1e-9);
        ASSERT_NEAR(p.rules_workload_pct(), 100.0 * p.workload_points() * rules_factor / unweighted, 1e-9)
            << run.date_of(day).iso() << (rules_read_weighted ? " weighted" : " unweighted");
        checked += day >= refresh;
      }
      const double rules_factor = rules_read_weighted && day >= refresh ? 1.25 : 1.0;
      ASSERT_NEAR(RagReviewer::workload_pct(office), 100.0 * points * rules_factor / unweighted_available,
                  1e-9)
          << run.date_of(day).iso();
    }
    EXPECT_GT(checked, 1000);
  }
}

// With the rules on the unweighted measure the refresh changes the measure and nothing else: the same seed
// with and without it gives the same caseload, case points and rules' % every day, after the date too.
TEST(WmtRefresh, ReadByTheRulesUnweightedTheRefreshChangesNoBehaviour) {
  ModelRun with(load_scenario_text("with", scenario(kWeighting)));
  ModelRun without(load_scenario_text("without", scenario("")));
  const Day last = with.scenario().window.last_day();
  for (Day day = 0; day <= last; ++day) {
    with.run_day();
    without.run_day();
    const auto a = with.office(0).staff();
    const auto b = without.office(0).staff();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].caseload, b[i].caseload) << i << " " << with.date_of(day).iso();
      ASSERT_DOUBLE_EQ(a[i].case_points_per_week, b[i].case_points_per_week) << i;
      ASSERT_NEAR(a[i].rules_workload_pct(), b[i].rules_workload_pct(), 1e-9) << i;
    }
  }
}
