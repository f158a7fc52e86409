// The loader's interventions defaults and teams: the base file's defaults with one team per region,
// default teams following the regions, and teams without an interventions block refused.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

TEST(ScenarioLoader, TheBaseDefaultsSwitchInterventionsOnWithOneTeamPerRegion) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const Scenario& s = loaded->scenario;
  const InterventionRules& iv = s.interventions;
  EXPECT_TRUE(iv.enabled);
  EXPECT_EQ(iv.bbr.name, "bbr");
  EXPECT_EQ(iv.bbr.group_sessions, 24);
  EXPECT_EQ(iv.bbr.individual_sessions, 5);
  EXPECT_EQ(iv.bbr_priority_order, waiting_list_criteria(WaitingListPriority::risk_then_order_end));
  ASSERT_EQ(iv.structured_interventions.size(), 3u);
  EXPECT_EQ(iv.structured_interventions[2].name, "help");
  EXPECT_EQ(iv.structured_interventions[2].group_sessions, 15);
  EXPECT_TRUE(iv.structured_interventions[2].men_only);
  ASSERT_EQ(iv.routing.structured_intervention_mix.size(), 3u);
  EXPECT_DOUBLE_EQ(iv.routing.structured_intervention_mix[0], 0.787);
  EXPECT_FALSE(iv.demand_management.enabled);  // no trigger in the base
  ASSERT_EQ(s.interventions_teams.size(), 1u);
  EXPECT_EQ(s.interventions_teams[0].name, "Example region");
  EXPECT_EQ(s.interventions_teams[0].pdus, (std::vector<std::size_t>{0, 1, 2}));

  auto off =
      load_scenario(source("scenarios/example_pdu.yaml"), {"interventions.enabled=false"}, diagnostics);
  ASSERT_TRUE(off) << diagnostics.describe();
  EXPECT_FALSE(off->scenario.interventions.enabled);
  EXPECT_TRUE(off->scenario.interventions_teams.empty());
}

TEST(ScenarioLoader, DefaultTeamsFollowTheRegions) {
  const std::string path = write_scenario("two_regions.yaml", example_with(R"(name: two_regions
regions:
  - name: Second region
    pdus:
      - {name: Westfield, referrals_per_week: 2, staff: [{grade: po, headcount: 3, fte_each: 1.0}]}
      - {name: Upton, referrals_per_week: 2, staff: [{grade: po, headcount: 3, fte_each: 1.0}]}
)"));
  Diagnostics diagnostics;
  auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const auto& teams = loaded->scenario.interventions_teams;
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0].name, "Example region");
  EXPECT_EQ(teams[0].pdus, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(teams[1].name, "Second region");
  EXPECT_EQ(teams[1].pdus, (std::vector<std::size_t>{3, 4}));
}

TEST(ScenarioLoader, TeamsWithoutAnInterventionsBlockAreAnError) {
  const std::string path = write_scenario("teams_only.yaml", R"(name: teams_only
simulation: {report_start: 2023-01-01, report_end: 2023-12-31, warm_up_weeks: 0, warm_start: empty}
interventions_teams:
  - {name: North, pdus: [Northgate]}
)");
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(path, {}, diagnostics));
  EXPECT_NE(
      diagnostics.describe().find("key 'interventions_teams': teams run interventions, but the scenario "
                                  "has no 'interventions' block"),
      std::string::npos)
      << diagnostics.describe();
}
