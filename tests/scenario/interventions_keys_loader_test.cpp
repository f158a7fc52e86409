// The loader's interventions keys: a full block of programmes, lists and teams read from a file, and the
// keys set from the command line, the BBR list's priority order among them.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

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
