// TS-1 and G-7's third deadline (validation/10-workload.md §10.21): each event of a domestic-abuse case
// brings a home visit due 10 working days later, as well as its event review; a case not flagged DA gets
// none; and a visit still open serves the event too, so a case never holds two. Exact days on a calendar
// without bank holidays: with both deadlines at 10 working days, every event's visit falls due on the day its
// review does.
#include <gtest/gtest.h>

#include "sentence_management/pdu_casework.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0
constexpr Day kLastDay = 400;

SentenceManagementRules events_and_visits(int after_event_due_working_days) {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = {PriorityCriterion::earliest_due};
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 0.0;  // no contacts
  rules.home_visit.hours = 2.0;
  rules.home_visit.due_working_days_high_rosh = 15;
  rules.home_visit.after_event_due_working_days = after_event_due_working_days;
  rules.event_review = {6.0, 1.0, 10};  // about six events a case-year, each reviewed in 10 working days
  return rules;
}

struct Counted {
  std::int64_t home_visits_due = 0, event_reviews_due = 0;
  int days_visits_and_reviews_differ = 0;  // after the first visit's due day
};

Counted count(const TaskOutcomes& out, const WorkingCalendar& calendar) {
  Counted n;
  const Day first_visit_due = calendar.add_working_days(0, 15);
  for (Day day = 0; day <= kLastDay; ++day) {
    const std::int64_t visits = out.due(TaskKind::home_visit, day, day);
    const std::int64_t reviews = out.due(TaskKind::event_review, day, day);
    n.home_visits_due += visits;
    n.event_reviews_due += reviews;
    if (day != first_visit_due && visits != reviews) ++n.days_visits_and_reviews_differ;
  }
  return n;
}

}  // namespace

TEST(HomeVisitAfterEvent, EachEventOfADaCaseBringsAVisitDueWithItsReview) {
  const SentenceManagementRules rules = events_and_visits(10);
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, kLastDay);
  const Case c = fixtures::held_case(1, RoshLevel::high, true);
  work.case_allocated(0, c, 0, true, 0);
  const std::vector<Practitioner> staff{fixtures::full_time_po()};  // every task done the day it opens
  // The case ends on day 300, so every task it made falls due inside the counted days.
  for (Day day = 0; day <= kLastDay; ++day) {
    if (day == 300) work.case_closed(0, c, day);
    work.run_day(day, staff, 0);
  }
  const Counted n = count(work.outcomes(), calendar);
  ASSERT_GT(n.event_reviews_due, 3);
  EXPECT_EQ(n.home_visits_due, 1 + n.event_reviews_due) << "the first visit, and one per event";
  EXPECT_EQ(n.days_visits_and_reviews_differ, 0);
  EXPECT_EQ(work.outcomes().on_time(TaskKind::home_visit, 0, kLastDay), n.home_visits_due);
  // Hours: 2 a visit (home_visit.hours), 1 a review (event_review.hours), all of it worked.
  EXPECT_EQ(work.counters().demanded,
            n.home_visits_due * seconds_of_hours(2.0) + n.event_reviews_due * seconds_of_hours(1.0));
}

TEST(HomeVisitAfterEvent, NoneForACaseNotFlaggedDaNorWithTheKeyAtZero) {
  const WorkingCalendar calendar(kMonday);
  const std::vector<Practitioner> staff{fixtures::full_time_po()};
  const SentenceManagementRules on = events_and_visits(10);
  PduCasework not_da(on, calendar, 1, 0, kLastDay);
  not_da.case_allocated(0, fixtures::held_case(1, RoshLevel::high, false), 0, true, 0);
  const SentenceManagementRules off = events_and_visits(0);
  PduCasework key_off(off, calendar, 1, 0, kLastDay);
  key_off.case_allocated(0, fixtures::held_case(1, RoshLevel::high, true), 0, true, 0);
  for (Day day = 0; day <= kLastDay; ++day) {
    not_da.run_day(day, staff, 0);
    key_off.run_day(day, staff, 0);
  }
  const Counted a = count(not_da.outcomes(), calendar);
  const Counted b = count(key_off.outcomes(), calendar);
  EXPECT_GT(a.event_reviews_due, 3);
  EXPECT_EQ(a.home_visits_due, 0);
  // The same events (the same case, seed and stream) with the key at 0: only the first visit.
  EXPECT_EQ(b.event_reviews_due, count(not_da.outcomes(), calendar).event_reviews_due);
  EXPECT_EQ(b.home_visits_due, 1);
}

TEST(HomeVisitAfterEvent, AVisitStillOpenServesTheEventSoACaseNeverHoldsTwo) {
  const SentenceManagementRules rules = events_and_visits(10);
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, kLastDay);
  work.case_allocated(0, fixtures::held_case(1, RoshLevel::high, true), 0, true, 0);
  const std::vector<Practitioner> away{};  // nothing is done: the first visit stays open
  const Day start_visit_due = calendar.add_working_days(0, 15);
  int most_open_visits = 0, open_reviews = 0;
  for (Day day = 0; day <= kLastDay; ++day) {
    work.run_day(day, away, 0);
    int visits = 0;
    open_reviews = 0;
    work.for_each_open_task([&](const Task& t) {
      if (t.kind == TaskKind::home_visit) {
        ++visits;
        EXPECT_EQ(t.due_day, start_visit_due) << "the open visit keeps its due day, on day " << day;
        EXPECT_FALSE(t.after_event);
      }
      open_reviews += t.kind == TaskKind::event_review ? 1 : 0;
    });
    most_open_visits = std::max(most_open_visits, visits);
  }
  EXPECT_GE(open_reviews, 2) << "events fell while the visit was open";
  EXPECT_EQ(most_open_visits, 1);
}

// With the event review off (0 hours) the events still fall and bring their visits.
TEST(HomeVisitAfterEvent, VisitsFollowEventsEvenWithTheEventReviewOff) {
  SentenceManagementRules rules = events_and_visits(10);
  rules.event_review.hours = 0.0;
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, kLastDay);
  work.case_allocated(0, fixtures::held_case(1, RoshLevel::high, true), 0, true, 0);
  const std::vector<Practitioner> staff{fixtures::full_time_po()};
  for (Day day = 0; day <= kLastDay; ++day) work.run_day(day, staff, 0);
  const Counted n = count(work.outcomes(), calendar);
  EXPECT_EQ(n.event_reviews_due, 0);
  EXPECT_GT(n.home_visits_due, 4) << "the first visit, and one per event";
}
