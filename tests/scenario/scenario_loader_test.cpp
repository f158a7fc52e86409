#include "config/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace probsim;

namespace {

std::string source(const std::string& relative) {
  return std::string(PROBSIM_SOURCE_DIR) + "/" + relative;
}

// Writes `text` to a scenario file in a temporary folder beside a copy of nothing else.
std::string write_scenario(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "probsim-loader-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

std::string example_with(const std::string& extra) {
  return "extends: " + source("scenarios/example_pdu.yaml") + "\n" + extra;
}

}  // namespace

TEST(ScenarioLoader, LoadsTheDefaultScenarioWithItsBase) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const Scenario& s = loaded->scenario;
  EXPECT_EQ(s.name, "example_pdu");
  ASSERT_EQ(s.regions.size(), 1u);
  EXPECT_EQ(s.pdu_count(), 3u);
  EXPECT_EQ(s.regions[0].pdus[0].name, "Northgate");
  EXPECT_DOUBLE_EQ(s.regions[0].pdus[0].referrals.per_week, 6.0);
  EXPECT_EQ(s.window.report_start, (CalendarDate{2023, 1, 1}));
  EXPECT_EQ(s.window.first_report_day(), 26 * 7);
  EXPECT_DOUBLE_EQ(s.caseload.workload.nominal_points_per_week, 2176);    // from the base file
  EXPECT_DOUBLE_EQ(s.caseload.workload.points_per_case_week[0][0], 206);  // community A3
  EXPECT_DOUBLE_EQ(s.caseload.case_mix.domestic_abuse_share, 0.312);
  EXPECT_EQ(loaded->resolved.find("extends"), nullptr);
}

TEST(ScenarioLoader, DerivedFilesOverrideKeysAndMergeNamedListItems) {
  const std::string path = write_scenario("derived.yaml", example_with(R"(name: derived
regions:
  - name: Example region
    pdus:
      - name: Eastmoor
        referrals_per_week: 9
      - name: Westfield
        referrals_per_week: 2
        staff: [{grade: po, headcount: 3, fte_each: 1.0}]
)"));
  Diagnostics diagnostics;
  auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const auto& pdus = loaded->scenario.regions[0].pdus;
  ASSERT_EQ(pdus.size(), 4u);
  EXPECT_EQ(pdus[1].name, "Eastmoor");
  EXPECT_DOUBLE_EQ(pdus[1].referrals.per_week, 9.0);
  EXPECT_EQ(pdus[1].staff.size(), 5u);  // kept from the base
  EXPECT_EQ(pdus[3].name, "Westfield");
}

TEST(ScenarioLoader, CommandLineOverridesApplyByIndexOrName) {
  Diagnostics diagnostics;
  auto loaded =
      load_scenario(source("scenarios/example_pdu.yaml"),
                    {"simulation.warm_up_weeks=52", "regions.0.pdus.Southbridge.referrals_per_week=7.5",
                     "regions.Example region.pdus.0.staff.0.headcount=11"},
                    diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  EXPECT_EQ(loaded->scenario.window.warm_up_weeks, 52);
  EXPECT_DOUBLE_EQ(loaded->scenario.regions[0].pdus[2].referrals.per_week, 7.5);
  EXPECT_EQ(loaded->scenario.regions[0].pdus[0].staff[0].headcount, 11);
  EXPECT_NE(emit_yaml(loaded->resolved).find("warm_up_weeks: 52"), std::string::npos);
}

TEST(ScenarioLoader, AnOverrideOfAnUnknownKeyIsReportedWithASuggestion) {
  Diagnostics diagnostics;
  EXPECT_FALSE(
      load_scenario(source("scenarios/example_pdu.yaml"), {"simulation.warmup_weeks=5"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].key, "simulation.warmup_weeks");
  EXPECT_NE(diagnostics.items()[0].message.find("did you mean 'warm_up_weeks'"), std::string::npos);
  EXPECT_NE(diagnostics.items()[0].where.file.find("--set"), std::string::npos);
}

TEST(ScenarioLoader, ReportsEveryProblemInOnePass) {
  const std::string path = write_scenario("several.yaml", example_with(R"(name: several
simulation:
  warm_up_weeks: -2
case_mix:
  male_share: 1.5
regions:
  - name: Example region
    pdus:
      - name: Northgate
        referrals_per_week: lots
)"));
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(path, {}, diagnostics));
  const std::string all = diagnostics.describe();
  EXPECT_EQ(diagnostics.items().size(), 3u) << all;
  EXPECT_NE(all.find(path + ":4:18: error: key 'simulation.warm_up_weeks'"), std::string::npos) << all;
  EXPECT_NE(all.find(path + ":6:15: error: key 'case_mix.male_share'"), std::string::npos) << all;
  EXPECT_NE(
      all.find(path +
               ":11:29: error: key 'regions[0].pdus[0].referrals_per_week': expected a number, found 'lots'"),
      std::string::npos)
      << all;
}

TEST(ScenarioLoader, ResolvedYamlLoadsBackToTheSameScenario) {
  Diagnostics diagnostics;
  auto first =
      load_scenario(source("scenarios/example_pdu.yaml"), {"simulation.warm_up_weeks=10"}, diagnostics);
  ASSERT_TRUE(first);
  const std::string path = write_scenario("resolved.yaml", emit_yaml(first->resolved));
  auto second = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(second) << diagnostics.describe();
  EXPECT_EQ(emit_yaml(second->resolved), emit_yaml(first->resolved));
  EXPECT_EQ(second->scenario.window.warm_up_weeks, 10);
}
