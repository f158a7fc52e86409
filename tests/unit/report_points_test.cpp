// Report points in the WMT measure (WMT-2, WMT-4; `workload.report_points`): a court report adds its
// points to its writer's WMT total for `counted_days` from the day it is written, and no longer.
#include "office/report_points.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_text;
using probsim::testing::ModelRun;

TEST(ReportPoints, AReportCountsForItsWriterOnTheCountedDaysOnly) {
  std::vector<Practitioner> staff(2);
  for (Practitioner& p : staff) p.available_points_per_week = 2176;
  ReportPoints points(138, 30);
  points.credit(staff, 0, 10);
  for (Day day = 10; day < 40; ++day) {
    points.expire(staff, day);
    ASSERT_EQ(staff[0].report_points, 138) << day;
  }
  points.credit(staff, 0, 20);
  points.credit(staff, 1, 20);
  points.expire(staff, 40);  // the first report is 30 days old
  EXPECT_EQ(staff[0].report_points, 138);
  EXPECT_EQ(staff[1].report_points, 138);
  EXPECT_DOUBLE_EQ(staff[0].workload_pct(), 100.0 * 138 / 2176);
  points.expire(staff, 50);
  EXPECT_EQ(staff[0].report_points, 0);
  EXPECT_EQ(staff[1].report_points, 0);
}

TEST(ReportPoints, ALeaversReportsDoNotFollowTheNextHolderOfTheSlot) {
  std::vector<Practitioner> staff(1);
  ReportPoints points(138, 30);
  points.credit(staff, 0, 5);
  points.forget(staff, 0);
  EXPECT_EQ(staff[0].report_points, 0);
  points.credit(staff, 0, 6);  // a newcomer in the slot writes one
  points.expire(staff, 35);    // the leaver's report would have expired today
  EXPECT_EQ(staff[0].report_points, 138);
  points.expire(staff, 36);
  EXPECT_EQ(staff[0].report_points, 0);
}

TEST(ReportPoints, ZeroPointsIsOff) {
  EXPECT_FALSE(ReportPoints(0, 30).enabled());
  EXPECT_TRUE(ReportPoints(138, 30).enabled());
}

namespace {

std::string scenario(const std::string& report_points) {
  return R"(
simulation: {report_start: 2022-01-03, report_end: 2022-06-30, warm_up_weeks: 0, warm_start: steady_state}
workforce:
  leaver_rate_per_year: {po: 0, pso: 0, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
sentence_management:
  court_reports: {per_week_per_100_cases: 2.0, hours: 2.35, due_working_days: 15, grades: [po, pso]}
workload:
  report_points: )" +
         report_points + R"(
regions:
  - name: Region
    pdus:
      - name: Alpha
        referrals_per_week: 8
        establishment_fte: {po: 4, pso: 4}
        staff:
          - {grade: po, headcount: 4, fte_each: 1.0}
          - {grade: pso, headcount: 4, fte_each: 1.0}
)";
}

}  // namespace

// Oracle: on every day, each practitioner's report points are 138 times the court reports the casework
// log says they finished in the last 30 days (today included), and their WMT % counts them.
TEST(ReportPoints, EachPractitionersPointsAreTheReportsTheyWroteInTheLast30Days) {
  ModelRun run(load_scenario_text("report_points", scenario("{court_report: 138, counted_days: 30}")));
  PduOffice& office = run.office(0);
  std::vector<TaskCompletion> log;
  office.casework().set_completion_log(&log);
  int reports = 0, checked = 0;
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    run.run_day();
    std::map<PractitionerIndex, int> written;
    for (const TaskCompletion& c : log)
      if (c.kind == TaskKind::court_report && c.day > day - 30) written[c.holder] += 1;
    for (std::size_t i = 0; i < office.staff().size(); ++i) {
      const Practitioner& p = office.staff()[i];
      const auto it = written.find(static_cast<PractitionerIndex>(i));
      ASSERT_EQ(p.report_points, 138.0 * (it == written.end() ? 0 : it->second))
          << "day " << day << " #" << i;
      ASSERT_DOUBLE_EQ(p.workload_pct(),
                       100.0 * (p.case_points_per_week + p.report_points) / p.available_points_per_week);
      checked += 1;
    }
  }
  for (const TaskCompletion& c : log) reports += c.kind == TaskKind::court_report ? 1 : 0;
  EXPECT_GT(reports, 50);
  EXPECT_GT(checked, 1000);
}

TEST(ReportPoints, OffByDefault) {
  ModelRun run(load_scenario_text("no_report_points", scenario("{court_report: 0, counted_days: 30}")));
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) run.run_day();
  for (const Practitioner& p : run.office(0).staff()) EXPECT_EQ(p.report_points, 0);
}
