// The loader's interventions keys: teams and their defaults, programmes and lists, the cross-field rules,
// and the BBR delivery block (issue 18).
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
