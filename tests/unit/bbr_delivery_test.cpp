// BBR as it is delivered between the recorded start and the recorded completion (issue 18,
// InterventionDelivery): exact session days under each delivery setting, and conservation of every
// requirement over its states with all of them on.

#include <gtest/gtest.h>

#include <numeric>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "interventions/requirement_cohort.hpp"
#include "unit/interventions_harness.hpp"

namespace {

// One man, one closed group of six sessions that opens at day 0's review (sessions on Tuesdays, and
// Thursdays when twice a week).
InterventionRules one_man_rules() {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 1;
  return rules;
}

// The session days (group sessions held) of a one-member group: the days its member attended.
std::vector<Day> held_days(const Harness& h, CaseId id) {
  return h.days_of(InterventionEvent::Kind::session, id);
}

}  // namespace

TEST(BbrDelivery, TwiceWeeklyAndWeeklyGroupsMeetOnTheirDays) {
  Harness twice(one_man_rules());
  twice.refer(0);
  twice.run_through(60);
  EXPECT_EQ(twice.days_of(InterventionEvent::Kind::start, twice.ids[0]), std::vector<Day>{0});
  EXPECT_EQ(twice.days_of(InterventionEvent::Kind::completion, twice.ids[0]), std::vector<Day>{17});

  InterventionRules rules = one_man_rules();
  rules.delivery.weekly_group_share = 1.0;  // every group once a week (BBR-4)
  Harness weekly(rules);
  weekly.refer(0);
  weekly.run_through(60);
  // Tuesdays: days 1, 8, 15, 22, 29, 36.
  EXPECT_EQ(weekly.days_of(InterventionEvent::Kind::completion, weekly.ids[0]), std::vector<Day>{36});
  EXPECT_EQ(weekly.team->counters(0).group_sessions_held, 6);
  EXPECT_EQ(weekly.team->groups()[0].sessions_per_week, 1);
}

TEST(BbrDelivery, TheWeeklyShareSplitsGroupsByTheirOwnDraw) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 1;
  rules.delivery.weekly_group_share = 0.5;
  Harness h(rules, 20);  // hours for every group at once
  for (int i = 0; i < 40; ++i) h.refer(0);
  h.run_through(0);
  int weekly = 0;
  for (std::size_t g = 0; g < h.team->groups().size(); ++g) {
    const int expected =
        sessions_per_week_of_new_group(rules.bbr, rules.delivery, true, false, 99,
                                       combine_seed(purpose_key("Team"), 0), static_cast<std::int64_t>(g));
    EXPECT_EQ(h.team->groups()[g].sessions_per_week, expected) << "group " << g;
    weekly += expected == 1 ? 1 : 0;
  }
  EXPECT_EQ(h.team->groups().size(), 40u);
  EXPECT_GT(weekly, 10);
  EXPECT_LT(weekly, 30);
}

TEST(BbrDelivery, ACancelledSessionMovesTheScheduleAndIsNotLost) {
  InterventionRules rules = one_man_rules();
  rules.delivery.cancelled_session_share = 0.3;
  Harness h(rules);
  h.refer(0);
  h.run_through(80);
  // The slots are Tuesdays and Thursdays from day 1; the draws say which are cancelled.
  const std::uint64_t key = combine_seed(purpose_key("Team"), 0);
  std::vector<Day> expected;
  std::int64_t cancelled = 0;
  Day slot_day = 1;
  for (std::int64_t slot = 0; expected.size() < 6; ++slot) {
    if (session_cancelled_for_absence(rules.delivery, 99, key, 0, slot))
      ++cancelled;
    else
      expected.push_back(slot_day);
    slot_day += (slot_day % 7 == 1) ? 2 : 5;  // Tuesday -> Thursday -> next Tuesday
  }
  ASSERT_GT(cancelled, 0) << "the seed must cancel at least one session for the test to mean anything";
  EXPECT_EQ(held_days(h, h.ids[0]), expected);
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[0]), std::vector<Day>{expected.back()});
  EXPECT_EQ(h.team->counters(0).sessions_cancelled_absence, cancelled);
  EXPECT_EQ(h.team->counters(0).group_sessions_held, 6);
  EXPECT_EQ(h.team->counters(0).sessions_missed, 0) << "a cancelled session is nobody's miss";
}

TEST(BbrDelivery, NoSessionInTheHolidayBreak) {
  InterventionRules rules = one_man_rules();
  rules.delivery.holiday_break = {1, 8, 1.0};  // 8-14 January 2024: days 7-13
  Harness h(rules);
  h.refer(0);
  h.run_through(60);
  EXPECT_EQ(held_days(h, h.ids[0]), (std::vector<Day>{1, 3, 15, 17, 22, 24}));
  EXPECT_EQ(h.team->counters(0).sessions_cancelled_holiday, 2);

  // Christmas to New Year runs across the year end.
  const HolidayBreak christmas{12, 24, 2.0};
  EXPECT_FALSE(in_holiday_break(christmas, CalendarDate{2024, 12, 23}));
  EXPECT_TRUE(in_holiday_break(christmas, CalendarDate{2024, 12, 24}));
  EXPECT_TRUE(in_holiday_break(christmas, CalendarDate{2025, 1, 6}));
  EXPECT_FALSE(in_holiday_break(christmas, CalendarDate{2025, 1, 7}));
}

TEST(BbrDelivery, ARemovedManRejoinsAWeeklyRollingGroupAtItsNextModule) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::rolling;
  rules.bbr.module_sessions = 3;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 1;
  rules.bbr.attendance_probability = 0.0;
  rules.bbr.missed_sessions_allowed = 2;
  rules.bbr.rolling_rejoins_allowed = 1;
  rules.delivery.weekly_group_share = 1.0;
  Harness h(rules);
  h.refer(0);
  h.run_through(80);
  // Misses days 1, 8 (caught up) and 15 (removed); module 2 starts on day 22, where he rejoins, then
  // misses 22, 29 and 36 and is removed for good.
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::removal, h.ids[0]), (std::vector<Day>{15, 36}));
  EXPECT_EQ(h.team->counters(0).starts, 1);
  EXPECT_EQ(h.team->participants()[0].state, ParticipantState::removed);
}

TEST(BbrDelivery, IndividualSessionsBeforeDuringAndAfterTheGroupPhase) {
  InterventionRules rules = one_man_rules();
  rules.bbr.individual_sessions = 5;  // G-10: 1 before, 3 during (after sessions 1, 3 and 4 of 6), 1 after
  Harness h(rules);
  h.refer(0);
  h.run_through(0);
  EXPECT_EQ(h.team->counters(0).individual_sessions, 1) << "the pre-group session at the start";
  h.run_through(1);
  EXPECT_EQ(h.team->counters(0).individual_sessions, 2);
  h.run_through(60);
  EXPECT_EQ(h.team->counters(0).individual_sessions, 5);
}

// Capacity for one group at a time (2 facilitators x 8 h x 2 sessions = 32 h of one facilitator's 37);
// groups of two; modules of 3 of 6 sessions.
InterventionRules one_group_at_a_time() {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::rolling;
  rules.bbr.module_sessions = 3;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 2;
  rules.facilitation.hours_per_group_session = 8.0;
  return rules;
}

TEST(BbrDelivery, PreGroupSessionIsTheRecordedStartAheadOfThePlace) {
  // Recorded at the first group session: men 3 and 4 start when the group's next intake takes them.
  Harness group_start(one_group_at_a_time());
  for (int i = 0; i < 4; ++i) group_start.refer(0);
  group_start.run_through(60);
  // Men 1 and 2: days 1, 3, 8, 10, 15, 17. The group is full at its module 2 entry (day 10); it empties on
  // day 17 and takes men 3 and 4 at its next module entry, day 22: 22, 24, 29, 31, 36, 38.
  EXPECT_EQ(group_start.days_of(InterventionEvent::Kind::start, group_start.ids[2]), std::vector<Day>{22});
  EXPECT_EQ(group_start.days_of(InterventionEvent::Kind::completion, group_start.ids[2]),
            std::vector<Day>{38});

  InterventionRules rules = one_group_at_a_time();
  rules.delivery.recorded_start = RecordedStart::pre_group_session;
  rules.delivery.pre_group_lead_weeks = 3.0;
  Harness h(rules);
  for (int i = 0; i < 4; ++i) h.refer(0);
  h.run_through(7);
  // Day 7's review: the open group turns its 2 places over in 6 sessions / 2 a week = 3 weeks, 2/3 of a
  // place a week; 3 weeks' lead: 2 men given their pre-group session and recorded as started, awaiting a
  // place. (No group was open at day 0's review: no lead then.)
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, h.ids[2]), std::vector<Day>{7});
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, h.ids[3]), std::vector<Day>{7});
  EXPECT_EQ(h.team->participants()[2].state, ParticipantState::awaiting_group);
  EXPECT_EQ(h.team->counters(0).pre_group_starts, 2);
  EXPECT_EQ(h.team->waiting_to_start(0), 0) << "recorded as started: off the published list";
  h.run_through(60);
  // The same group days as before: the recorded start moved, the delivery did not.
  EXPECT_EQ(held_days(h, h.ids[2]), (std::vector<Day>{22, 24, 29, 31, 36, 38}));
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[2]), std::vector<Day>{38});
  EXPECT_EQ(h.team->counters(0).starts, 4);

  // The cohort on day 20 counts them commenced and active.
  const RequirementCohortStatus at20 = requirement_cohort_status(h.team->participants(), 0, 0, 0, 20);
  EXPECT_EQ(at20.commenced, 4);
  EXPECT_EQ(at20.waiting, 0);
}

TEST(BbrDelivery, TheCompletionIsRecordedAfterTheLastSession) {
  InterventionRules rules = one_man_rules();
  rules.delivery.completion_recorded_after_weeks = {2.0, 2.0};
  Harness h(rules);
  h.refer(0);
  h.run_through(60);
  const Participant& p = h.team->participants()[0];
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[0]), std::vector<Day>{17});
  EXPECT_EQ(p.completion_recorded_day, 31);
  const auto before = requirement_cohort_status(h.team->participants(), 0, 0, 0, 30);
  EXPECT_EQ(before.commenced, 1);
  EXPECT_EQ(before.starters_exited, 0) << "delivered, not yet recorded: active";
  const auto after = requirement_cohort_status(h.team->participants(), 0, 0, 0, 31);
  EXPECT_EQ(after.starters_exited, 1);
  EXPECT_EQ(after.starters_completed, 1);
}

TEST(BbrDelivery, OneToOneBbrAtItsOwnPace) {
  InterventionRules rules = deterministic_rules();
  rules.routing.bbr_one_to_one_share = 1.0;
  rules.delivery.one_to_one_sessions_per_week = 1;  // BBR-7
  Harness h(rules);
  h.refer(0);
  h.run_through(60);
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::completion, h.ids[0]), std::vector<Day>{36});
}

TEST(BbrDelivery, EveryRequirementIsInExactlyOneStateWithEveryMechanismOn) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.group_sessions = 12;
  rules.bbr.individual_sessions = 5;
  rules.bbr.module_sessions = 3;
  rules.bbr.group_size_min = 3;
  rules.bbr.group_size_max = 6;
  rules.bbr.attendance_probability = 0.8;
  rules.readiness = {0.0, 2.0};
  rules.delivery.recorded_start = RecordedStart::pre_group_session;
  rules.delivery.pre_group_lead_weeks = 4.0;
  rules.delivery.weekly_group_share = 0.5;
  rules.delivery.cancelled_session_share = 0.15;
  rules.delivery.holiday_break = {3, 1, 2.0};
  rules.delivery.completion_recorded_after_weeks = {1.0, 4.0};
  Harness h(rules, 2);
  std::int64_t in_states_max_started = 0;
  for (Day day = 0; day < 300; ++day) {
    if (day % 3 == 0) h.refer(day, day % 2 == 0 ? RoshLevel::high : RoshLevel::medium, day % 5 == 0 ? 6 : 24);
    h.run_through(day);
    const auto states = h.team->count_by_state(0);
    const std::int64_t total = std::accumulate(states.begin(), states.end(), std::int64_t{0});
    ASSERT_EQ(total, h.team->counters(0).requirements) << "day " << day;
    std::int64_t started = 0;
    for (const Participant& p : h.team->participants()) started += p.started ? 1 : 0;
    ASSERT_EQ(started, h.team->counters(0).starts) << "day " << day;
    in_states_max_started =
        std::max(in_states_max_started, states[static_cast<std::size_t>(ParticipantState::awaiting_group)]);
    for (const ProgrammeGroup& g : h.team->groups()) ASSERT_LE(g.members.size(), 6u);
  }
  EXPECT_GT(in_states_max_started, 0) << "the pre-group path was exercised";
  EXPECT_GT(h.team->counters(0).completions, 0);
  EXPECT_GT(h.team->counters(0).sessions_cancelled_absence, 0);
  EXPECT_GT(h.team->counters(0).sessions_cancelled_holiday, 0);
}

// A team whose facilitator hours fit a weekly group (2 x 10 h) but not a twice-weekly one (40 h of 37):
// when the next group's pace is drawn as twice weekly, it waits without the fallback, and opens the group
// weekly with it (delivery.weekly_group_when_full_pace_does_not_fit). Without a mix the fallback does
// nothing: every group is at the full pace, so the team waits.
TEST(BbrDelivery, AWeeklyGroupOpensWhenTheDrawnFullPaceDoesNotFitOnlyWithTheFallback) {
  InterventionRules rules = one_man_rules();
  rules.facilitation.hours_per_group_session = 10.0;
  rules.delivery.weekly_group_share = 0.01;
  ASSERT_EQ(sessions_per_week_of_new_group(rules.bbr, rules.delivery, true, false, 99,
                                           combine_seed(purpose_key("Team"), 0), 0),
            2)
      << "the first group's pace must be drawn as the full one for this test";
  Harness waits(rules);
  waits.refer(0);
  waits.run_through(60);
  EXPECT_EQ(waits.team->counters(0).starts, 0);
  EXPECT_TRUE(waits.team->groups().empty());

  rules.delivery.weekly_group_when_full_pace_does_not_fit = true;
  Harness falls_back(rules);
  falls_back.refer(0);
  falls_back.run_through(60);
  ASSERT_EQ(falls_back.team->groups().size(), 1u);
  EXPECT_EQ(falls_back.team->groups()[0].sessions_per_week, 1);
  EXPECT_EQ(held_days(falls_back, falls_back.ids[0]), (std::vector<Day>{1, 8, 15, 22, 29, 36}));
  EXPECT_EQ(falls_back.days_of(InterventionEvent::Kind::completion, falls_back.ids[0]), std::vector<Day>{36});

  rules.delivery.weekly_group_share = 0.0;
  Harness no_mix(rules);
  no_mix.refer(0);
  no_mix.run_through(60);
  EXPECT_EQ(no_mix.team->counters(0).starts, 0);
}
