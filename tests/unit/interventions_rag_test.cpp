// The RAG measures reaching the interventions team: amber stopping BBR starts, red pausing sessions.
#include <gtest/gtest.h>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

// The RAG framework reaches the team through the office (PduOffice::set_rag_status), as in a run.
TEST(InterventionsTeam, BbrStartsStopOnTheDayAmberBeginsAndResumeAfterItEnds) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 6;
  Harness h(rules);
  h.office.set_interventions(h.team.get(), 0);
  h.refer(0);
  h.refer(0);
  h.run_through(3);
  h.refer(4);  // ready for Monday day 7's review
  h.refer(4);
  h.run_through(6);
  RagMeasures amber;
  amber.interventions.bbr_new_starts_suspended = true;
  h.office.set_rag_status(RagStatus::amber, amber);  // amber from day 7
  h.run_through(15);
  h.office.set_rag_status(RagStatus::green, RagMeasures{});  // green again from day 16
  h.run_through(60);
  // The first pair started before amber, and their group ran on through it: days 1, 3, 8, 10, 15, 17.
  for (int i : {0, 1}) {
    EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, h.ids[i]), std::vector<Day>{0});
    EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[i]), std::vector<Day>{17});
  }
  // The second pair was not started at the reviews of days 7 and 14, under amber, but at the first
  // review after it ended (day 21).
  for (int i : {2, 3}) EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, h.ids[i]), std::vector<Day>{21});
  EXPECT_EQ(h.team->counters(0).sessions_cancelled_rag, 0) << "amber suspends starts, not delivery";
}

TEST(InterventionsTeam, RedPausesSessionsAndLendsFacilitatorHoursToCaseworkUntilItEnds) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 2;
  Harness h(rules, /*facilitators=*/2);
  h.office.set_interventions(h.team.get(), 0);
  const double facilitator_hours = 2 * h.office.staff()[0].contracted_hours_per_week;
  h.refer(0);
  h.refer(0);
  h.run_through(6);  // sessions on days 1 and 3
  EXPECT_DOUBLE_EQ(h.office.casework().redeployed_hours_per_working_day(), 0.0);
  EXPECT_DOUBLE_EQ(h.team->facilitator_hours_per_week(), facilitator_hours);

  RagMeasures red;
  red.interventions.programme_delivery_paused = true;
  red.interventions.facilitator_hours_redeployed_share = 0.5;
  h.office.set_rag_status(RagStatus::red, red);  // red from day 7
  // Half the facilitators' hours go to the PDU's casework from the day red begins, and the team has the
  // other half for sessions.
  EXPECT_DOUBLE_EQ(h.office.casework().redeployed_hours_per_working_day(), facilitator_hours * 0.5 / 5.0);
  EXPECT_DOUBLE_EQ(h.team->facilitator_hours_per_week(), facilitator_hours * 0.5);
  h.run_through(13);
  EXPECT_EQ(h.team->counters(0).sessions_cancelled_rag, 2) << "days 8 and 10";
  EXPECT_EQ(h.team->counters(0).group_sessions_held, 2);

  h.office.set_rag_status(RagStatus::green, RagMeasures{});  // green from day 14
  EXPECT_DOUBLE_EQ(h.office.casework().redeployed_hours_per_working_day(), 0.0);
  EXPECT_DOUBLE_EQ(h.team->facilitator_hours_per_week(), facilitator_hours);
  h.run_through(60);
  // The group resumes where it stopped; nobody missed a session: days 1, 3, 15, 17, 22, 24.
  for (int i : {0, 1})
    EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[i]), std::vector<Day>{24});
  EXPECT_EQ(h.team->counters(0).sessions_cancelled_rag, 2);
  EXPECT_EQ(h.team->counters(0).sessions_missed, 0);
}
