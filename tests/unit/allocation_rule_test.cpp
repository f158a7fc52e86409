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

// WF-12 and 4.3/4.4 (Durham: every DV case to a PO first): a DA case allocated as complex goes to the
// least-loaded of the complex grades its RoSH allows, before any other grade.
namespace {
AllocationRule complex_da_rule(double share) {
  AllocationRule rule = fixtures::fixed_length_rules().allocation;
  // As the England and Wales defaults: trainees may hold medium and low RoSH cases.
  for (auto rosh : {RoshLevel::low, RoshLevel::medium})
    rule.eligible_grades_by_rosh[static_cast<std::size_t>(rosh)] = {Grade::po, Grade::pso, Grade::pqip};
  rule.domestic_abuse.share_allocated_as_complex = share;
  rule.domestic_abuse.complex_grades = {Grade::po, Grade::pqip};
  return rule;
}
Case da_case(RoshLevel rosh, CaseId id = 1) {
  Case c = case_with(rosh);
  c.id = id;
  c.domestic_abuse_flag = true;
  return c;
}
}  // namespace

TEST(AllocationRule, ADomesticAbuseCaseAllocatedAsComplexGoesToTheLeastLoadedPoOrTrainee) {
  const CaseloadRules rules = fixtures::fixed_length_rules();
  std::vector<Practitioner> staff = {fixtures::practitioner(Grade::pso, rules.workload),
                                     fixtures::practitioner(Grade::po, rules.workload),
                                     fixtures::practitioner(Grade::pqip, rules.workload, 0.4)};
  staff[0].case_points_per_week = 200;   // 9%: the least loaded
  staff[1].case_points_per_week = 2400;  // 110%
  staff[2].case_points_per_week = 700;   // 700 of 870: 80%
  const AllocationRule all = complex_da_rule(1.0);
  EXPECT_EQ(all.choose(da_case(RoshLevel::medium), staff), 2) << "the trainee, less loaded than the PO";
  Case not_da = da_case(RoshLevel::medium);
  not_da.domestic_abuse_flag = false;
  EXPECT_EQ(all.choose(not_da, staff), 0) << "other cases follow the RoSH rule alone";
  EXPECT_EQ(complex_da_rule(0.0).choose(da_case(RoshLevel::medium), staff), 0) << "share 0: as before";
  // High RoSH allows only POs, so the trainee is not among its complex grades.
  EXPECT_EQ(all.choose(da_case(RoshLevel::high), staff), 1);
  // With no PO or trainee who can take cases, the RoSH rule's other grades take it.
  staff[1].available_points_per_week = staff[2].available_points_per_week = 0;
  EXPECT_EQ(all.choose(da_case(RoshLevel::medium), staff), 0);
}

TEST(AllocationRule, AComplexDomesticAbuseCaseStaysInItsTeamBeforeGoingToAnotherTeamsPo) {
  const CaseloadRules rules = fixtures::fixed_length_rules();
  // Team 0: practitioners 0 (PO) and 2 (PSO); team 1: 1 (PSO) and 3 (PSO).
  std::vector<Practitioner> staff = {
      fixtures::practitioner(Grade::po, rules.workload), fixtures::practitioner(Grade::pso, rules.workload),
      fixtures::practitioner(Grade::pso, rules.workload), fixtures::practitioner(Grade::pso, rules.workload)};
  staff[0].case_points_per_week = 2000;
  staff[1].case_points_per_week = 1500;
  staff[2].case_points_per_week = 100;
  staff[3].case_points_per_week = 1200;
  const CaseManagementTeams teams{2};
  const AllocationRule all = complex_da_rule(1.0);
  Case in_team0 = da_case(RoshLevel::low), in_team1 = da_case(RoshLevel::low);
  while (teams.team_of_case(in_team0.id) != 0) ++in_team0.id;
  while (teams.team_of_case(in_team1.id) != 1) ++in_team1.id;
  EXPECT_EQ(all.choose(in_team0, staff, teams), 0) << "team 0's PO, though its PSO is far less loaded";
  EXPECT_EQ(all.choose(in_team1, staff, teams), 3) << "team 1 has no PO: its least-loaded PSO";
}

TEST(AllocationRule, WhichDomesticAbuseCasesAreComplexIsADrawKeyedOnTheCaseAndTheReplication) {
  const AllocationRule low = complex_da_rule(0.3), high = complex_da_rule(0.6);
  int at_low = 0, at_high = 0, both_seeds_agree = 0;
  const int n = 20000;
  for (CaseId id = 0; id < static_cast<CaseId>(n); ++id) {
    const Case c = da_case(RoshLevel::medium, id);
    const bool l = low.allocated_as_complex(c, 11), h = high.allocated_as_complex(c, 11);
    at_low += l ? 1 : 0;
    at_high += h ? 1 : 0;
    EXPECT_TRUE(!l || h) << "a larger share keeps every case the smaller one chose (common random numbers)";
    EXPECT_EQ(l, low.allocated_as_complex(c, 11)) << "the same case, the same answer";
    both_seeds_agree += l == low.allocated_as_complex(c, 12) ? 1 : 0;
    Case not_da = c;
    not_da.domestic_abuse_flag = false;
    EXPECT_FALSE(high.allocated_as_complex(not_da, 11));
  }
  // Binomial: sd of the share is sqrt(0.3 × 0.7 / 20000) = 0.0032; 4 sd either side.
  EXPECT_NEAR(at_low / double(n), 0.3, 0.013);
  EXPECT_NEAR(at_high / double(n), 0.6, 0.014);
  // Another replication draws afresh: agreement 0.3² + 0.7² = 0.58, not 1.
  EXPECT_NEAR(both_seeds_agree / double(n), 0.58, 0.02);
}
