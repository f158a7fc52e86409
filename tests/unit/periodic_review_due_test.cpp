// A snapshot row's next_review_due (issue 21): the case's next periodic review is due on the day the row
// gives, an overdue one is open and late from day 0, and the reviews after it keep the interval from the
// day it fell; without the column the reviews fall every interval from the start of supervision, as
// before. One full-time PO, reviews every 16 weeks (112 days), 3 hours, due 5 working days after they
// fall; no other task.
#include <gtest/gtest.h>

#include "sentence_management/pdu_casework.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0; no bank holidays

struct OneCase {
  SentenceManagementRules rules;
  WorkingCalendar calendar{kMonday};
  std::vector<TaskCompletion> log;
  std::unique_ptr<PduCasework> work;
  Case c;
  std::vector<Practitioner> staff;

  explicit OneCase(std::optional<Day> next_review_due) {
    rules.enabled = true;
    rules.priority_order = {PriorityCriterion::earliest_due};
    rules.periodic_review = {16, 3.0, 5};
    rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 0.0;  // no contacts: reviews only
    work = std::make_unique<PduCasework>(rules, calendar, 1, 0, 400);
    work->set_completion_log(&log);
    Practitioner p;
    p.contracted_hours_per_week = 37.0;
    p.available_points_per_week = 2176;
    staff.push_back(p);
    c.id = 7;
    c.referral_day = -100;  // supervision began 100 days before the snapshot
    c.practitioner = 0;
    work->case_allocated(0, c, c.referral_day, true, 0, Grade::po, next_review_due);
  }
  [[nodiscard]] std::optional<Day> next_due() const { return work->next_periodic_review_due(0, c.id); }
  void run_to(Day last) {
    for (Day day = 0; day <= last; ++day) work->run_day(day, staff, 1);
  }
};

}  // namespace

// Due Thursday day 10: it falls on Thursday day 3 (5 working days before) and is done that day, on time;
// the next falls 112 days later (day 115, a Thursday), due 5 working days on (day 122).
TEST(PeriodicReviewDue, TheNextReviewIsDueOnTheDayTheRowGives) {
  OneCase one(10);
  EXPECT_EQ(one.next_due(), 10);
  EXPECT_EQ(one.work->open_tasks(), 0u);
  one.run_to(2);
  EXPECT_TRUE(one.log.empty()) << "nothing falls before day 3";
  one.run_to(3);
  ASSERT_EQ(one.log.size(), 1u);
  EXPECT_EQ(one.log[0].kind, TaskKind::periodic_review);
  EXPECT_EQ(one.log[0].day, 3);
  EXPECT_EQ(one.log[0].due_day, 10);
  EXPECT_EQ(one.next_due(), 122);
}

// Due on Friday day -3, before the snapshot: it fell on Friday day -10, so it is open on day 0 with its
// due day -3, done on day 0 and late; the next falls on day 102 (-10 + 112), due day 109.
TEST(PeriodicReviewDue, AnOverdueReviewIsOpenOnDayZeroAndLate) {
  OneCase one(-3);
  EXPECT_EQ(one.work->open_tasks(), 1u);
  EXPECT_EQ(one.next_due(), -3);
  one.run_to(0);
  ASSERT_EQ(one.log.size(), 1u);
  EXPECT_EQ(one.log[0].due_day, -3);
  EXPECT_EQ(one.work->outcomes().late_completions(TaskKind::periodic_review).size(), 1u);
  EXPECT_EQ(one.next_due(), 109);
}

// Overdue by more than an interval (due day -150, fell on day -157): still one review open, not two; the
// next falls on the first day of the cadence after day 0 (-157 + 2 × 112 = 67), due day 74.
TEST(PeriodicReviewDue, ReviewsMissedWhileOneWasOverdueAreThatOneReview) {
  OneCase one(-150);
  EXPECT_EQ(one.work->open_tasks(), 1u);
  one.run_to(0);
  EXPECT_EQ(one.next_due(), 74);
  one.run_to(80);
  ASSERT_EQ(one.log.size(), 2u);
  EXPECT_EQ(one.log[1].due_day, 74);
  EXPECT_EQ(one.log[1].day, 67);
}

// Without the column: every 112 days from the start (day -100), so the first after day 0 falls on day 12
// (a Saturday) and is due 5 working days on, the next Friday (day 18).
TEST(PeriodicReviewDue, WithoutTheColumnReviewsCountFromTheStart) {
  OneCase one(std::nullopt);
  EXPECT_EQ(one.work->open_tasks(), 0u);
  EXPECT_EQ(one.next_due(), 18);
}

// A due date that is not a working day (Saturday day 12) is met by the next working day (Monday day 14).
TEST(PeriodicReviewDue, ADueDateAtTheWeekendMovesToTheNextWorkingDay) {
  OneCase one(12);
  EXPECT_EQ(one.next_due(), 14);
}
