// The DA cases' start tasks on a day (sentence_management/da_case_task_counts.hpp; CT-13, TS-1), on a
// hand-built store with exact days: a DA case's SARA or home visit is done when no task of that kind is
// open (a home visit an event brought, only once past its due day); open past its due day is overdue (a task
// due today and open at the end of today is late); cases that are not DA, or have ended, are not counted; a
// case begun before the run's first day is the warm start, counted apart; TS-1's sample is the cases begun 26
// to 30 weeks before the day, both ends in.
#include "sentence_management/da_case_task_counts.hpp"

#include <gtest/gtest.h>

namespace probsim {
namespace {

class DaCaseTaskCountsTest : public ::testing::Test {
 protected:
  CaseworkTaskStore store{std::array<bool, kTaskKindCount>{}, {PriorityCriterion::earliest_due}};

  // A case in `slot`, supervision begun on `start`.
  void add_case(std::uint32_t slot, Day start, bool domestic_abuse, bool active = true) {
    CaseworkTaskStore::CaseTasks& c = store.start_case(slot);
    c.id = 100 + slot;
    c.start = start;
    c.active = active;
    c.domestic_abuse = domestic_abuse;
  }
  void add_task(std::uint32_t slot, TaskKind kind, Day due_day, bool after_event = false) {
    Task t;
    t.kind = kind;
    t.after_event = after_event;
    t.seconds = 3600;
    t.due_day = due_day;
    t.case_slot = slot;
    store.link_to_case(store.new_task(t), slot);
  }
};

TEST_F(DaCaseTaskCountsTest, CountsEachDomesticAbuseCaseByItsOpenStartSaraOnExactDays) {
  add_case(0, 10, true);  // SARA done: nothing open
  add_case(1, 40, true);  // SARA open, due day 60: not yet due on day 50
  add_task(1, TaskKind::sara, 60);
  add_case(2, 20, true);  // SARA open, due day 50: due today, still open at the end of it, so overdue
  add_task(2, TaskKind::sara, 50);
  add_task(2, TaskKind::home_visit, 45);  // other tasks do not count
  add_case(3, 5, true);                   // SARA done, a periodic review open since day 49
  add_task(3, TaskKind::periodic_review, 49);
  add_case(4, 5, true);  // a review due tomorrow is not overdue
  add_task(4, TaskKind::periodic_review, 51);
  add_case(5, 30, false);                   // not DA: a SARA task would not count (none is created for it)
  add_case(6, 30, true, /*active=*/false);  // ended
  add_case(7, -100, true);                  // the warm start, its SARA taken as done
  add_case(8, -3, true);                    // the warm start, its SARA still due
  add_task(8, TaskKind::sara, 8);

  const DaCaseTaskCounts n = count_da_case_tasks(store, 50, 0);
  EXPECT_EQ(n.da_cases, 5);
  EXPECT_EQ(n.sara_completed, 3);        // cases 0, 3, 4
  EXPECT_EQ(n.sara_overdue, 1);          // case 2
  EXPECT_EQ(n.review_overdue, 1);        // case 3
  EXPECT_EQ(n.home_visit_completed, 4);  // all but case 2
  EXPECT_EQ(n.sample_da_cases, 0);       // none begun 182 to 210 days before day 50
  EXPECT_EQ(n.warm_start_da_cases, 2);
  EXPECT_EQ(n.warm_start_sara_open, 1);

  // The day before, case 2's SARA is not yet late; the day after, case 1's is not either (due 60).
  EXPECT_EQ(count_da_case_tasks(store, 49, 0).sara_overdue, 0);
  EXPECT_EQ(count_da_case_tasks(store, 59, 0).sara_overdue, 1);
  EXPECT_EQ(count_da_case_tasks(store, 60, 0).sara_overdue, 2);
  // Counted from a later first day, the cases begun before it join the warm start.
  EXPECT_EQ(count_da_case_tasks(store, 50, 15).da_cases, 2);             // cases 1 (day 40) and 2 (day 20)
  EXPECT_EQ(count_da_case_tasks(store, 50, 15).warm_start_da_cases, 5);  // 0, 3, 4 join 7 and 8
}

TEST_F(DaCaseTaskCountsTest, TheMainSampleIsTheCasesBegun26To30WeeksBeforeBothEndsIn) {
  const Day day = 400;
  add_case(0, day - 181, true);  // 25 weeks and 6 days: too young
  add_case(1, day - 182, true);  // 26 weeks: in, home visit done
  add_case(2, day - 200, true);  // in, home visit still open (overdue long since)
  add_task(2, TaskKind::home_visit, day - 150);
  add_case(3, day - 210, true);  // 30 weeks: in, home visit done, start SARA still open
  add_task(3, TaskKind::sara, day - 195);
  add_case(4, day - 211, true);  // too old
  add_task(4, TaskKind::home_visit, day - 170);
  add_case(5, day - 190, false);  // in the ages, but not DA
  const DaCaseTaskCounts n = count_da_case_tasks(store, day, 0);
  EXPECT_EQ(n.da_cases, 5);
  EXPECT_EQ(n.home_visit_completed, 3);  // 0, 1, 3
  EXPECT_EQ(n.sample_da_cases, 3);       // 1, 2, 3
  EXPECT_EQ(n.sample_home_visit_completed, 2);
  EXPECT_EQ(n.sample_sara_completed, 2);  // 1, 2 (AR-6)
}

// TS-1 counts the cases that needed a visit (validation/10-workload.md §10.21): the start's visit open is not
// done, whenever it is due; a visit an event brought is not done only once past its due day.
TEST_F(DaCaseTaskCountsTest, AVisitAnEventBroughtIsMissedOnlyPastItsDueDay) {
  add_case(0, 10, true);
  add_task(0, TaskKind::home_visit, 55, /*after_event=*/true);  // due in 5 days: not yet missed
  add_case(1, 10, true);
  add_task(1, TaskKind::home_visit, 50, /*after_event=*/true);  // due today, open at its end: missed
  add_case(2, 40, true);
  add_task(2, TaskKind::home_visit, 70);  // the start's visit, not yet due: not done
  const DaCaseTaskCounts n = count_da_case_tasks(store, 50, 0);
  EXPECT_EQ(n.da_cases, 3);
  EXPECT_EQ(n.home_visit_completed, 1);  // case 0
}

TEST_F(DaCaseTaskCountsTest, PoolingOfficesAddsEveryCount) {
  DaCaseTaskCounts a{4, 3, 1, 2, 3, 2, 1, 2, 5, 1};
  const DaCaseTaskCounts b{1, 1, 0, 0, 1, 1, 1, 0, 2, 0};
  a += b;
  EXPECT_EQ(a.da_cases, 5);
  EXPECT_EQ(a.sara_completed, 4);
  EXPECT_EQ(a.sara_overdue, 1);
  EXPECT_EQ(a.review_overdue, 2);
  EXPECT_EQ(a.home_visit_completed, 4);
  EXPECT_EQ(a.sample_da_cases, 3);
  EXPECT_EQ(a.sample_home_visit_completed, 2);
  EXPECT_EQ(a.sample_sara_completed, 2);
  EXPECT_EQ(a.warm_start_da_cases, 7);
  EXPECT_EQ(a.warm_start_sara_open, 1);
}

}  // namespace
}  // namespace probsim
