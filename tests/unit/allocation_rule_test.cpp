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

TEST(CaseManagementTeams, TeamsOfAboutTheGivenSize) {
  EXPECT_EQ(CaseManagementTeams::of_size(58, 8).count, 7u);
  EXPECT_EQ(CaseManagementTeams::of_size(5, 8).count, 1u);
  EXPECT_EQ(CaseManagementTeams::of_size(58, 0).count, 1u) << "0: one pool";
  const CaseManagementTeams teams{3};
  EXPECT_EQ(teams.team_of_practitioner(4), 1u);
  int per_team[3] = {0, 0, 0};
  for (CaseId id = 0; id < 3000; ++id) per_team[teams.team_of_case(id)] += 1;
  for (int n : per_team) EXPECT_NEAR(n, 1000, 100) << "localities spread cases evenly over teams";
}

TEST(AllocationRule, ACaseGoesToTheLeastLoadedEligibleMemberOfItsTeam) {
  const CaseloadRules rules = fixtures::fixed_length_rules();
  // Two teams: practitioners 0 and 2 in team 0, 1 and 3 in team 1. Team 0's POs are the least loaded.
  std::vector<Practitioner> staff = {
      fixtures::practitioner(Grade::po, rules.workload), fixtures::practitioner(Grade::pso, rules.workload),
      fixtures::practitioner(Grade::po, rules.workload), fixtures::practitioner(Grade::pso, rules.workload)};
  staff[0].case_points_per_week = 100;
  staff[1].case_points_per_week = 3000;
  staff[2].case_points_per_week = 200;
  staff[3].case_points_per_week = 2500;
  const CaseManagementTeams teams{2};
  Case c = case_with(RoshLevel::medium);
  while (teams.team_of_case(c.id) != 1) ++c.id;
  EXPECT_EQ(rules.allocation.choose(c, staff, teams), 3) << "team 1's least loaded, though at 115%";
  EXPECT_EQ(rules.allocation.choose(c, staff), 0) << "one pool: the PDU's least loaded";
  // A high RoSH case of team 1 needs a PO and team 1 has none: the PDU's least-loaded PO.
  c.rosh = RoshLevel::high;
  EXPECT_EQ(rules.allocation.choose(c, staff, teams), 0);
  // Nobody in team 1 can take cases (long-term sick): a medium case goes to the PDU's least loaded.
  c.rosh = RoshLevel::medium;
  staff[1].available_points_per_week = staff[3].available_points_per_week = 0;
  EXPECT_EQ(rules.allocation.choose(c, staff, teams), 0);
}
