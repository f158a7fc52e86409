// Each rule struct's check() (core/rule_problems.hpp): the checks between fields that the loader used
// to hold alone, now where rules built in C++ meet them too. ProbationService refuses a scenario whose
// check() finds anything; the loader reports the same words at file:line:key
// (tests/e2e/bad_scenario_test.cpp).
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <string>

#include "scenario/scenario.hpp"
#include "service/probation_service.hpp"
#include "unit/model_run.hpp"
#include "unit/rule_problem_lists.hpp"

using namespace probsim;
using probsim::testing::keys_of;

TEST(RuleChecks, AShippedScenarioHasNoProblems) {
  EXPECT_TRUE(probsim::testing::load_scenario_file("scenarios/rag_example.yaml").check().empty());
}

TEST(RuleChecks, EachStructNamesTheKeyOfItsCrossFieldProblem) {
  RagThresholds t;
  EXPECT_TRUE(t.check().empty());
  t.workload_pct_red_above = 95.0;       // below amber's 100
  t.staffing_fill_pct_red_below = 90.0;  // above amber's 85
  EXPECT_EQ(keys_of(t.check()),
            (std::vector<std::string>{"workload_pct_red_above", "staffing_fill_pct_red_below"}));
  EXPECT_EQ(t.check()[0].message, "must be at least workload_pct_amber_above (100): red is the worse status");

  OverloadTriage triage;
  EXPECT_TRUE(triage.check().empty());
  triage.protect_none_from_workload_pct = triage.protect_all_up_to_workload_pct;
  triage.applies_to[static_cast<std::size_t>(TaskKind::contact)] = true;
  triage.applies_to[static_cast<std::size_t>(TaskKind::home_visit)] = true;  // allowed
  EXPECT_EQ(keys_of(triage.check()), (std::vector<std::string>{"protect_none_from_workload_pct", "tasks"}));

  SentenceManagementRules::Contacts contacts;
  contacts.schedule_by_rosh[1] = {{12.0, 1.0}, {12.0, 2.0}, {std::numeric_limits<double>::infinity(), 4.0}};
  EXPECT_EQ(keys_of(contacts.check()), (std::vector<std::string>{"schedule_by_rosh.medium[1].until_week"}));

  EXPECT_TRUE((WeeksRange{2.0, 4.0}).check().empty());
  EXPECT_EQ((WeeksRange{5.0, 4.0}).check().at(0).message, "min (5) must not exceed max (4)");

  ProgrammeRules bbr;
  EXPECT_TRUE(bbr.check().empty());
  bbr.group_size_min = bbr.group_size_max + 1;
  bbr.group_sessions = 25;  // rolling, 6 to a module
  EXPECT_EQ(keys_of(bbr.check()), (std::vector<std::string>{"group_size_min", "module_sessions"}));
  bbr.format = GroupFormat::closed;  // a closed group need not run whole modules
  EXPECT_EQ(keys_of(bbr.check()), (std::vector<std::string>{"group_size_min"}));

  InterventionRouting routing;
  EXPECT_TRUE(routing.check().empty());
  routing.sara_low_toolkit_share = 0.6;  // with 0.5 to structured interventions
  EXPECT_EQ(
      routing.check().at(0).message,
      "sara_low_structured_intervention_share + sara_low_toolkit_share must be at most 1, found 0.5 + 0.6");

  EnforcementRules enforcement;
  enforcement.missed_acceptable_share = {0.6, 0.0, 0.0};
  enforcement.missed_unacceptable_share = {0.5, 0.0, 0.0};
  ASSERT_EQ(enforcement.check().size(), 1u);
  EXPECT_EQ(enforcement.check()[0].message,
            "missed_acceptable_share + missed_unacceptable_share of community_order exceeds 1");
}

TEST(RuleChecks, TheScenarioGivesFullKeysAndChecksBetweenBlocks) {
  Scenario s = probsim::testing::load_scenario_file("scenarios/example_pdu.yaml");
  s.caseload.prioritisation.thresholds.staffing_fill_pct_red_below = 99.0;
  s.interventions.bbr_priority_order = {PriorityCriterion::contacts_first};
  s.interventions.readiness = WeeksRange{6.0, 3.0};
  s.caseload.sentence_management.enabled = false;
  s.caseload.sentence_management.enforcement.enabled = true;
  EXPECT_EQ(keys_of(s.check()),
            (std::vector<std::string>{"enforcement", "prioritisation.staffing_fill_pct_red_below",
                                      "interventions.bbr.priority_order[0]",
                                      "interventions.readiness_delay_weeks.min"}));
}

TEST(RuleChecks, TheBuilderRefusesRulesBuiltInCppWithABadCrossFieldValue) {
  Scenario s = probsim::testing::load_scenario_file("scenarios/rag_example.yaml");
  EXPECT_NO_THROW({ ProbationService service(s, replication_seed(1, 0)); });
  s.caseload.prioritisation.thresholds.workload_pct_red_above =
      s.caseload.prioritisation.thresholds.workload_pct_amber_above - 1.0;
  try {
    ProbationService service(s, replication_seed(1, 0));
    FAIL() << "built a model whose red workload threshold is below its amber one";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("prioritisation.workload_pct_red_above: must be at least "
                                         "workload_pct_amber_above"),
              std::string::npos)
        << e.what();
  }
}
