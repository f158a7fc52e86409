// The DA thematic's intervention sample (IS-2; docs/validation/09-bbr-delivery.md §9.18): requirements whose
// start was recorded 213 to 274 days before a day, a second start, and where each stands, with exact days.

#include "interventions/started_intervention_sample.hpp"

#include <gtest/gtest.h>

#include "unit/interventions_harness.hpp"

using namespace probsim;

namespace {

// The harness's deterministic BBR in closed groups of 2 to 6: two men referred on day 0 start at day 0's
// review and meet on days 1, 3, 8, 10, 15 and 17.
InterventionRules closed_pairs() {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 6;
  return rules;
}

StartedInterventionSampleCounts count_at(Harness& h, Day day) {
  h.run_through(day);
  return count_started_intervention_sample(*h.team, day).at(0);
}

}  // namespace

TEST(StartedInterventionSample, TakesStartsRecorded213To274DaysBeforeAndTheirCompletions) {
  Harness h(closed_pairs());
  h.refer(0);
  h.refer(0);
  EXPECT_EQ(count_at(h, 212).starts, 0);  // 212 days after the start: not yet in
  const StartedInterventionSampleCounts in = count_at(h, 213);
  EXPECT_EQ(in.starts, 2);
  EXPECT_EQ(in.bbr_starts, 2);
  EXPECT_EQ(in.second_starts, 0);
  EXPECT_EQ(in.completed, 2);  // completed on day 17, recorded the same day
  EXPECT_EQ(in.in_programme, 0);
  EXPECT_EQ(in.ended, 0);
  EXPECT_EQ(count_at(h, 274).starts, 2);
  EXPECT_EQ(count_at(h, 275).starts, 0);  // 9 months and a day: out
}

TEST(StartedInterventionSample, ACompletionNotYetRecordedIsStillInTheProgrammeByTheRecord) {
  InterventionRules rules = closed_pairs();
  rules.delivery.completion_recorded_after_weeks = {40.0, 40.0};  // day 17 + 280 = day 297
  Harness h(rules);
  h.refer(0);
  h.refer(0);
  const StartedInterventionSampleCounts n = count_at(h, 213);
  EXPECT_EQ(n.starts, 2);
  EXPECT_EQ(n.completed, 0);
  EXPECT_EQ(n.in_programme, 2);
}

TEST(StartedInterventionSample, ARejoinAfterARemovalIsASecondStart) {
  InterventionRules rules = closed_pairs();
  rules.bbr.format = GroupFormat::rolling;
  rules.bbr.module_sessions = 3;
  rules.bbr.attendance_probability = 0.0;  // every session missed ...
  rules.bbr.missed_sessions_allowed = 0;   // ... so removed at the first
  rules.bbr.rolling_rejoins_allowed = 1;
  Harness h(rules, /*facilitators=*/3);  // a group's hours allow for every session caught up
  h.refer(0);
  h.refer(0);
  // Day 0: both start; day 1: both removed, a rejoin offered; the next review opens a group they join
  // (a second start), where they are removed again, for good.
  const StartedInterventionSampleCounts n = count_at(h, 220);
  EXPECT_EQ(n.starts, 2);
  EXPECT_EQ(n.second_starts, 2);
  EXPECT_EQ(n.completed, 0);
  EXPECT_EQ(n.in_programme, 0);
  EXPECT_EQ(n.ended, 2);
}
