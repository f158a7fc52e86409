// ProbationService (models/service): what it builds from a scenario, and the day's phases run by name
// in the one order kDayPhases states.
#include "service/probation_service.hpp"

#include <gtest/gtest.h>

#include "service/day_phase.hpp"
#include "unit/model_run.hpp"

using namespace probsim;

TEST(DayPhases, RunInTheStatedOrderAtRisingTimesWithinTheDay) {
  const DayPhase expected[] = {DayPhase::staff_changes, DayPhase::rag_review, DayPhase::casework,
                               DayPhase::interventions, DayPhase::observation};
  ASSERT_EQ(kDayPhases.size(), std::size(expected));
  for (std::size_t i = 0; i < kDayPhases.size(); ++i) EXPECT_EQ(kDayPhases[i].phase, expected[i]);
  EXPECT_EQ(day_phase_time(7, DayPhase::staff_changes), 7.0);
  EXPECT_EQ(day_phase_time(7, DayPhase::rag_review), 7.125);
  EXPECT_EQ(day_phase_time(7, DayPhase::casework), 7.25);
  EXPECT_EQ(day_phase_time(7, DayPhase::interventions), 7.375);
  EXPECT_EQ(day_phase_time(7, DayPhase::observation), 7.5);
  EXPECT_EQ(day_phase_spec(DayPhase::rag_review).name, "RAG review");
}

TEST(ProbationService, BuildsOfficesWorkforcesTeamsAndReviewerFromTheScenario) {
  const Scenario scenario = probsim::testing::load_scenario_file("scenarios/rag_example.yaml");
  ProbationService service(scenario, replication_seed(1, 0));
  ASSERT_EQ(service.offices().size(), scenario.pdu_count());
  std::size_t i = 0;  // offices in scenario order, region by region
  for (std::size_t r = 0; r < scenario.regions.size(); ++r)
    for (const PduSpec& pdu : scenario.regions[r].pdus) {
      EXPECT_EQ(service.offices()[i]->name(), pdu.name);
      EXPECT_EQ(service.region_of_office()[i], r);
      ++i;
    }
  EXPECT_EQ(service.units_in(DayPhase::staff_changes), scenario.regions.size());
  EXPECT_EQ(service.units_in(DayPhase::casework), scenario.pdu_count());
  EXPECT_EQ(service.units_in(DayPhase::interventions), scenario.interventions_teams.size());
  EXPECT_TRUE(service.has_rag_review());
  EXPECT_TRUE(service.has_interventions());
  EXPECT_EQ(service.observed_teams().size(), scenario.interventions_teams.size());
  // The steady-state warm start has placed a caseload before day 0.
  for (PduOffice* office : service.offices()) EXPECT_GT(office->caseload(), 0u) << office->name();

  Scenario off = scenario;
  off.caseload.prioritisation.enabled = false;
  off.interventions.enabled = false;
  ProbationService plain(off, replication_seed(1, 0));
  EXPECT_FALSE(plain.has_rag_review());
  EXPECT_FALSE(plain.has_interventions());
  EXPECT_EQ(plain.units_in(DayPhase::interventions), 0u);
}

TEST(ModelRunPhases, ADayEndsOnlyWithItsObservationPhase) {
  probsim::testing::ModelRun run(probsim::testing::load_scenario_file("scenarios/example_pdu.yaml"));
  run.run_phases_through(DayPhase::staff_changes);
  EXPECT_EQ(run.next_day(), 0);
  run.run_phases_through(DayPhase::interventions);
  EXPECT_EQ(run.next_day(), 0);
  run.run_phases_through(DayPhase::rag_review);  // already run today: nothing to do
  EXPECT_EQ(run.next_day(), 0);
  run.run_phases_through(DayPhase::observation);
  EXPECT_EQ(run.next_day(), 1);
  run.run_through(9);
  EXPECT_EQ(run.next_day(), 10);
}
