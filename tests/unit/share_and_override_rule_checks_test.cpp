// The last checks between fields that the loader held alone (issue 22's leftovers): the delivery's
// completion-recorded range, the shares of a case mix (national or a PDU's override), of the SARA levels
// and of the structured-intervention mix summing to 1, a sentence type with a share having a length,
// and the RAG overrides' dates and overlaps. Each is called on a struct built in C++, with the key and
// the message the loader reports at file:line:key (tests/e2e/bad_scenario_test.cpp,
// tests/scenario/*_loader_test.cpp), and the builder refuses a scenario that breaks one.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "caseload/case_mix.hpp"
#include "core/share_sum.hpp"
#include "interventions/intervention_delivery.hpp"
#include "interventions/intervention_rules.hpp"
#include "prioritisation/rag_override.hpp"
#include "scenario/scenario.hpp"
#include "service/probation_service.hpp"
#include "unit/model_run.hpp"
#include "unit/rule_problem_lists.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;
using probsim::testing::keys_of;
using probsim::testing::messages_of;

namespace {

RagOverride held(std::size_t pdu, RagStatus status, CalendarDate from, CalendarDate to) {
  return RagOverride{pdu, status, from, to};
}

// The builder's refusal names `expected` ("key: message").
void expect_refused(const Scenario& s, const std::string& expected) {
  try {
    ProbationService service(s, replication_seed(1, 0));
    FAIL() << "built a model that breaks " << expected;
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

}  // namespace

TEST(ShareSumRule, SharesOfOneWholeSumToOneWithinTheTolerance) {
  EXPECT_TRUE(check_shares_sum_to_one(std::vector<double>{0.37, 0.17, 0.46}).empty());
  EXPECT_TRUE(check_shares_sum_to_one(std::vector<double>{0.5, 0.5 + 0.9e-6}).empty());
  const RuleProblems over = check_shares_sum_to_one(std::vector<double>{0.5, 0.5 + 2e-6});
  ASSERT_EQ(keys_of(over), (std::vector<std::string>{""}));
  EXPECT_EQ(check_shares_sum_to_one(std::vector<double>{0.3, 0.6}).at(0).message,
            "shares must sum to 1, but they sum to 0.9");
  EXPECT_EQ(check_shares_sum_to_one(std::vector<double>{}).at(0).message,
            "shares must sum to 1, but they sum to 0");
}

TEST(DeliveryRuleChecks, TheCompletionRecordedRangeIsNonNegativeAndInOrder) {
  InterventionDelivery d;
  EXPECT_TRUE(d.check().empty());
  d.completion_recorded_after_weeks = {1.0, 3.0};
  EXPECT_TRUE(d.check().empty());
  d.completion_recorded_after_weeks = {3.0, 3.0};  // a fixed delay
  EXPECT_TRUE(d.check().empty());

  d.completion_recorded_after_weeks = {5.0, 3.0};
  ASSERT_EQ(keys_of(d.check()), (std::vector<std::string>{"completion_recorded_after_weeks.min"}));
  EXPECT_EQ(d.check()[0].message, "min must not exceed max");  // the loader's words for this range

  d.completion_recorded_after_weeks = {-1.0, 3.0};
  ASSERT_EQ(keys_of(d.check()), (std::vector<std::string>{"completion_recorded_after_weeks.min"}));
  EXPECT_EQ(d.check()[0].message, "must not be negative");
  d.completion_recorded_after_weeks = {-2.0, -1.0};
  EXPECT_EQ(keys_of(d.check()), (std::vector<std::string>{"completion_recorded_after_weeks.min",
                                                          "completion_recorded_after_weeks.max"}));

  // In the file's order: the lead before the completion range.
  d.pre_group_lead_weeks = 2.0;
  d.completion_recorded_after_weeks = {5.0, 3.0};
  EXPECT_EQ(keys_of(d.check()),
            (std::vector<std::string>{"pre_group_lead_weeks", "completion_recorded_after_weeks.min"}));

  InterventionRules rules;
  rules.delivery.completion_recorded_after_weeks = {5.0, 3.0};
  EXPECT_EQ(keys_of(rules.check(SimulationWindow{})),
            (std::vector<std::string>{"delivery.completion_recorded_after_weeks.min"}));
}

TEST(RoutingRuleChecks, TheSaraLevelsAndTheStructuredInterventionMixEachSumToOne) {
  InterventionRouting r;
  EXPECT_TRUE(r.check().empty());  // the defaults: G-20's SARA levels, no mix

  r.sara_level_shares = {0.3, 0.5, 0.4};
  ASSERT_EQ(keys_of(r.check()), (std::vector<std::string>{"sara_level_shares"}));
  EXPECT_EQ(r.check()[0].message, "shares must sum to 1, but they sum to 1.2");
  r.sara_level_shares = {0.0, 0.0, 1.0};

  r.structured_intervention_mix = {0.787, 0.097, 0.116};  // the shipped SI-6 mix
  EXPECT_TRUE(r.check().empty());
  r.structured_intervention_mix = {0.5, 0.097, 0.116};
  ASSERT_EQ(keys_of(r.check()), (std::vector<std::string>{"structured_intervention_mix"}));
  EXPECT_EQ(r.check()[0].message, "shares must sum to 1, but they sum to 0.713");
  r.structured_intervention_mix.clear();  // no mix: no structured intervention is referred to
  EXPECT_TRUE(r.check().empty());

  // In the file's order, and under `routing` in the interventions' check.
  r.sara_level_shares = {0.3, 0.5, 0.4};
  r.sara_low_toolkit_share = 0.9;
  r.structured_intervention_mix = {0.5, 0.4};
  EXPECT_EQ(keys_of(r.check()), (std::vector<std::string>{"sara_level_shares", "sara_low_toolkit_share",
                                                          "structured_intervention_mix"}));
  InterventionRules rules;
  rules.routing = r;
  EXPECT_EQ(keys_of(rules.check(SimulationWindow{})),
            (std::vector<std::string>{"routing.sara_level_shares", "routing.sara_low_toolkit_share",
                                      "routing.structured_intervention_mix"}));
}

TEST(CaseMixRuleChecks, EveryShareMapSumsToOneAndATypeWithAShareHasALength) {
  CaseMix mix = fixtures::fixed_length_rules().case_mix;
  EXPECT_TRUE(mix.check().empty());

  mix.sentence_type = WeightedChoice({0.5, 0.2, 0.2});
  mix.rosh = WeightedChoice({0.3, 0.3, 0.3, 0.05});
  mix.tier_protect_level_by_rosh[2] = WeightedChoice({0.3, 0.9, 0.0, 0.0});
  mix.tier_change_level = WeightedChoice({0.5, 0.6, 0.0, 0.0});
  EXPECT_EQ(keys_of(mix.check()),
            (std::vector<std::string>{"sentence_type_shares", "rosh_shares",
                                      "tier_protect_level_shares_by_rosh.high", "tier_change_level_shares"}));
  EXPECT_EQ(messages_of(mix.check()),
            (std::vector<std::string>{
                "shares must sum to 1, but they sum to 0.9", "shares must sum to 1, but they sum to 0.95",
                "shares must sum to 1, but they sum to 1.2", "shares must sum to 1, but they sum to 1.1"}));

  CaseMix no_licence_length = fixtures::fixed_length_rules().case_mix;
  no_licence_length.sentence_type = WeightedChoice({0.5, 0.0, 0.5});
  no_licence_length.sentence_length_months[2] = BoundedDistribution{};  // nothing to draw from
  ASSERT_EQ(keys_of(no_licence_length.check()), (std::vector<std::string>{"sentence_length_months.licence"}));
  EXPECT_EQ(no_licence_length.check()[0].message,
            "is required: sentence_type_shares gives licence a share above 0");
  no_licence_length.sentence_type = WeightedChoice({1.0, 0.0, 0.0});  // no licences: no length needed
  EXPECT_TRUE(no_licence_length.check().empty());
}

TEST(RagOverrideRuleChecks, DatesInOrderAndOneStatusAtATimePerPdu) {
  const std::vector<std::string> pdus = {"Northgate", "Eastmoor", "Southbridge"};
  const CalendarDate mar1{2023, 3, 1}, may31{2023, 5, 31}, jun30{2023, 6, 30}, jul31{2023, 7, 31};
  std::vector<RagOverride> overrides = {
      held(2, RagStatus::amber, mar1, may31),                     // stands
      held(0, RagStatus::red, mar1, may31),                       // another PDU: stands
      held(2, RagStatus::red, may31, jun30),                      // shares 31 May with the first
      held(2, RagStatus::red, jul31, jun30),                      // ends before it starts
      held(2, RagStatus::red, CalendarDate{2023, 6, 1}, jun30),   // the third did not stand: no overlap
      held(2, RagStatus::red, CalendarDate{2023, 6, 15}, jul31),  // overlaps the fifth, which stood
      held(5, RagStatus::red, mar1, may31),                       // no such PDU
  };
  const RuleProblems problems = check_rag_overrides(overrides, pdus);
  EXPECT_EQ(keys_of(problems), (std::vector<std::string>{"overrides[2]", "overrides[3].to", "overrides[5]",
                                                         "overrides[6].pdu"}));
  EXPECT_EQ(messages_of(problems),
            (std::vector<std::string>{
                "overlaps an earlier override of 'Southbridge': a PDU is held at one status at a time",
                "must be on or after 'from' (2023-07-31)",
                "overlaps an earlier override of 'Southbridge': a PDU is held at one status at a time",
                "is PDU 5 in scenario order, but the scenario has 3 PDUs"}));

  // One override against the ones that stand, as the loader asks of each item it reads.
  EXPECT_TRUE(held(2, RagStatus::red, CalendarDate{2023, 6, 1}, jun30).check({overrides[0]}, pdus).empty());
  EXPECT_EQ(keys_of(held(2, RagStatus::red, may31, may31).check({overrides[0]}, pdus)),
            (std::vector<std::string>{""}));
  EXPECT_TRUE(held(2, RagStatus::red, may31, may31).check({}, pdus).empty());  // a one-day override
}

TEST(ScenarioRuleChecks, TheLastMovedRulesWithFullKeysAndTheBuilderRefusesThem) {
  const Scenario shipped = probsim::testing::load_scenario_file("scenarios/example_pdu.yaml");
  ASSERT_TRUE(shipped.check().empty());
  ASSERT_GE(shipped.pdu_count(), 2u);
  EXPECT_EQ(shipped.pdu_names().at(1), shipped.pdu_at(1).name);

  Scenario s = shipped;
  s.caseload.case_mix.rosh = WeightedChoice({0.3, 0.3, 0.3, 0.05});
  CaseMix local = s.caseload.case_mix;
  local.rosh = WeightedChoice({0.25, 0.25, 0.25, 0.25});
  local.tier_change_level = WeightedChoice({0.5, 0.6, 0.0, 0.0});
  s.regions.at(0).pdus.at(1).case_mix = local;
  s.interventions.delivery.completion_recorded_after_weeks = {5.0, 3.0};
  s.caseload.prioritisation.overrides = {
      RagOverride{0, RagStatus::amber, CalendarDate{2023, 3, 1}, CalendarDate{2023, 5, 31}},
      RagOverride{0, RagStatus::red, CalendarDate{2023, 5, 1}, CalendarDate{2023, 6, 30}}};
  EXPECT_EQ(
      keys_of(s.check()),
      (std::vector<std::string>{
          "case_mix.rosh_shares", "regions[0].pdus[1].case_mix.tier_change_level_shares",
          "prioritisation.overrides[1]", "interventions.delivery.completion_recorded_after_weeks.min"}));
  expect_refused(s, "prioritisation.overrides[1]: overlaps an earlier override of '" +
                        shipped.pdu_at(0).name + "': a PDU is held at one status at a time");

  Scenario mix = shipped;
  mix.interventions.routing.structured_intervention_mix = {0.5, 0.097, 0.116};
  EXPECT_EQ(keys_of(mix.check()),
            (std::vector<std::string>{"interventions.routing.structured_intervention_mix"}));
  expect_refused(mix,
                 "interventions.routing.structured_intervention_mix: shares must sum to 1, but they sum to "
                 "0.713");

  Scenario local_only = shipped;
  local_only.regions.at(0).pdus.at(1).case_mix = local;
  expect_refused(local_only, "regions[0].pdus[1].case_mix.tier_change_level_shares: shares must sum to 1");
}
