// The BBR cohort report's reading of the team's requirements (requirement_cohort_status).
#include <gtest/gtest.h>

#include "interventions/interventions_team.hpp"
#include "interventions/requirement_cohort.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

// The BBR cohort report (BBRN-1..7, CT-1..CT-4) on a hand-built case: a requirement day window [1, 30]
// and the status taken on day 400. Groups are closed, of exactly two, six sessions on Tuesdays and
// Thursdays, everyone attending.
TEST(InterventionsTeam, CohortStatusClassifiesEachRequirementOfItsWindowOnce) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 2;
  Harness h(rules);
  h.refer(0);  // G: made before the window; its order ends before a start: not in the cohort
  const CaseId g = h.ids.back();
  h.team->case_ended(g, TerminationReason::sentence_end, 0);
  h.run_through(0);
  for (int i = 0; i < 4; ++i) h.refer(1);  // A, B, C, D: ready together, two groups at day 7's review
  const CaseId a = h.ids[1], b = h.ids[2], c = h.ids[3], d = h.ids[4];
  h.run_through(1);
  h.refer(2);  // E: its licence is recalled on day 5, before any review could start it
  const CaseId e = h.ids.back();
  h.run_through(4);
  h.team->case_ended(e, TerminationReason::recall, 5);
  h.run_through(8);                                         // the first sessions: day 8
  h.team->case_ended(c, TerminationReason::revocation, 9);  // after its first session
  h.team->case_ended(d, TerminationReason::activation, 9);  // SSO activated after its first session
  h.run_through(19);
  h.refer(20);  // F: alone on the list, so never enough for a group
  const CaseId f = h.ids.back();
  h.run_through(299);
  h.team->case_ended(a, TerminationReason::sentence_end, 300);  // A's order ends after it completed
  h.run_through(400);
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::start, a), std::vector<Day>{7});
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::completion, b), std::vector<Day>{24});
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::start, c), std::vector<Day>{7});
  ASSERT_TRUE(h.days_of(InterventionEvent::Kind::start, e).empty());
  ASSERT_TRUE(h.days_of(InterventionEvent::Kind::start, f).empty());

  const RequirementCohortStatus s = requirement_cohort_status(h.team->participants(), 0, 1, 30, 400);
  EXPECT_EQ(s.requirements, 6);           // A-F; G is outside the window
  EXPECT_EQ(s.commenced, 4);              // A, B, C, D
  EXPECT_EQ(s.waiting, 1);                // F
  EXPECT_EQ(s.ended_before_start, 1);     // E
  EXPECT_EQ(s.waiting_over_52_weeks, 1);  // F: 380 days
  EXPECT_EQ(s.starters_exited, 4);
  EXPECT_EQ(s.starters_completed, 2);  // A, B
  EXPECT_EQ(s.starters_revoked, 1);    // C
  EXPECT_EQ(s.starters_activated, 1);  // D
  EXPECT_EQ(s.starters_other, 0);
  EXPECT_EQ(s.commenced + s.waiting + s.ended_before_start, s.requirements);
  // Read as a record closed with its order: A (completed, then its order ended), C and D.
  EXPECT_EQ(s.starters_order_ended, 3);
  EXPECT_EQ(s.order_ended_completed, 1);  // A
  EXPECT_EQ(s.order_ended_revoked, 1);    // C
  EXPECT_EQ(s.order_ended_activated, 1);  // D
  EXPECT_EQ(s.order_ended_other, 0);      // B completed, but its order runs on

  // The window's edges are inclusive, and G counts once the window reaches back to its day.
  const RequirementCohortStatus with_g = requirement_cohort_status(h.team->participants(), 0, 0, 30, 400);
  EXPECT_EQ(with_g.requirements, 7);
  EXPECT_EQ(with_g.ended_before_start, 2);
  const RequirementCohortStatus only_f = requirement_cohort_status(h.team->participants(), 0, 20, 20, 400);
  EXPECT_EQ(only_f.requirements, 1);
  EXPECT_EQ(only_f.waiting, 1);
  // "More than 52 weeks": 364 days is not, 365 is.
  EXPECT_EQ(requirement_cohort_status(h.team->participants(), 0, 1, 30, 20 + 364).waiting_over_52_weeks, 0);
  EXPECT_EQ(requirement_cohort_status(h.team->participants(), 0, 1, 30, 20 + 365).waiting_over_52_weeks, 1);
  // Structured interventions are another programme: nobody here.
  EXPECT_EQ(requirement_cohort_status(h.team->participants(), 1, 0, 400, 400).requirements, 0);
}

// A removal for missed sessions ends the requirement for good when no rejoin is left: "other" among the
// starters who exited (BBRN-7 splits only completed, revoked and activated).
TEST(InterventionsTeam, CohortStatusCountsARemovalForGoodAsAnOtherExit) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.closed_removed_to = AfterRemoval::exit;
  rules.bbr.missed_sessions_allowed = 0;
  rules.bbr.attendance_probability = 0.0;  // nobody attends: removed at the first session
  rules.bbr.group_size_min = 1;
  Harness h(rules, 3);  // a group's reservation counts the catch-ups of every expected miss: 70 h a week
  h.refer(0);
  h.run_through(10);
  ASSERT_EQ(h.team->counters(0).removed_out, 1);
  const RequirementCohortStatus s = requirement_cohort_status(h.team->participants(), 0, 0, 0, 10);
  EXPECT_EQ(s.requirements, 1);
  EXPECT_EQ(s.commenced, 1);
  EXPECT_EQ(s.starters_exited, 1);
  EXPECT_EQ(s.starters_other, 1);
  EXPECT_EQ(s.starters_completed + s.starters_revoked + s.starters_activated, 0);
}
