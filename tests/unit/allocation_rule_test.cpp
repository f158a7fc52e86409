#include "caseload/allocation_rule.hpp"

#include <gtest/gtest.h>

#include "unit/test_rules.hpp"

using namespace probsim;

namespace {
Case case_with(RoshLevel rosh) {
  Case c;
  c.rosh = rosh;
  return c;
}
}  // namespace

TEST(AllocationRule, ChoosesTheLeastLoadedEligiblePractitioner) {
  const CaseloadRules rules = fixtures::fixed_length_rules();
  std::vector<Practitioner> staff = {fixtures::practitioner(Grade::po, rules.workload),
                                     fixtures::practitioner(Grade::pso, rules.workload),
                                     fixtures::practitioner(Grade::pso, rules.workload)};
  staff[0].case_points_per_week = 1000;
  staff[1].case_points_per_week = 500;
  staff[2].case_points_per_week = 800;
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::medium), staff), 1);
  // High RoSH may go only to a PO, however loaded.
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::high), staff), 0);
}

TEST(AllocationRule, ComparesWorkloadPercentNotPoints) {
  const CaseloadRules rules = fixtures::fixed_length_rules();
  std::vector<Practitioner> staff = {fixtures::practitioner(Grade::pso, rules.workload, 0.5),
                                     fixtures::practitioner(Grade::pso, rules.workload, 1.0)};
  staff[0].case_points_per_week = 600;  // 600 of 1088 available: 55%
  staff[1].case_points_per_week = 900;  // 900 of 2176: 41%
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::low), staff), 1);
}

TEST(AllocationRule, TiesGoToTheFirstPractitioner) {
  const CaseloadRules rules = fixtures::fixed_length_rules();
  std::vector<Practitioner> staff(3, fixtures::practitioner(Grade::po, rules.workload));
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::low), staff), 0);
}

TEST(AllocationRule, NoEligibleGradeLeavesTheCaseUnallocatedUnlessFallingBack) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  std::vector<Practitioner> staff = {fixtures::practitioner(Grade::pso, rules.workload)};
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::very_high), staff), kUnallocated);
  rules.allocation.fall_back_to_any_grade = true;
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::very_high), staff), 0);
  EXPECT_EQ(rules.allocation.choose(case_with(RoshLevel::low), std::vector<Practitioner>{}), kUnallocated);
}
