#include "interventions/interventions_team.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "interventions/requirement_cohort.hpp"
#include "office/pdu_office.hpp"
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

TEST(InterventionsTeam, PriorityRulesOrderTheList) {
  // One group of two places: the first two offered places show the order. Referrals (day, RoSH,
  // order months): A(0, low, 12), B(0, high, 36), C(1, medium, 6), D(2, very high, 24).
  auto first_two = [](std::vector<PriorityCriterion> criteria) {
    InterventionRules rules = deterministic_rules();
    rules.bbr_priority_order = std::move(criteria);
    rules.bbr.format = GroupFormat::closed;
    rules.bbr.group_size_min = 2;
    rules.bbr.group_size_max = 2;
    rules.bbr.group_sessions = 60;                     // the group outlasts the test
    rules.facilitation.hours_per_group_session = 5.0;  // one facilitator's week holds one group
    Harness h(rules, 0);
    h.refer(0, RoshLevel::low, 12);
    h.refer(0, RoshLevel::high, 36);
    h.refer(1, RoshLevel::medium, 6);
    h.refer(2, RoshLevel::very_high, 24);
    h.run_through(6);
    // No facilitators until now: everybody is waiting at the next review.
    h.office.hire(fixtures::practitioner(Grade::facilitator, h.caseload.workload));
    h.run_through(8);
    std::vector<std::size_t> started;
    for (std::size_t i = 0; i < h.ids.size(); ++i)
      if (!h.days_of(InterventionEvent::Kind::start, h.ids[i]).empty()) started.push_back(i);
    return started;
  };
  EXPECT_EQ(first_two(waiting_list_criteria(WaitingListPriority::fifo)), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(first_two(waiting_list_criteria(WaitingListPriority::risk_then_order_end)),
            (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(first_two(waiting_list_criteria(WaitingListPriority::order_end)),
            (std::vector<std::size_t>{0, 2}));
  // Lists the named priorities do not offer, as the task order takes them: high RoSH (B, D) first,
  // then the earliest end of the order; the earliest end of the order (C at 6 months, A at 12) first.
  EXPECT_EQ(first_two({PriorityCriterion::high_rosh_first, PriorityCriterion::earliest_due}),
            (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(first_two({PriorityCriterion::earliest_due, PriorityCriterion::highest_rosh_first}),
            (std::vector<std::size_t>{0, 2}));
}

TEST(InterventionsTeam, StartsNeverOutrunFacilitatorCapacity) {
  // 2 facilitators × 37 h, 20% not delivering: 59.2 h a week. A group of 2 sessions a week with two
  // facilitators at 2.5 h needs 10 h, plus 5 individual sessions × 8 places × 2.5 h over 12 weeks
  // (8.33 h): 18.33 h, so at most 3 groups run at once, and no more than 24 people attend.
  InterventionRules rules = deterministic_rules();
  rules.facilitation.non_delivery_share = 0.2;
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_sessions = 24;
  rules.bbr.individual_sessions = 5;
  rules.bbr.group_size_min = 4;
  rules.bbr.group_size_max = 8;
  Harness h(rules, 2);
  for (Day d = 0; d < 200; ++d) {
    if (d % 7 < 5) {
      h.refer(d);
      h.refer(d);
    }
    h.run_through(d);
    EXPECT_LE(h.team->open_groups(), 3);
    EXPECT_LE(h.team->attending(0), 24);
    EXPECT_LE(h.team->reserved_hours_per_week(), h.team->facilitator_hours_per_week() + 1e-9);
  }
  EXPECT_EQ(h.team->open_groups(), 3);  // the list is long: capacity is the binding limit
  // Sessions delivered never exceed what the facilitators had.
  const TeamCounters& t = h.team->team_counters();
  EXPECT_LE(t.facilitator_hours_used, t.facilitator_hours_available);
  EXPECT_GT(t.facilitator_hours_used, 0.5 * t.facilitator_hours_available);
}

TEST(InterventionsTeam, EveryRequirementEndsInExactlyOneState) {
  // Random attendance, orders ending while waiting and while attending, demand management diverting
  // long waiters: the states always add up to the requirements, and each final state to its counter.
  InterventionRules rules = deterministic_rules();
  rules.routing.sara_level_shares = {0.2, 0.4, 0.4};
  rules.routing.bbr_requirement_share = 0.7;
  rules.routing.sara_low_structured_intervention_share = 1.0;
  rules.readiness = {1.0, 3.0};
  rules.bbr.group_sessions = 12;
  rules.bbr.individual_sessions = 3;
  rules.bbr.module_sessions = 6;
  rules.bbr.attendance_probability = 0.85;
  rules.demand_management.enabled = true;
  rules.demand_management.divert_after_weeks_waiting = 20;
  ProgrammeRules stepwise;
  stepwise.name = "stepwise";
  stepwise.group_sessions = 10;
  stepwise.format = GroupFormat::closed;
  stepwise.group_size_min = 3;
  rules.structured_interventions = {stepwise};
  rules.routing.structured_intervention_mix = {1.0};
  Harness h(rules, 3);
  std::map<Day, std::vector<CaseId>> endings;
  for (Day d = 0; d < 300; ++d) {
    if (d % 7 < 5) {
      for (int k = 0; k < 3; ++k) {
        h.refer(d, static_cast<RoshLevel>((d + k) % 4));
        endings[d + 20 + (static_cast<Day>(h.ids.back() % 97) * 3)].push_back(h.ids.back());
      }
    }
    for (CaseId id : endings[d]) h.team->case_ended(id, TerminationReason::revocation, d);
    h.run_through(d);
    for (std::uint32_t p = 0; p < h.team->programme_count(); ++p) {
      const auto states = h.team->count_by_state(p);
      const ProgrammeCounters& n = h.team->counters(p);
      std::int64_t total = 0;
      for (auto s : states) total += s;
      ASSERT_EQ(total, n.requirements) << "day " << d;
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::completed)], n.completions);
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::removed)], n.removed_out);
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::exited_before_start)],
                n.exits_before_start_total());
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::ended_after_start)],
                n.ended_after_start_total());
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::diverted)], n.diverted);
      ASSERT_EQ(states[static_cast<std::size_t>(ParticipantState::attending)], h.team->attending(p));
    }
  }
  // Every path was taken.
  const ProgrammeCounters& bbr = h.team->counters(0);
  EXPECT_GT(bbr.completions, 0);
  EXPECT_GT(bbr.exits_before_start_total(), 0);
  EXPECT_GT(bbr.ended_after_start_total(), 0);
  EXPECT_GT(bbr.removals_non_attendance, 0);
  EXPECT_GT(bbr.diverted, 0);
  EXPECT_GT(h.team->counters(1).starts, 0);

  // The reported waits are those the event log implies: start day minus requirement day, per person.
  std::map<CaseId, Day> required, started;
  for (const auto& e : h.events) {
    if (e.programme != 0) continue;
    if (e.kind == InterventionEvent::Kind::requirement) required[e.case_id] = e.day;
    if (e.kind == InterventionEvent::Kind::start) started[e.case_id] = e.day;
  }
  std::multiset<Day> from_log, reported;
  for (const auto& [id, day] : started) from_log.insert(day - required.at(id));
  for (const ProgrammeStart& s : h.team->starts(0)) reported.insert(s.waited_days);
  EXPECT_EQ(from_log, reported);
  EXPECT_EQ(static_cast<std::int64_t>(reported.size()), bbr.starts);
}

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

// --- Enforcement of a removal (RemovalEnforcement) --------------------------------------------------
// Cases arrive in a real office, which tells the team of them and ends their orders, so the breach's
// effect on the order can be followed end to end: referrals in January only, every case a man with a
// BBR requirement on a 24-month order of one sentence type, nobody attending a session.
namespace {

struct EnforcementRun {
  std::int64_t removals = 0;
  std::int64_t ended_on_breach = 0;  // office terminations for the sentence type's breach reason
  std::int64_t office_terminations = 0;
  std::int64_t removed_out = 0;
  std::int64_t rejoins = 0;  // removed men sent back to the list for another go
  bool every_order_ended_on_its_outcome_day = true;
  std::vector<Participant> participants;
};

EnforcementRun run_enforcement(SentenceType type, const RemovalEnforcement& enforcement, Day last_day) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 12;
  rules.bbr.attendance_probability = 0.0;
  rules.bbr.missed_sessions_allowed = 1;
  rules.bbr.closed_removed_to = AfterRemoval::waiting_list;  // back to the list, unless enforced
  rules.bbr.removal_enforcement = enforcement;
  CaseloadRules caseload = fixtures::fixed_length_rules(24.0);
  std::array<double, 3> type_weights{};
  type_weights[static_cast<std::size_t>(type)] = 1.0;
  caseload.case_mix.sentence_type = WeightedChoice({type_weights[0], type_weights[1], type_weights[2]});
  caseload.case_mix.domestic_abuse_share = 1.0;
  caseload.case_mix.male_share = 1.0;
  ReferralRate january_only;
  january_only.per_week = 3.0;
  january_only.seasonality_multiplier = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  WorkingCalendar calendar(kMonday);
  std::vector<Practitioner> staff;
  for (int i = 0; i < 6; ++i) staff.push_back(fixtures::practitioner(Grade::facilitator, caseload.workload));
  staff.push_back(fixtures::practitioner(Grade::po, caseload.workload));
  PduOffice office(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(january_only, kMonday, 0, 0, 7), 7,
                   std::move(staff), calendar, last_day + 1);
  InterventionsTeam team("Team", rules, std::vector<PduOffice*>{&office}, std::vector<std::size_t>{0},
                         calendar, 7);
  std::vector<InterventionEvent> events;
  team.set_event_log(&events);
  office.set_interventions(&team, 0);

  EnforcementRun run;
  const Day outcome_days = enforcement.weeks_to_outcome.days_at(0.0);  // min == max in these tests
  std::map<CaseId, Day> last_removal;
  std::set<CaseId> ended;
  for (Day d = 0; d <= last_day; ++d) {
    office.run_day(d);
    team.run_day(d);
    for (const Participant& p : team.participants()) {
      if (!p.order_ended || ended.contains(p.case_id)) continue;
      ended.insert(p.case_id);
      const auto removal = last_removal.find(p.case_id);
      if (removal == last_removal.end() || d != removal->second + outcome_days)
        run.every_order_ended_on_its_outcome_day = false;
    }
    for (const InterventionEvent& e : events) {
      if (e.day != d) continue;
      if (e.kind == InterventionEvent::Kind::removal) last_removal[e.case_id] = d;
    }
  }
  const ProgrammeCounters& n = team.counters(0);
  run.removals = n.removals_non_attendance;
  run.removed_out = n.removed_out;
  run.ended_on_breach =
      office.counters().terminations_by_reason[static_cast<std::size_t>(termination_on_breach(type))];
  run.office_terminations = office.counters().terminations();
  run.participants = team.participants();
  for (const Participant& p : run.participants) run.rejoins += p.rejoins;
  return run;
}

RemovalEnforcement always_ends_the_order() {
  RemovalEnforcement e;
  e.breach_probability = 1.0;
  e.order_ended_probability = {1.0, 1.0, 1.0};
  e.weeks_to_outcome = {2.0, 2.0};
  return e;
}

}  // namespace

TEST(InterventionsTeam, ABreachThatEndsTheOrderEndsItOnTheOutcomeDayForTheSentenceTypesReason) {
  // A community order is revoked on breach, a suspended sentence activated, a licence recalled; the
  // order ends two weeks after the removal, not at its planned end two years on, and the man never
  // rejoins a group though his closed group's rule would send him back to the list.
  for (SentenceType type :
       {SentenceType::community_order, SentenceType::suspended_sentence_order, SentenceType::licence}) {
    SCOPED_TRACE(std::string(kSentenceTypeNames[static_cast<std::size_t>(type)]));
    const EnforcementRun run = run_enforcement(type, always_ends_the_order(), 200);
    ASSERT_GT(run.removals, 3);
    EXPECT_EQ(run.ended_on_breach, run.removals);
    EXPECT_EQ(run.office_terminations, run.removals);  // nothing else ended in 200 days
    EXPECT_TRUE(run.every_order_ended_on_its_outcome_day);
    EXPECT_EQ(run.removed_out, run.removals);
    EXPECT_EQ(run.rejoins, 0);
    for (const Participant& p : run.participants) {
      EXPECT_EQ(p.state, ParticipantState::removed);
      EXPECT_EQ(p.end_reason, termination_on_breach(type));
    }
  }
}

TEST(InterventionsTeam, WithoutEnforcementARemovalEndsNothingAndTheManRejoins) {
  const EnforcementRun run = run_enforcement(SentenceType::community_order, RemovalEnforcement{}, 200);
  ASSERT_GT(run.removals, 3);
  EXPECT_EQ(run.office_terminations, 0);
  EXPECT_GT(run.rejoins, 0);
  // A breach the court takes no action on changes nothing else: enforcement draws from its own stream,
  // so attendance, removals and rejoins are those of the run without it (common random numbers).
  RemovalEnforcement breached_only = always_ends_the_order();
  breached_only.order_ended_probability = {0.0, 0.0, 0.0};
  const EnforcementRun same = run_enforcement(SentenceType::community_order, breached_only, 200);
  EXPECT_EQ(same.removals, run.removals);
  EXPECT_EQ(same.rejoins, run.rejoins);
  EXPECT_EQ(same.office_terminations, 0);
}

TEST(InterventionsTeam, AnOrderEndedOnBreachStaysEndedPastItsPlannedEnd) {
  // The planned ending left in the office's queue (day 730) must not close a second case or count a
  // second termination: every case terminates exactly once.
  const EnforcementRun run = run_enforcement(SentenceType::licence, always_ends_the_order(), 800);
  ASSERT_GT(run.removals, 3);
  EXPECT_EQ(run.office_terminations, static_cast<std::int64_t>(run.participants.size()));
  EXPECT_EQ(run.ended_on_breach, run.office_terminations);
}

TEST(InterventionsTeam, ACourtRemovingTheRequirementTerminatesItOnTheOutcomeDayWhileTheOrderRuns) {
  RemovalEnforcement amend;
  amend.breach_probability = 1.0;
  amend.order_ended_probability = {0.0, 0.0, 0.0};
  amend.requirement_removed_probability = 1.0;
  amend.weeks_to_outcome = {2.0, 2.0};
  const EnforcementRun run = run_enforcement(SentenceType::community_order, amend, 200);
  ASSERT_GT(run.removals, 3);
  EXPECT_EQ(run.office_terminations, 0);  // the orders run on
  EXPECT_EQ(run.rejoins, 0);
  for (const Participant& p : run.participants) {
    ASSERT_EQ(p.state, ParticipantState::removed);
    ASSERT_NE(p.requirement_removed_day, kNoDay);
    // Read as a cohort on the day before the court and on the day itself: terminated, as "other", only
    // from the outcome day.
    const std::vector<Participant> one{p};
    const Day court = p.requirement_removed_day;
    const RequirementCohortStatus before = requirement_cohort_status(one, 0, 0, 400, court - 1);
    const RequirementCohortStatus on = requirement_cohort_status(one, 0, 0, 400, court);
    EXPECT_EQ(before.starters_order_ended, 0);
    EXPECT_EQ(on.starters_order_ended, 1);
    EXPECT_EQ(on.order_ended_other, 1);
  }
}

TEST(InterventionsTeam, NoBbrRequirementOnAnOrderShorterThanTheMinimum) {
  InterventionRules rules = deterministic_rules();
  rules.routing.bbr_minimum_order_months = 15.0;
  Harness h(rules);
  h.refer(0, RoshLevel::medium, 12);
  h.refer(0, RoshLevel::medium, 14);
  EXPECT_EQ(h.team->counters(0).requirements, 0);
  h.refer(0, RoshLevel::medium, 15);
  h.refer(0, RoshLevel::medium, 24);
  EXPECT_EQ(h.team->counters(0).requirements, 2);
}
