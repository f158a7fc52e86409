// Staffing-plan intakes by date (sim/runner/run_warnings.hpp, the loader): an intake after the run's end
// is valid but warned of when no intake acts or one is more than a year past the end, and it staffs no
// group of the run; an intake before the report start is refused, in one message for a long plan.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;

namespace {

const std::string kShort = " --set simulation.report_end=2023-06-30 --set simulation.warm_up_weeks=8 ";

}  // namespace

// An intake after the run's end is valid (a base file's plan for the longer runs that extend it). It is
// warned of when no intake of the plan acts, or one is more than a year past the end (a mistyped year);
// a plan running on a little past the end, as england_wales_2022.yaml's, gives no warning.
TEST(IntakeDateWarnings, IntakesAfterTheEndOfTheRun) {
  const std::string recruit = "validate scenarios/staffing_plan_recruit.yaml";
  // Intakes of 2023-04-03 (20 trainees), 2023-09-04 (4 POs) and 2024-01-08 (6 PSOs).
  const CommandResult some_late = run_probsim(recruit + " --set simulation.report_end=2023-12-31");
  EXPECT_EQ(some_late.exit_status, 0) << some_late.output;
  EXPECT_EQ(some_late.output.find("warning"), std::string::npos) << some_late.output;

  const CommandResult none_acts = run_probsim(recruit + " --set simulation.report_end=2023-03-31");
  EXPECT_EQ(none_acts.exit_status, 0) << none_acts.output;
  EXPECT_EQ(count_of(none_acts.output, "warning: "), 1u) << none_acts.output;
  EXPECT_NE(none_acts.output.find("warning: staffing_plan.intakes: 3 of the 3 intakes (30 people, dated "
                                  "2023-04-03 to 2024-01-08) fall after simulation.report_end (2023-03-31), "
                                  "so no intake of the plan acts in this run. Check the dates"),
            std::string::npos)
      << none_acts.output;

  const std::string end_2023 = " --set simulation.report_end=2023-12-31";
  const CommandResult typo =
      run_probsim(recruit + end_2023 + " --set staffing_plan.intakes.2.date=2025-01-08");
  EXPECT_EQ(typo.exit_status, 0) << typo.output;
  EXPECT_NE(
      typo.output.find("warning: staffing_plan.intakes: 1 of the 3 intakes (6 people, dated 2025-01-08) "
                       "falls after simulation.report_end (2023-12-31), more than a year after it"),
      std::string::npos)
      << typo.output;
  // 366 days past the end is not "more than a year"; 367 is.
  EXPECT_EQ(run_probsim(recruit + end_2023 + " --set staffing_plan.intakes.2.date=2024-12-31")
                .output.find("warning"),
            std::string::npos);
  EXPECT_NE(run_probsim(recruit + end_2023 + " --set staffing_plan.intakes.2.date=2025-01-01")
                .output.find("more than a year after it"),
            std::string::npos);
  // Two late, one of them beyond a year; and a plan of one intake, which does not act.
  EXPECT_NE(
      run_probsim(
          recruit + end_2023 +
          " --set staffing_plan.intakes.1.date=2024-02-01 --set staffing_plan.intakes.2.date=2025-01-08")
          .output.find("2 of the 3 intakes (10 people, dated 2024-02-01 to 2025-01-08) fall after "
                       "simulation.report_end (2023-12-31), 1 of them more than a year after it"),
      std::string::npos);
  const CommandResult only =
      run_probsim(recruit +
                  " --set simulation.report_end=2023-03-31 --set 'staffing_plan.intakes=[{date: "
                  "2023-04-03, region: Coastal, grade: pqip, count: 1}]'");
  EXPECT_EQ(only.exit_status, 0) << only.output;
  EXPECT_NE(only.output.find("warning: staffing_plan.intakes: the plan's only intake (1 person, dated "
                             "2023-04-03) falls after simulation.report_end (2023-03-31), so it does not act "
                             "in this run."),
            std::string::npos)
      << only.output;
  EXPECT_EQ(run_probsim(recruit).output.find("warning"), std::string::npos);
}

// A facilitator recruited only after the run's end staffs no group of the run: the team still warns.
TEST(IntakeDateWarnings, AFacilitatorRecruitedAfterTheEndDoesNotStaffTheTeam) {
  const std::string no_facilitators = " --set regions.0.pdus.Durham.staff.2.headcount=0";
  const auto intake = [](const std::string& date) {
    return " --set 'staffing_plan.intakes=[{date: " + date + ", pdu: Durham, grade: facilitator, count: 2}]'";
  };
  const CommandResult late =
      run_probsim("validate scenarios/bbr_capacity.yaml" + kShort + no_facilitators + intake("2023-08-01"));
  EXPECT_EQ(late.exit_status, 0) << late.output;
  EXPECT_NE(late.output.find("has no facilitator in post and none recruited"), std::string::npos)
      << late.output;
  const CommandResult in_time =
      run_probsim("validate scenarios/bbr_capacity.yaml" + kShort + no_facilitators + intake("2023-03-01"));
  EXPECT_EQ(in_time.exit_status, 0) << in_time.output;
  EXPECT_EQ(in_time.output.find("has no facilitator in post"), std::string::npos) << in_time.output;
}

// Not a warning but its counterpart: intakes before report_start are refused (a loader error), the first
// in full with the remedies, the rest in one line, so that a long plan gives one message, not hundreds.
TEST(IntakeDateWarnings, IntakesBeforeTheReportStartAreRefusedInOneMessage) {
  // The three intakes (2023-04-03, 2023-09-04, 2024-01-08) are all before 2024-06-01.
  const CommandResult r =
      run_probsim("validate scenarios/staffing_plan_recruit.yaml --set simulation.report_start=2024-06-01");
  EXPECT_EQ(r.exit_status, 1) << r.output;
  EXPECT_EQ(count_of(r.output, "must not be before simulation.report_start (2024-06-01)"), 1u) << r.output;
  EXPECT_NE(r.output.find("staffing_plan.intakes[0].date"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(
                "remove the intakes dated before it (--set 'staffing_plan.intakes=[]' drops the whole plan)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(
      r.output.find("2 more intakes are dated before simulation.report_start, 2024-06-01 (the latest on "
                    "2024-01-08)"),
      std::string::npos)
      << r.output;
  // One intake before it: the singular, and no count line.
  const CommandResult one =
      run_probsim("validate scenarios/staffing_plan_recruit.yaml --set simulation.report_start=2023-06-01");
  EXPECT_EQ(one.exit_status, 1) << one.output;
  EXPECT_EQ(count_of(one.output, "must not be before simulation.report_start (2023-06-01)"), 1u)
      << one.output;
  EXPECT_EQ(one.output.find("more intake"), std::string::npos) << one.output;
  // Two before it: the first in full and "1 more intake is".
  const CommandResult two =
      run_probsim("validate scenarios/staffing_plan_recruit.yaml --set simulation.report_start=2023-10-01");
  EXPECT_EQ(two.exit_status, 1) << two.output;
  EXPECT_NE(
      two.output.find("1 more intake is dated before simulation.report_start, 2023-10-01 (the latest on "
                      "2023-09-04)"),
      std::string::npos)
      << two.output;
}
