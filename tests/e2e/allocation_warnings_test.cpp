// Warnings about how a run starts that a probe of odd but valid scenarios found missing: a RoSH level a PDU
// has no eligible grade for (sim/runner/allocation_warnings.hpp; a PDU of PSOs alone left 76 high-RoSH
// cases unheld, and its assessments read 100% on time, since a case's tasks begin at allocation and the
// unheld cases had none due), and an empty start with no warm-up.
#include <gtest/gtest.h>

#include <string>

#include "e2e/cli_test_support.hpp"

using namespace probsim::testing;

namespace {

const std::string kValidate = "validate scenarios/example_pdu.yaml --set simulation.report_end=2023-03-31 ";

}  // namespace

TEST(AllocationWarnings, APduWithNoOneWhoMayHoldItsHighRoshCasesIsWarnedOf) {
  const CommandResult r = run_probsim(
      kValidate + "--set 'regions.0.pdus.Eastmoor.staff=[{grade: pso, headcount: 9, fte_each: 1.0}]'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(
      r.output.find("warning: PDU Eastmoor has no one in post or recruited of a grade that may hold its high "
                    "and very_high RoSH cases"),
      std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("outside every timeliness KPI"), std::string::npos) << r.output;
}

// Found by review: trainees who qualify during the run hold high-RoSH cases from then on.
TEST(AllocationWarnings, NotWhenTraineesQualifyAsPosBeforeTheRunEnds) {
  const std::string staff =
      "--set 'regions.0.pdus.Eastmoor.staff=[{grade: pso, headcount: 9, fte_each: 1.0}, "
      "{grade: pqip, headcount: 3, fte_each: 1.0, training_months_completed: ";
  EXPECT_EQ(run_probsim(kValidate + staff + "17}]'").output.find("may hold its"), std::string::npos);
  // Trainees who qualify only after the run ends hold none of them in it.
  EXPECT_NE(run_probsim(kValidate + staff + "0}]'").output.find("may hold its"), std::string::npos);
}

TEST(AllocationWarnings, NotWhenEveryLevelHasAnEligibleGradeOrTheFallBackIsOn) {
  const CommandResult shipped = run_probsim(kValidate);
  EXPECT_EQ(shipped.output.find("may hold its"), std::string::npos) << shipped.output;
  const CommandResult fall_back =
      run_probsim(kValidate +
                  "--set 'regions.0.pdus.Eastmoor.staff=[{grade: pso, headcount: 9, fte_each: 1.0}]' "
                  "--set allocation.fall_back_to_any_grade=true");
  EXPECT_EQ(fall_back.output.find("may hold its"), std::string::npos) << fall_back.output;
}

// An empty start with no warm-up opens the window on empty caseloads (M-1): the docs called it biased, and
// nothing said so when a scenario asked for it.
TEST(StartWarnings, AnEmptyStartWithNoWarmUpIsWarnedOfAndNotWithOne) {
  const std::string empty = kValidate + "--set simulation.warm_start=empty ";
  const CommandResult none = run_probsim(empty + "--set simulation.warm_up_weeks=0");
  EXPECT_NE(none.output.find("warning: simulation.warm_start is empty and simulation.warm_up_weeks is 0"),
            std::string::npos)
      << none.output;
  EXPECT_EQ(run_probsim(empty + "--set simulation.warm_up_weeks=104").output.find("warm_start is empty"),
            std::string::npos);
}
