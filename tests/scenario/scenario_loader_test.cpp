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

TEST(ScenarioLoader, PrioritisationDefaultsFromTheBaseFileAndOff) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const PrioritisationRules& rag = loaded->scenario.caseload.prioritisation;
  EXPECT_FALSE(rag.enabled) << "off unless a scenario turns it on";
  EXPECT_EQ(rag.hysteresis_reviews, 2);
  EXPECT_DOUBLE_EQ(rag.thresholds.workload_pct_red_above, 110);
  EXPECT_EQ(rag.thresholds.workload_red_consecutive_weeks, 4);
  EXPECT_DOUBLE_EQ(rag.thresholds.staffing_fill_pct_red_below, 70);
  const RagMeasures& green = rag.measures_for(RagStatus::green);
  EXPECT_DOUBLE_EQ(green.face_to_face_share, 0.9) << "green is BAU: sentence management's share";
  EXPECT_DOUBLE_EQ(green.non_task_time_share, 0.15);
  EXPECT_FALSE(green.bbr_new_starts_suspended);
  EXPECT_TRUE(green.daso_new_cases_offered);
  const RagMeasures& amber = rag.measures_for(RagStatus::amber);
  EXPECT_DOUBLE_EQ(amber.contact_frequency_multiplier, 0.5);
  EXPECT_DOUBLE_EQ(amber.non_task_time_share, 0.15) << "not set for amber: BAU";
  EXPECT_TRUE(amber.bbr_new_starts_suspended);
  EXPECT_FALSE(amber.daso_new_cases_offered);
  const RagMeasures& red = rag.measures_for(RagStatus::red);
  EXPECT_DOUBLE_EQ(red.contact_frequency_multiplier, 0.5) << "red includes amber's measures (G-2)";
  EXPECT_TRUE(red.bbr_new_starts_suspended) << "red includes amber's measures (G-2)";
  EXPECT_DOUBLE_EQ(red.contact_interval_weeks_min, 4);
  EXPECT_DOUBLE_EQ(red.face_to_face_share, 0.25);
  EXPECT_TRUE(red.programme_delivery_paused);
  EXPECT_EQ(rag.exempt & exemption_bit(RagExemption::domestic_abuse), 0) << "RAG-3";
  EXPECT_NE(rag.exempt & exemption_bit(RagExemption::terrorism), 0);
  EXPECT_DOUBLE_EQ(loaded->scenario.caseload.case_mix.rag_exemption_shares[0], 0.05);
}

TEST(ScenarioLoader, PrioritisationWithoutNestingOverridesAndAnExemptionList) {
  Diagnostics diagnostics;
  const std::string path = write_scenario("rag.yaml", example_with(R"(
prioritisation:
  enabled: true
  red_includes_amber: false
  exempt: [domestic_abuse]
  measures:
    red: {face_to_face_share: 0.1}
  overrides:
    - {pdu: Eastmoor, status: amber, from: 2023-02-01, to: 2023-02-28}
)"));
  auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const PrioritisationRules& rag = loaded->scenario.caseload.prioritisation;
  EXPECT_TRUE(rag.enabled);
  const RagMeasures& red = rag.measures_for(RagStatus::red);
  EXPECT_DOUBLE_EQ(red.face_to_face_share, 0.1);
  EXPECT_DOUBLE_EQ(red.contact_frequency_multiplier, 1.0)
      << "set for amber only, and red does not include amber";
  EXPECT_FALSE(red.bbr_new_starts_suspended) << "the same";
  EXPECT_DOUBLE_EQ(red.contact_interval_weeks_min, 4) << "red's own, from the base file";
  EXPECT_EQ(rag.exempt, exemption_bit(RagExemption::domestic_abuse));
  ASSERT_EQ(rag.overrides.size(), 1u);
  EXPECT_EQ(rag.overrides[0].pdu, 1u);
  EXPECT_EQ(rag.overrides[0].status, RagStatus::amber);
  EXPECT_EQ(rag.overrides[0].to, (CalendarDate{2023, 2, 28}));
}
