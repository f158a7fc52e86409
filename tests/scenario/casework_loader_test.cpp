// The loader's prioritisation (RAG), case-management team, overload-triage, home-visit and staffing-trigger
// keys: the base file's defaults, the 2004 files' settings, and overrides.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

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
