// The scenario loader's general rules: `extends` and named-list merging, `--set` overrides and the messages
// that name them, every problem reported in one pass, and the resolved file loading back.
#include "config/scenario_loader.hpp"

#include <gtest/gtest.h>

#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

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

// The one "did you mean" rule (config/diagnostics.cpp): a name in another letter case is suggested; a
// one-letter value was offered any short name ('po' for 'x' or 'e'), and is now offered only a name that
// keeps half of it; a one-character typo of a two-letter name is still found.
TEST(ScenarioLoader, ASuggestionDiffersInCaseOrKeepsHalfTheNameNeverAGuessAtOneLetter) {
  const auto message_for = [](const std::string& set) {
    Diagnostics diagnostics;
    EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"), {set}, diagnostics)) << set;
    return diagnostics.describe();
  };
  const std::string grade = "regions.0.pdus.Northgate.staff.0.grade=";
  EXPECT_NE(message_for(grade + "PO").find("found 'PO' (did you mean 'po'?)"), std::string::npos);
  EXPECT_NE(message_for(grade + "pp").find("found 'pp' (did you mean 'po'?)"), std::string::npos);
  EXPECT_NE(message_for(grade + "p").find("found 'p' (did you mean 'po'?)"), std::string::npos);
  for (const char* far : {"x", "e", "q"}) {
    const std::string message = message_for(grade + far);
    EXPECT_NE(message.find("expected a grade"), std::string::npos) << message;
    EXPECT_EQ(message.find("did you mean"), std::string::npos) << message;
  }
  EXPECT_NE(message_for("interventions.demand_management.divert_to_programme=Stepwise")
                .find("found 'Stepwise' (did you mean 'stepwise'?)"),
            std::string::npos);
  EXPECT_NE(
      message_for("regions.0.pdus.SOUTHBRIDGE.staff.0.headcount=9").find("(did you mean 'Southbridge'?)"),
      std::string::npos);
}

// A --set value is one YAML document, as a file is: a second after '---' is refused, not dropped.
TEST(ScenarioLoader, AnOverrideWithTwoYamlDocumentsIsRefused) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"), {"name=x\n---\ny"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].key, "name");
  EXPECT_NE(diagnostics.items()[0].message.find("holds 2 YAML documents"), std::string::npos);
  Diagnostics one;
  EXPECT_TRUE(load_scenario(source("scenarios/example_pdu.yaml"), {"name=x"}, one)) << one.describe();
  // `extends` is a documented key, but of files: --set says so rather than calling it unknown.
  Diagnostics extends;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"), {"extends=x.yaml"}, extends));
  ASSERT_EQ(extends.items().size(), 1u);
  EXPECT_NE(extends.items()[0].message.find("cannot be set with --set"), std::string::npos);
}

// A rule on a whole block broken by one --set (shares that no longer sum to 1) is reported at the block,
// in the base file, naming the --set that broke it.
TEST(ScenarioLoader, ARuleBrokenByAnOverrideNamesTheOverride) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"),
                             {"case_mix.sentence_type_shares.licence=0.9"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.describe();
  EXPECT_EQ(diagnostics.items()[0].key, "case_mix.sentence_type_shares");
  EXPECT_NE(diagnostics.items()[0].message.find("shares must sum to 1"), std::string::npos);
  EXPECT_NE(diagnostics.items()[0].message.find("(with `--set case_mix.sentence_type_shares.licence=0.9`)"),
            std::string::npos)
      << diagnostics.describe();
}

// A rule comparing two keys, one from the base file and one from --set, reported at the base file's: the
// --set is named as a change to the block the key is in, and an override in another block is not.
TEST(ScenarioLoader, ARuleBrokenByAnOverriddenSiblingNamesTheSibling) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(
      source("scenarios/example_pdu.yaml"),
      {"prioritisation.staffing_fill_pct_amber_below=65", "simulation.warm_up_weeks=20"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.describe();
  const std::string& message = diagnostics.items()[0].message;
  EXPECT_NE(
      message.find(
          "(the block it is in was changed by `--set prioritisation.staffing_fill_pct_amber_below=65`)"),
      std::string::npos)
      << diagnostics.describe();
  EXPECT_EQ(message.find("warm_up_weeks"), std::string::npos) << diagnostics.describe();
}

// A misspelt list item's name: the names there are, and a did-you-mean, as for a misspelt key.
TEST(ScenarioLoader, AnOverrideOfAMisspeltListItemNamesTheItemsAndSuggestsOne) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"),
                             {"regions.0.pdus.Southbrige.staff.0.headcount=9"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  const auto& problem = diagnostics.items()[0];
  EXPECT_EQ(problem.key, "regions.0.pdus.Southbrige");
  EXPECT_NE(problem.message.find("indices 0-2; names 'Northgate', 'Eastmoor', 'Southbridge'"),
            std::string::npos)
      << problem.message;
  EXPECT_NE(problem.message.find("did you mean 'Southbridge'?"), std::string::npos) << problem.message;
  // The same when removing one (=null).
  Diagnostics removing;
  EXPECT_FALSE(
      load_scenario(source("scenarios/example_pdu.yaml"), {"regions.0.pdus.Southbrige=null"}, removing));
  ASSERT_EQ(removing.items().size(), 1u);
  EXPECT_NE(removing.items()[0].message.find("did you mean 'Southbridge'?"), std::string::npos)
      << removing.items()[0].message;
}

// `--set key=$UNSET` must not remove the key: removal is asked for with =null.
TEST(ScenarioLoader, AnOverrideWithAnEmptyValueIsRefusedNotTakenAsARemoval) {
  for (const std::string assignment : {"simulation.warm_up_weeks=", "simulation.warm_up_weeks=  "}) {
    Diagnostics diagnostics;
    EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"), {assignment}, diagnostics));
    ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.describe();
    EXPECT_EQ(diagnostics.items()[0].key, "simulation.warm_up_weeks");
    EXPECT_NE(diagnostics.items()[0].message.find("the value is empty; write simulation.warm_up_weeks=null"),
              std::string::npos)
        << diagnostics.items()[0].message;
  }
}

// A PDU whose name holds '.' cannot be a step of a key path; the message says to use its index.
TEST(ScenarioLoader, AListItemWhoseNameHoldsADotIsNamedByItsIndex) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(
      source("scenarios/example_pdu.yaml"),
      {"regions.0.pdus.1.name=St. Helens", "regions.0.pdus.St. Helens.referrals_per_week=3"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.describe();
  EXPECT_NE(
      diagnostics.items()[0].message.find("'St. Helens' holds a '.', which splits a key path: name it by "
                                          "its index, 1"),
      std::string::npos)
      << diagnostics.items()[0].message;
}

// `key=#5` is a YAML comment, so null; it is refused as an empty value is, while =null and =~ remove.
TEST(ScenarioLoader, AnOverrideThatIsOnlyACommentIsRefused) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"), {"description=#42"}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.describe();
  EXPECT_NE(
      diagnostics.items()[0].message.find("the value '#42' reads as nothing in YAML (a '#' begins a comment"),
      std::string::npos)
      << diagnostics.items()[0].message;
  for (const std::string removal : {"description=null", "description=~", "description=null # no text"}) {
    Diagnostics removed;
    EXPECT_TRUE(load_scenario(source("scenarios/example_pdu.yaml"), {removal}, removed))
        << removed.describe();
  }
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

TEST(ScenarioLoader, AProblemOnlyADefaultBringsAboutIsReportedAtItsBlock) {
  // With the red staffing threshold removed (its default, 70, applies), an amber one of 60 puts red
  // above amber: no block reads both, so Scenario::check() after the last block reports it.
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(
      source("scenarios/example_pdu.yaml"),
      {"prioritisation.staffing_fill_pct_red_below=null", "prioritisation.staffing_fill_pct_amber_below=60"},
      diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u) << diagnostics.describe();
  EXPECT_EQ(diagnostics.items()[0].key, "prioritisation.staffing_fill_pct_red_below");
  EXPECT_EQ(diagnostics.items()[0].message,
            "must be at most staffing_fill_pct_amber_below (60): red is the worse status (with `--set "
            "prioritisation.staffing_fill_pct_amber_below=60`)");  // the --set that brought it about
  EXPECT_GT(diagnostics.items()[0].where.line, 0) << diagnostics.describe();  // the prioritisation block
}

// The count of values and weights takes the singular for one, and two empty lists are called empty
// rather than "one weight per value (0 values, 0 weights)".
TEST(ScenarioLoader, WeightsThatDoNotMatchTheValuesAreCountedInPlainWords) {
  const std::string key = "case_mix.sentence_length_months.community_order";
  Diagnostics mismatched;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"),
                             {key + "={values: [12, 18], weights: [1]}"}, mismatched));
  EXPECT_NE(mismatched.describe().find("(2 values, 1 weight)"), std::string::npos) << mismatched.describe();
  Diagnostics empty;
  EXPECT_FALSE(
      load_scenario(source("scenarios/example_pdu.yaml"), {key + "={values: [], weights: []}"}, empty));
  EXPECT_NE(empty.describe().find("'values' and 'weights' are both empty"), std::string::npos)
      << empty.describe();
  EXPECT_EQ(empty.describe().find("0 values"), std::string::npos) << empty.describe();
}
