// The interventions team's groups: a closed group opening at a review and ending after its sessions, a
// rolling group taking joiners at a module start, and removal on the miss after the allowance.
#include <gtest/gtest.h>

#include "interventions/interventions_team.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

TEST(InterventionsTeam, ClosedGroupStartsAtTheFirstReviewWithEnoughReadyAndEndsAfterItsSessions) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 4;
  rules.bbr.group_size_max = 6;
  Harness h(rules);
  for (int i = 0; i < 3; ++i) h.refer(0);  // 3 ready at Monday's review: below the minimum
  h.run_through(1);
  for (int i = 0; i < 2; ++i) h.refer(2);  // 5 ready by the next Monday (day 7)
  h.run_through(40);
  for (CaseId id : h.ids) {
    EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, id), std::vector<Day>{7});
    // Six sessions on Tuesdays and Thursdays: days 8, 10, 15, 17, 22, 24.
    EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, id), std::vector<Day>{24});
  }
  EXPECT_EQ(h.team->counters(0).groups_started, 1);
  EXPECT_EQ(h.team->counters(0).group_sessions_held, 6);
  EXPECT_EQ(h.team->counters(0).completions, 5);
  EXPECT_EQ(h.team->open_groups(), 0);
  EXPECT_DOUBLE_EQ(h.team->reserved_hours_per_week(), 0.0);
}

TEST(InterventionsTeam, RollingGroupTakesJoinersOnlyAtAModuleStart) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::rolling;
  rules.bbr.module_sessions = 3;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 3;
  Harness h(rules);
  h.refer(0);
  h.refer(0);
  h.run_through(1);
  h.refer(2);  // ready on Wednesday: the group's next module starts with its 4th session
  h.run_through(60);
  // The group opens at Monday's review (day 0) and meets on days 1, 3, 8 (module 1), 10, 15, 17 (module 2).
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, h.ids[0]), std::vector<Day>{0});
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[0]), std::vector<Day>{17});
  // The late joiner is not given a second group at day 7's review (the open group has a free place);
  // it joins at day 10, the start of module 2, and does modules 2, 1: days 10, 15, 17, 22, 24, 29.
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, h.ids[2]), std::vector<Day>{10});
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[2]), std::vector<Day>{29});
  EXPECT_EQ(h.team->counters(0).groups_started, 1);
  // The group empties and closes at its next session day.
  EXPECT_EQ(h.team->open_groups(), 0);
}

TEST(InterventionsTeam, RemovedOnTheMissAfterTheAllowanceAndNotBefore) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 1;            // one facilitator's hours hold the group and its catch-ups
  rules.bbr.attendance_probability = 0.0;  // misses every session
  rules.bbr.missed_sessions_allowed = 2;
  rules.bbr.closed_removed_to = AfterRemoval::exit;
  Harness h(rules);
  h.refer(0);
  h.run_through(30);
  // Sessions on days 1, 3 (misses within the allowance, caught up one-to-one) and 8 (the third miss).
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::removal, h.ids[0]), std::vector<Day>{8});
  const ProgrammeCounters& n = h.team->counters(0);
  EXPECT_EQ(n.sessions_missed, 3);
  EXPECT_EQ(n.individual_sessions, 2);  // the two catch-ups
  EXPECT_EQ(n.removals_non_attendance, 1);
  EXPECT_EQ(n.removed_out, 1);
  EXPECT_EQ(h.team->participants()[0].state, ParticipantState::removed);

  // With one more allowed miss the same person is still attending after day 8.
  rules.bbr.missed_sessions_allowed = 3;
  Harness tolerant(rules);
  tolerant.refer(0);
  tolerant.run_through(8);
  EXPECT_EQ(tolerant.team->participants()[0].state, ParticipantState::attending);
  tolerant.run_through(10);
  EXPECT_EQ(tolerant.days_of(InterventionEvent::Kind::removal, tolerant.ids[0]), std::vector<Day>{10});
}

TEST(InterventionsTeam, RollingRemovalRejoinsAtALaterModuleKeepingCompletedModules) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::rolling;
  rules.bbr.module_sessions = 3;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 1;
  rules.bbr.attendance_probability = 0.0;
  rules.bbr.missed_sessions_allowed = 2;
  rules.bbr.rolling_rejoins_allowed = 1;
  Harness h(rules);
  h.refer(0);
  h.run_through(60);
  // Removed on day 8 (third miss), rejoins at the next module start, removed again, then out.
  const auto removals = h.days_of(InterventionEvent::Kind::removal, h.ids[0]);
  ASSERT_EQ(removals.size(), 2u);
  EXPECT_EQ(removals[0], 8);
  EXPECT_EQ(h.team->counters(0).starts, 1);  // a rejoin is not a new start
  EXPECT_EQ(h.team->participants()[0].state, ParticipantState::removed);
}
