// The checks between fields that the loader held alone until issue 22's leftovers moved them into the
// rule structs: the simulation window's dates, the workforce's sickness and trainee pipeline, the
// staffing plan, the cohort reports' dates, routing to structured interventions that are not there,
// a pre-group lead without the pre-group start, and the allocation against the workload points. Each is
// called on a struct built in C++, with the key and the message the loader reports at file:line:key
// (tests/e2e/bad_scenario_test.cpp).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "service/probation_service.hpp"
#include "unit/model_run.hpp"
#include "unit/rule_problem_lists.hpp"

using namespace probsim;
using probsim::testing::keys_of;

namespace {

CalendarDate date(int year, int month, int day) {
  return CalendarDate{year, month, day};
}

SimulationWindow window_2023() {
  SimulationWindow w;
  w.report_start = date(2023, 1, 1);
  w.report_end = date(2023, 12, 31);
  return w;
}

}  // namespace

TEST(WindowRuleChecks, TheReportWindowsDatesInOrderInRangeAndNotTooLong) {
  SimulationWindow w = window_2023();
  EXPECT_TRUE(w.check().empty());

  w.report_end = date(2022, 6, 30);
  ASSERT_EQ(keys_of(w.check()), (std::vector<std::string>{"report_end"}));
  EXPECT_EQ(w.check()[0].message, "must be after simulation.report_start (2023-01-01)");

  w.report_end = w.report_start;  // an empty window is out of order too
  EXPECT_EQ(keys_of(w.check()), (std::vector<std::string>{"report_end"}));

  w.report_start = date(1985, 1, 1);
  w.report_end = date(2101, 1, 1);  // both out of range, and more than 50 years apart
  ASSERT_EQ(keys_of(w.check()), (std::vector<std::string>{"report_start", "report_end", "report_end"}));
  EXPECT_EQ(w.check()[0].message, "must be a date from 1990 to 2100, found 1985-01-01");
  EXPECT_EQ(w.check()[2].message,
            "the report window is longer than 50 years (1985-01-01 to 2101-01-01); split a longer horizon "
            "into runs that start from a snapshot");

  w.report_start = date(2000, 1, 1);
  w.report_end = date(2050, 1, 1);  // 50 years to the day: allowed
  EXPECT_TRUE(w.check().empty());

  EXPECT_TRUE(SimulationWindow::check_report_year(date(2100, 12, 31), "report_end").empty());
  EXPECT_EQ(keys_of(SimulationWindow::check_report_year(date(1989, 12, 31), "report_start")),
            (std::vector<std::string>{"report_start"}));
}

TEST(WindowRuleChecks, AWorkloadSnapshotDayInsideTheWindow) {
  SimulationWindow w = window_2023();
  w.workload_snapshot_on = date(2023, 12, 31);  // the last day counts
  EXPECT_TRUE(w.check().empty());
  w.workload_snapshot_on = date(2024, 1, 1);
  ASSERT_EQ(keys_of(w.check()), (std::vector<std::string>{"workload_snapshot_on"}));
  EXPECT_EQ(w.check()[0].message,
            "must be within the report window (2023-01-01 to 2023-12-31), found 2024-01-01");
}

TEST(WorkforceRuleChecks, SicknessThatCannotFitIntoAYear) {
  SicknessRules sickness;
  EXPECT_TRUE(sickness.check().empty());  // off
  sickness.days_per_fte_year = 20.0;
  sickness.episode_working_days = BoundedDistribution::fixed_at(10.0);
  EXPECT_TRUE(sickness.check().empty());
  // 300 working days lost a year in 10-day episodes (14 calendar days each): 30 episodes take 420 of
  // the year's 365 days, so nobody would ever be well.
  sickness.days_per_fte_year = 300.0;
  ASSERT_EQ(keys_of(sickness.check()), (std::vector<std::string>{"days_per_fte_year"}));
  EXPECT_EQ(sickness.check()[0].message,
            "with episodes of 10.000000 working days on average, people would be off sick all the time");
}

TEST(WorkforceRuleChecks, TraineeReductionStepsFromMonthZeroInOrderBeforeQualification) {
  TraineePipeline pipeline;  // 0, 6, 12 months of 18
  EXPECT_TRUE(pipeline.check().empty());

  pipeline.reduction_steps = {{1, 0.8}, {6, 0.6}};
  ASSERT_EQ(keys_of(pipeline.check()),
            (std::vector<std::string>{"workload_reduction_by_month[0].from_month"}));
  EXPECT_EQ(pipeline.check()[0].message, "the first step must start at month 0");

  pipeline.reduction_steps = {{0, 0.8}, {6, 0.6}, {6, 0.4}};
  ASSERT_EQ(keys_of(pipeline.check()),
            (std::vector<std::string>{"workload_reduction_by_month[2].from_month"}));
  EXPECT_EQ(pipeline.check()[0].message, "steps must be in increasing order of from_month");

  pipeline.reduction_steps = {{0, 0.8}, {18, 0.6}};
  ASSERT_EQ(keys_of(pipeline.check()),
            (std::vector<std::string>{"workload_reduction_by_month[1].from_month"}));
  EXPECT_EQ(pipeline.check()[0].message, "must be before qualification (training_months = 18)");
  pipeline.training_months = 24;
  EXPECT_TRUE(pipeline.check().empty());

  WorkforceRules workforce;
  workforce.sickness.days_per_fte_year = 300.0;
  workforce.sickness.episode_working_days = BoundedDistribution::fixed_at(10.0);
  workforce.trainee_pipeline.reduction_steps = {{2, 0.8}};
  EXPECT_EQ(keys_of(workforce.check()),
            (std::vector<std::string>{"sickness.days_per_fte_year",
                                      "trainee_pipeline.workload_reduction_by_month[0].from_month"}));
}

TEST(StaffingPlanRuleChecks, TraineeBackfillNeedsPoBackfillAndIntakesNotBeforeTheReportStart) {
  StaffingPlan plan;
  EXPECT_TRUE(plan.check(window_2023()).empty());
  plan.backfill.po_leavers_replaced_by_trainees = true;  // with no grade backfilled
  at(plan.backfill.grades, Grade::pso) = true;
  ASSERT_EQ(keys_of(plan.check(window_2023())),
            (std::vector<std::string>{"backfill.po_leavers_replaced_by_trainees"}));
  EXPECT_EQ(plan.check(window_2023())[0].message,
            "po_leavers_replaced_by_trainees needs po among backfill.grades (PO leavers are not replaced)");
  at(plan.backfill.grades, Grade::po) = true;
  EXPECT_TRUE(plan.check(window_2023()).empty());

  RecruitmentIntake intake;
  intake.date = date(2023, 12, 31);  // the last day of the window
  plan.intakes = {intake, intake, intake, intake};
  plan.intakes[1].date = date(2022, 12, 31);
  plan.intakes[2].date = date(2024, 1, 1);  // after the window: valid (run_warnings judges it)
  plan.intakes[3].date = date(2023, 1, 1);  // the first day of the window
  ASSERT_EQ(keys_of(plan.check(window_2023())), (std::vector<std::string>{"intakes[1].date"}));
  EXPECT_EQ(
      plan.check(window_2023())[0].message,
      "must not be before simulation.report_start (2023-01-01): staff are described as they stand on "
      "that day and recruitment begins then. Move simulation.report_start back, or describe these staff "
      "under their PDUs and remove the intakes dated before it (--set 'staffing_plan.intakes=[]' drops "
      "the whole plan)");
  // A warm-up does not move the boundary: recruitment begins on the first report day (docs/model.md).
  SimulationWindow with_warm_up = window_2023();
  with_warm_up.warm_up_weeks = 4;
  plan.intakes[1].date = date(2022, 12, 25);  // in the warm-up
  EXPECT_EQ(keys_of(plan.check(with_warm_up)), (std::vector<std::string>{"intakes[1].date"}));
}

TEST(InterventionRuleChecks, CohortDatesInOrderAndTheStatusDayInTheWindow) {
  const SimulationWindow w = window_2023();
  BbrCohortReport report{true, date(2023, 1, 1), date(2023, 6, 30), date(2023, 12, 31)};
  EXPECT_TRUE(report.check(w).empty());
  report.requirements_to = date(2022, 12, 31);
  ASSERT_EQ(keys_of(report.check(w)), (std::vector<std::string>{"requirements_to"}));
  EXPECT_EQ(report.check(w)[0].message,
            "must be on or after requirements_from (2023-01-01), found 2022-12-31");
  report.requirements_to = date(2023, 6, 30);
  report.status_on = date(2023, 6, 29);
  ASSERT_EQ(keys_of(report.check(w)), (std::vector<std::string>{"status_on"}));
  EXPECT_EQ(report.check(w)[0].message, "must be on or after requirements_to (2023-06-30), found 2023-06-29");
  report.status_on = date(2024, 1, 1);
  ASSERT_EQ(keys_of(report.check(w)), (std::vector<std::string>{"status_on"}));
  EXPECT_EQ(report.check(w)[0].message,
            "must be within the report window (2023-01-01 to 2023-12-31), found 2024-01-01");

  InterventionRules rules;
  EXPECT_TRUE(rules.check(w).empty());  // a cohort report that is off is not checked
  rules.si_cohort_report = report;
  EXPECT_EQ(keys_of(rules.check(w)), (std::vector<std::string>{"si_cohort_report.status_on"}));
}

TEST(InterventionRuleChecks, SaraLowCasesReferredToStructuredInterventionsNeedSome) {
  InterventionRules rules;  // 0.5 of SARA-low cases to structured interventions, none listed
  ASSERT_EQ(keys_of(rules.check_routing_targets()),
            (std::vector<std::string>{"routing.sara_low_structured_intervention_share"}));
  EXPECT_EQ(rules.check_routing_targets()[0].message,
            "refers SARA-low cases to structured interventions, but interventions.structured_interventions "
            "lists none: add them or set this share to 0");
  EXPECT_TRUE(rules.check(window_2023()).empty()) << "nothing is referred while interventions are off";
  rules.enabled = true;
  EXPECT_EQ(keys_of(rules.check(window_2023())),
            (std::vector<std::string>{"routing.sara_low_structured_intervention_share"}));
  rules.routing.sara_low_structured_intervention_share = 0.0;
  EXPECT_TRUE(rules.check(window_2023()).empty());
  rules.routing.sara_low_structured_intervention_share = 0.5;
  rules.structured_interventions.push_back(ProgrammeRules{});
  EXPECT_TRUE(rules.check(window_2023()).empty());
}

TEST(InterventionRuleChecks, APreGroupLeadNeedsThePreGroupStart) {
  InterventionDelivery delivery;
  EXPECT_TRUE(delivery.check().empty());
  delivery.pre_group_lead_weeks = 2.0;  // recorded at the first group session: the lead would do nothing
  ASSERT_EQ(keys_of(delivery.check()), (std::vector<std::string>{"pre_group_lead_weeks"}));
  EXPECT_EQ(delivery.check()[0].message,
            "pre_group_lead_weeks applies only with recorded_start: pre_group_session");
  InterventionRules rules;
  rules.structured_interventions.push_back(ProgrammeRules{});
  rules.delivery = delivery;
  EXPECT_EQ(keys_of(rules.check(window_2023())), (std::vector<std::string>{"delivery.pre_group_lead_weeks"}));
  rules.delivery.recorded_start = RecordedStart::pre_group_session;
  EXPECT_TRUE(rules.check(window_2023()).empty());
}

TEST(ScenarioRuleChecks, TheMovedRulesWithFullKeysAndTheBuilderRefusesThem) {
  const Scenario shipped = probsim::testing::load_scenario_file("scenarios/example_pdu.yaml");
  ASSERT_TRUE(shipped.check().empty());
  Scenario s = shipped;
  s.window.report_end = s.window.report_start;
  s.caseload.allocation.licence_allocated_before_release_weeks = 4;
  s.caseload.workload.has_custody_points = false;
  s.workforce.trainee_pipeline.reduction_steps = {{3, 0.8}};
  s.staffing_plan.backfill.po_leavers_replaced_by_trainees = true;
  at(s.staffing_plan.backfill.grades, Grade::po) = false;
  EXPECT_EQ(
      keys_of(s.check()),
      (std::vector<std::string>{"simulation.report_end", "allocation.licence_allocated_before_release_weeks",
                                "workforce.trainee_pipeline.workload_reduction_by_month[0].from_month",
                                "staffing_plan.backfill.po_leavers_replaced_by_trainees"}));

  Scenario late = shipped;  // its window is 2023-2024
  late.interventions.cohort_report = {true, date(2023, 1, 1), date(2023, 6, 30), date(2025, 6, 30)};
  EXPECT_EQ(keys_of(late.check()), (std::vector<std::string>{"interventions.cohort_report.status_on"}));
  try {
    ProbationService service(late, replication_seed(1, 0));
    FAIL() << "built a model whose cohort status day is after the report window";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(
        std::string(e.what()).find("interventions.cohort_report.status_on: must be within the report window"),
        std::string::npos)
        << e.what();
  }
}
