#include "config/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scratch_directory.hpp"

using namespace probsim;

namespace {

std::string source(const std::string& relative) {
  return std::string(PROBSIM_SOURCE_DIR) + "/" + relative;
}

// Writes `text` to a scenario file in a temporary folder beside a copy of nothing else.
std::string write_scenario(const std::string& name, const std::string& text) {
  const auto dir = probsim::testing::scratch_root("probsim-loader-test");
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
  EXPECT_DOUBLE_EQ(green.contacts.face_to_face_share, 0.9) << "green is BAU: sentence management's share";
  EXPECT_DOUBLE_EQ(green.contacts.non_task_time_share, 0.15);
  EXPECT_FALSE(green.interventions.bbr_new_starts_suspended);
  EXPECT_TRUE(green.interventions.daso_new_cases_offered);
  const RagMeasures& amber = rag.measures_for(RagStatus::amber);
  EXPECT_DOUBLE_EQ(amber.contacts.contact_frequency_multiplier, 0.5);
  EXPECT_DOUBLE_EQ(amber.contacts.non_task_time_share, 0.15) << "not set for amber: BAU";
  EXPECT_TRUE(amber.interventions.bbr_new_starts_suspended);
  EXPECT_FALSE(amber.interventions.daso_new_cases_offered);
  const RagMeasures& red = rag.measures_for(RagStatus::red);
  EXPECT_DOUBLE_EQ(red.contacts.contact_frequency_multiplier, 0.5) << "red includes amber's measures (G-2)";
  EXPECT_TRUE(red.interventions.bbr_new_starts_suspended) << "red includes amber's measures (G-2)";
  EXPECT_DOUBLE_EQ(red.contacts.contact_interval_weeks_min, 4);
  EXPECT_DOUBLE_EQ(red.contacts.face_to_face_share, 0.25);
  EXPECT_TRUE(red.interventions.programme_delivery_paused);
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
  EXPECT_DOUBLE_EQ(red.contacts.face_to_face_share, 0.1);
  EXPECT_DOUBLE_EQ(red.contacts.contact_frequency_multiplier, 1.0)
      << "set for amber only, and red does not include amber";
  EXPECT_FALSE(red.interventions.bbr_new_starts_suspended) << "the same";
  EXPECT_DOUBLE_EQ(red.contacts.contact_interval_weeks_min, 4) << "red's own, from the base file";
  EXPECT_EQ(rag.exempt, exemption_bit(RagExemption::domestic_abuse));
  ASSERT_EQ(rag.overrides.size(), 1u);
  EXPECT_EQ(rag.overrides[0].pdu, 1u);
  EXPECT_EQ(rag.overrides[0].status, RagStatus::amber);
  EXPECT_EQ(rag.overrides[0].to, (CalendarDate{2023, 2, 28}));
}

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

TEST(ScenarioLoader, ReadsAFullInterventionsBlockAndTeams) {
  const std::string path = write_scenario("interventions.yaml", example_with(R"(name: interventions
regions:
  - name: Second region
    pdus:
      - {name: Westfield, referrals_per_week: 2, staff: [{grade: po, headcount: 3, fte_each: 1.0}]}
interventions:
  routing:
    sara_level_shares: {low: 0.2, medium: 0.5, high: 0.3}
    bbr_requirement_share: 0.4
    bbr_minimum_order_months: 15
    bbr_one_to_one_share: 0.05
    sara_low_structured_intervention_share: 0.6
    sara_low_toolkit_share: 0.3
    structured_intervention_mix: {stepwise: 0.5, positive_pathways_plus: 0.1, help: 0.1, dawn: 0.3}
  readiness_delay_weeks: {min: 1, max: 5}
  warm_start: {waiting_list_max_weeks: 52, waiting_share: 0.5}
  bbr:
    priority: order_end
    group_sessions: 20
    individual_sessions: 4
    sessions_per_week: 1
    group_size_min: 5
    group_size_max: 10
    format: closed
    module_sessions: 7
    attendance_probability: 0.9
    missed_sessions_allowed: 3
    rolling_rejoins_allowed: 0
    closed_removed_to: exit
    removal_enforcement:
      breach_probability: 0.5
      order_ended_probability: {community_order: 0.3, suspended_sentence_order: 1.0}
      requirement_removed_probability: 0.2
      weeks_to_outcome: {min: 2, max: 6}
  structured_interventions:
    - {name: stepwise, group_sessions: 12, module_sessions: 4}
    - {name: dawn, group_sessions: 8, module_sessions: 4, individual_sessions: 1, men_only: false}
  structured_intervention_groups: file_order
  facilitation: {facilitators_per_group_session: 1, hours_per_group_session: 3, hours_per_individual_session: 2,
                 non_delivery_share: 0.25}
  demand_management: {divert_after_weeks_waiting: 26, divert_when_list_longer_than: 40,
                      divert_rosh: [low], divert_to: structured_intervention, divert_to_programme: dawn}
  daso: {enabled: false, hours_per_first_contact: 1.5, support_hours_per_week: 0.25,
         acceptance_at_sentence: 0.9, acceptance_after_6_months: 0.6, non_delivery_share: 0.1}
  toolkit: {sessions: 8, session_interval_weeks: 1, hours_per_session: 1}
interventions_teams:
  - {name: East, pdus: [Eastmoor, Westfield]}
  - {name: North and South, pdus: [Southbridge, Northgate]}
)"));
  Diagnostics diagnostics;
  auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const Scenario& s = loaded->scenario;
  const InterventionRules& iv = s.interventions;
  EXPECT_TRUE(iv.enabled);
  EXPECT_EQ(iv.routing.sara_level_shares, (std::array<double, 3>{0.2, 0.5, 0.3}));
  EXPECT_DOUBLE_EQ(iv.routing.bbr_requirement_share, 0.4);
  EXPECT_DOUBLE_EQ(iv.routing.bbr_one_to_one_share, 0.05);
  EXPECT_DOUBLE_EQ(iv.routing.bbr_minimum_order_months, 15.0);
  EXPECT_DOUBLE_EQ(iv.routing.sara_low_structured_intervention_share, 0.6);
  EXPECT_DOUBLE_EQ(iv.routing.sara_low_toolkit_share, 0.3);
  EXPECT_DOUBLE_EQ(iv.readiness.min_weeks, 1.0);
  EXPECT_DOUBLE_EQ(iv.readiness.max_weeks, 5.0);
  EXPECT_DOUBLE_EQ(iv.warm_start.waiting_list_max_weeks, 52.0);
  EXPECT_DOUBLE_EQ(iv.warm_start.waiting_share, 0.5);

  EXPECT_EQ(iv.bbr_priority_order, waiting_list_criteria(WaitingListPriority::order_end));
  EXPECT_EQ(iv.bbr.group_sessions, 20);
  EXPECT_EQ(iv.bbr.individual_sessions, 4);
  EXPECT_EQ(iv.bbr.sessions_per_week, 1);
  EXPECT_EQ(iv.bbr.group_size_min, 5);
  EXPECT_EQ(iv.bbr.group_size_max, 10);
  EXPECT_EQ(iv.bbr.format, GroupFormat::closed);  // closed: 20 need not be a multiple of 7
  EXPECT_EQ(iv.bbr.module_sessions, 7);
  EXPECT_DOUBLE_EQ(iv.bbr.attendance_probability, 0.9);
  EXPECT_EQ(iv.bbr.missed_sessions_allowed, 3);
  EXPECT_EQ(iv.bbr.rolling_rejoins_allowed, 0);
  EXPECT_EQ(iv.bbr.closed_removed_to, AfterRemoval::exit);
  const RemovalEnforcement& enforcement = iv.bbr.removal_enforcement;
  EXPECT_DOUBLE_EQ(enforcement.breach_probability, 0.5);
  // By SentenceType; a type not given (licence) keeps 0.
  EXPECT_EQ(enforcement.order_ended_probability, (std::array<double, 3>{0.3, 1.0, 0.0}));
  EXPECT_DOUBLE_EQ(enforcement.requirement_removed_probability, 0.2);
  EXPECT_DOUBLE_EQ(enforcement.weeks_to_outcome.min_weeks, 2.0);
  EXPECT_DOUBLE_EQ(enforcement.weeks_to_outcome.max_weeks, 6.0);
  // Structured interventions enforce nothing unless told to.
  EXPECT_DOUBLE_EQ(iv.structured_interventions[0].removal_enforcement.breach_probability, 0.0);

  // Merged by name over the base's three; a new name is appended, in that order the mix is indexed.
  ASSERT_EQ(iv.structured_interventions.size(), 4u);
  EXPECT_EQ(iv.structured_interventions[0].name, "stepwise");
  EXPECT_EQ(iv.structured_interventions[0].group_sessions, 12);
  EXPECT_EQ(iv.structured_interventions[0].module_sessions, 4);
  EXPECT_EQ(iv.structured_interventions[0].sessions_per_week, 1);  // from the base
  EXPECT_EQ(iv.structured_interventions[3].name, "dawn");
  EXPECT_EQ(iv.structured_interventions[3].individual_sessions, 1);
  EXPECT_EQ(iv.structured_interventions[3].sessions_per_week, 2);  // ProgrammeRules' default
  EXPECT_EQ(iv.routing.structured_intervention_mix, (std::vector<double>{0.5, 0.1, 0.1, 0.3}));
  EXPECT_EQ(iv.structured_intervention_groups, StructuredInterventionGroups::file_order);

  EXPECT_EQ(iv.facilitation.facilitators_per_group_session, 1);
  EXPECT_DOUBLE_EQ(iv.facilitation.hours_per_group_session, 3.0);
  EXPECT_DOUBLE_EQ(iv.facilitation.hours_per_individual_session, 2.0);
  EXPECT_DOUBLE_EQ(iv.facilitation.non_delivery_share, 0.25);

  EXPECT_TRUE(iv.demand_management.enabled);
  EXPECT_DOUBLE_EQ(iv.demand_management.divert_after_weeks_waiting, 26.0);
  EXPECT_EQ(iv.demand_management.divert_when_list_longer_than, 40);
  EXPECT_EQ(iv.demand_management.divert_rosh, (std::array<bool, 4>{true, false, false, false}));
  EXPECT_EQ(iv.demand_management.divert_to, DiversionRoute::structured_intervention);
  EXPECT_EQ(iv.demand_management.divert_to_programme, 3u);

  EXPECT_FALSE(iv.daso.enabled);
  EXPECT_DOUBLE_EQ(iv.daso.hours_per_first_contact, 1.5);
  EXPECT_DOUBLE_EQ(iv.daso.support_hours_per_week, 0.25);
  EXPECT_DOUBLE_EQ(iv.daso.acceptance_at_sentence, 0.9);
  EXPECT_DOUBLE_EQ(iv.daso.acceptance_after_6_months, 0.6);
  EXPECT_DOUBLE_EQ(iv.daso.non_delivery_share, 0.1);
  EXPECT_EQ(iv.toolkit.sessions, 8);
  EXPECT_DOUBLE_EQ(iv.toolkit.session_interval_weeks, 1.0);
  EXPECT_DOUBLE_EQ(iv.toolkit.hours_per_session, 1.0);

  ASSERT_EQ(s.interventions_teams.size(), 2u);
  EXPECT_EQ(s.interventions_teams[0].name, "East");
  EXPECT_EQ(s.interventions_teams[0].pdus, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(s.interventions_teams[1].name, "North and South");
  EXPECT_EQ(s.interventions_teams[1].pdus, (std::vector<std::size_t>{2, 0}));
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

TEST(ScenarioLoader, InterventionKeysCanBeSetFromTheCommandLine) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"),
                              {"interventions.bbr.group_size_max=10", "interventions.bbr.priority=fifo",
                               "interventions.structured_interventions.help.group_sessions=20",
                               "interventions.demand_management.divert_after_weeks_waiting=26",
                               "interventions.demand_management.divert_to=toolkit",
                               "interventions_teams=[{name: All, pdus: [Northgate, Eastmoor, Southbridge]}]"},
                              diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const Scenario& s = loaded->scenario;
  EXPECT_EQ(s.interventions.bbr.group_size_max, 10);
  EXPECT_EQ(s.interventions.bbr_priority_order, waiting_list_criteria(WaitingListPriority::fifo));
  EXPECT_EQ(s.interventions.structured_interventions[2].group_sessions, 20);
  EXPECT_TRUE(s.interventions.demand_management.enabled);
  EXPECT_EQ(s.interventions.demand_management.divert_to, DiversionRoute::toolkit);
  ASSERT_EQ(s.interventions_teams.size(), 1u);
  EXPECT_EQ(s.interventions_teams[0].name, "All");

  // A rolling group's sessions must be whole modules; the error names the --set.
  Diagnostics bad;
  EXPECT_FALSE(
      load_scenario(source("scenarios/example_pdu.yaml"), {"interventions.bbr.module_sessions=5"}, bad));
  ASSERT_EQ(bad.items().size(), 1u) << bad.describe();
  EXPECT_EQ(bad.items()[0].key, "interventions.bbr.module_sessions");
  EXPECT_NE(bad.items()[0].message.find("multiple of module_sessions (5)"), std::string::npos);
  EXPECT_NE(bad.items()[0].where.file.find("--set"), std::string::npos);
}

TEST(ScenarioLoader, TheBbrListTakesTheTaskOrdersCriteriaAndRefusesThoseItsEntriesLack) {
  Diagnostics diagnostics;
  // priority_order wins over the named priority the base file sets.
  auto loaded =
      load_scenario(source("scenarios/example_pdu.yaml"),
                    {"interventions.bbr.priority_order=[high_rosh_first, earliest_created]"}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  EXPECT_EQ(loaded->scenario.interventions.bbr_priority_order,
            (std::vector<PriorityCriterion>{PriorityCriterion::high_rosh_first,
                                            PriorityCriterion::earliest_created}));

  Diagnostics bad;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"),
                             {"interventions.bbr.priority_order=[earliest_due, contacts_first]"}, bad));
  ASSERT_EQ(bad.items().size(), 1u) << bad.describe();
  EXPECT_EQ(bad.items()[0].key, "interventions.bbr.priority_order[1]");
  EXPECT_NE(bad.items()[0].message.find("'contacts_first' does not apply to a waiting list"),
            std::string::npos);
}

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

TEST(ScenarioLoader, ReadsTeamsAndOverloadTriageFromTheBaseAndOverrides) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const Scenario& s = loaded->scenario;
  EXPECT_EQ(s.caseload.allocation.team_size, 8);
  const OverloadTriage& triage = s.caseload.sentence_management.overload_triage;
  EXPECT_TRUE(triage.enabled);
  EXPECT_DOUBLE_EQ(triage.protect_all_up_to_workload_pct, 100);
  EXPECT_DOUBLE_EQ(triage.protect_none_from_workload_pct, 200);
  EXPECT_TRUE(triage.applies_to[static_cast<std::size_t>(TaskKind::periodic_review)]);
  EXPECT_TRUE(triage.applies_to[static_cast<std::size_t>(TaskKind::home_visit)]);
  EXPECT_FALSE(triage.applies_to[static_cast<std::size_t>(TaskKind::contact)]);
  EXPECT_FALSE(triage.applies_to[static_cast<std::size_t>(TaskKind::court_report)]);

  const std::string path = write_scenario("triage_off.yaml", example_with(R"(allocation:
  team_size: 0
sentence_management:
  overload_triage: {enabled: false, tasks: [periodic_review]}
)"));
  Diagnostics d2;
  auto off = load_scenario(path, {}, d2);
  ASSERT_TRUE(off) << d2.describe();
  EXPECT_EQ(off->scenario.caseload.allocation.team_size, 0);
  EXPECT_FALSE(off->scenario.caseload.sentence_management.overload_triage.enabled);
  EXPECT_FALSE(off->scenario.caseload.sentence_management.overload_triage
                   .applies_to[static_cast<std::size_t>(TaskKind::home_visit)])
      << "a list replaces the base file's";
}

// TS-1, G-7's visit after an event (validation/10-workload.md §10.21): on in the base file, off in the 2004
// files, settable, and not below 0.
TEST(ScenarioLoader, ReadsTheHomeVisitAfterAnEventOnInTheBaseAndOffIn2004) {
  Diagnostics diagnostics;
  auto base = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(base) << diagnostics.describe();
  EXPECT_EQ(base->scenario.caseload.sentence_management.home_visit.after_event_due_working_days, 10);
  auto gwent = load_scenario(source("scenarios/national_standards_2004_gwent.yaml"), {}, diagnostics);
  ASSERT_TRUE(gwent) << diagnostics.describe();
  EXPECT_EQ(gwent->scenario.caseload.sentence_management.home_visit.after_event_due_working_days, 0);
  EXPECT_DOUBLE_EQ(gwent->scenario.caseload.sentence_management.home_visit.hours,
                   base->scenario.caseload.sentence_management.home_visit.hours)
      << "the 2004 file changes the one key and keeps the base's others";
  auto set = load_scenario(source("scenarios/example_pdu.yaml"),
                           {"sentence_management.home_visit.after_event_due_working_days=8"}, diagnostics);
  ASSERT_TRUE(set) << diagnostics.describe();
  EXPECT_EQ(set->scenario.caseload.sentence_management.home_visit.after_event_due_working_days, 8);
  Diagnostics bad;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"),
                             {"sentence_management.home_visit.after_event_due_working_days=-1"}, bad));
  ASSERT_EQ(bad.items().size(), 1u);
  EXPECT_EQ(bad.items()[0].key, "sentence_management.home_visit.after_event_due_working_days");
}

// G-1's staffing trigger counts a trainee at `prioritisation.staffing_fill_trainee_weight` (§10.22): 1 in
// the base file, set by --set, and a value above 1 refused with the key named.
TEST(ScenarioLoader, ReadsTheStaffingTriggersTraineeWeight) {
  Diagnostics diagnostics;
  auto base = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(base) << diagnostics.describe();
  EXPECT_DOUBLE_EQ(base->scenario.caseload.prioritisation.thresholds.staffing_fill_trainee_weight, 1.0);
  auto set = load_scenario(source("scenarios/example_pdu.yaml"),
                           {"prioritisation.staffing_fill_trainee_weight=0.4"}, diagnostics);
  ASSERT_TRUE(set) << diagnostics.describe();
  EXPECT_DOUBLE_EQ(set->scenario.caseload.prioritisation.thresholds.staffing_fill_trainee_weight, 0.4);
  Diagnostics bad;
  EXPECT_FALSE(load_scenario(source("scenarios/example_pdu.yaml"),
                             {"prioritisation.staffing_fill_trainee_weight=1.5"}, bad));
  ASSERT_EQ(bad.items().size(), 1u);
  EXPECT_EQ(bad.items()[0].key, "prioritisation.staffing_fill_trainee_weight");
}

// `interventions.delivery` (issue 18, docs/bbr_delivery.md): read from its own loader file, every key
// checked, and a lead without the pre-group start is an error rather than a silent no-op.
TEST(ScenarioLoader, BbrDeliveryKeysAreReadAndChecked) {
  const std::string good = write_scenario("delivery_good.yaml", example_with(R"(name: delivery_good
interventions:
  delivery:
    recorded_start: pre_group_session
    pre_group_lead_weeks: 12
    weekly_group_share: 0.4
    one_to_one_sessions_per_week: 1
    cancelled_session_share: 0.1
    holiday_break: {month: 12, day: 24, weeks: 2}
    completion_recorded_after_weeks: {min: 1, max: 4}
)"));
  Diagnostics ok;
  const auto loaded = load_scenario(good, {}, ok);
  ASSERT_TRUE(loaded) << ok.describe();
  const InterventionDelivery& d = loaded->scenario.interventions.delivery;
  EXPECT_EQ(d.recorded_start, RecordedStart::pre_group_session);
  EXPECT_DOUBLE_EQ(d.pre_group_lead_weeks, 12.0);
  EXPECT_DOUBLE_EQ(d.weekly_group_share, 0.4);
  EXPECT_EQ(d.one_to_one_sessions_per_week, 1);
  EXPECT_DOUBLE_EQ(d.cancelled_session_share, 0.1);
  EXPECT_DOUBLE_EQ(d.holiday_break.weeks, 2.0);
  EXPECT_DOUBLE_EQ(d.completion_recorded_after_weeks.max_weeks, 4.0);

  const std::string bad = write_scenario("delivery_bad.yaml", example_with(R"(name: delivery_bad
interventions:
  delivery:
    pre_group_lead_weeks: 12
    weekly_group_share: 1.5
    completion_recorded_after_weeks: {min: 5, max: 1}
    holiday_brake: {weeks: 2}
)"));
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(bad, {}, diagnostics));
  const std::string all = diagnostics.describe();
  EXPECT_NE(all.find("interventions.delivery.pre_group_lead_weeks': pre_group_lead_weeks applies only with "
                     "recorded_start: pre_group_session"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("interventions.delivery.weekly_group_share': expected a number between 0 and 1"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("interventions.delivery.completion_recorded_after_weeks.min': min must not exceed max"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("holiday_brake"), std::string::npos) << all;
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
