// The loader's checks of the interventions keys: the cross-field rules, and unique programme names.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

TEST(ScenarioLoader, InterventionCrossFieldRulesAreChecked) {
  const std::string path = write_scenario("interventions_bad.yaml", example_with(R"(name: interventions_bad
interventions:
  routing:
    sara_low_structured_intervention_share: 0.7
    sara_low_toolkit_share: 0.5
  readiness_delay_weeks: {min: 5, max: 3}
  bbr:
    sessions_per_week: 3
    removal_enforcement: {breach_probability: -0.5, order_ended_probability: {community_orders: 0.3}}
  demand_management: {divert_to_programme: stepwse}
interventions_teams:
  - {name: North, pdus: [Northgate]}
)"));
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(path, {}, diagnostics));
  const std::string all = diagnostics.describe();
  EXPECT_NE(
      all.find("key 'interventions.routing.sara_low_toolkit_share': sara_low_structured_intervention_share "
               "+ sara_low_toolkit_share must be at most 1"),
      std::string::npos)
      << all;
  EXPECT_NE(all.find("key 'interventions.readiness_delay_weeks.min': min (5) must not exceed max (3)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("key 'interventions.bbr.sessions_per_week': expected a whole number between 1 and 2"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("key 'interventions.bbr.removal_enforcement.breach_probability': expected a number "
                     "between 0 and 1"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("key 'interventions.bbr.removal_enforcement.order_ended_probability.community_orders'"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("key 'interventions.demand_management.divert_to_programme'"), std::string::npos) << all;
  EXPECT_NE(all.find("did you mean 'stepwise'"), std::string::npos) << all;
  EXPECT_NE(all.find("key 'interventions_teams': every PDU must be served by a team when teams are listed; "
                     "not served: 'Eastmoor', 'Southbridge'"),
            std::string::npos)
      << all;
}

// A derived file's items merge by name into the base's, so a repeated name can only come from one file
// (or a tree built otherwise); it is reported there.
TEST(ScenarioLoader, StructuredInterventionNamesAreUnique) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  ConfigNode tree = loaded->resolved;
  ConfigNode* list = tree.find("interventions")->find("structured_interventions");
  list->items.push_back(list->items[0]);
  EXPECT_FALSE(read_scenario(tree, diagnostics));
  EXPECT_NE(diagnostics.describe().find(
                "key 'interventions.structured_interventions[3].name': the name 'stepwise' is already used"),
            std::string::npos)
      << diagnostics.describe();
}
