// AUD-9 counts the home visits of high and very high RoH cases apart (validation/11-national-standards.md
// §11.11). TaskOutcomes keeps them beside every home visit, on the same footing: by due day, on time when
// done by it, and not due at all when the case ended first. Exact days on a calendar without bank holidays.
#include <gtest/gtest.h>

#include "sentence_management/pdu_casework.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

SentenceManagementRules home_visits_only() {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = {PriorityCriterion::earliest_due};
  rules.home_visit.hours = 2.0;
  rules.home_visit.due_working_days_high_rosh = 15;  // TS-1, G-7
  rules.home_visit.due_weeks_other = 6.0;
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 0.0;  // no contacts: visits alone
  return rules;
}

}  // namespace

TEST(HighRoshHomeVisits, AreCountedApartByDueDayLateOnTimeOrNeverDue) {
  const SentenceManagementRules rules = home_visits_only();  // PduCasework keeps a reference to it
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 100);
  // Day 0: two high-RoSH DA cases (visits due on working day 15 = day 21), a medium one (6 weeks: day 42),
  // a high-RoSH case that is not DA (no visit) and a high-RoSH DA case that ends on day 5.
  work.case_allocated(0, fixtures::held_case(1, RoshLevel::high, true), 0, true, 0);
  work.case_allocated(1, fixtures::held_case(2, RoshLevel::very_high, true), 0, true, 0);
  work.case_allocated(2, fixtures::held_case(3, RoshLevel::medium, true), 0, true, 0);
  work.case_allocated(3, fixtures::held_case(4, RoshLevel::high, false), 0, true, 0);
  const Case ends_early = fixtures::held_case(5, RoshLevel::high, true);
  work.case_allocated(4, ends_early, 0, true, 0);
  EXPECT_EQ(work.open_tasks(), 4u) << "four DA cases, one home visit each";
  const std::vector<Practitioner> away{};
  const std::vector<Practitioner> staff{fixtures::full_time_po()};
  // The practitioner is away until day 25, so the two high-RoSH visits are late; the medium one is not.
  for (Day day = 0; day < 25; ++day) {
    if (day == 5) work.case_closed(4, ends_early, day);
    work.run_day(day, away, 0);
  }
  // Day 30: one more high-RoSH DA case, visited in time (due day 51).
  for (Day day = 25; day < 30; ++day) work.run_day(day, staff, 0);
  work.case_allocated(5, fixtures::held_case(6, RoshLevel::high, true), 30, true, 30);
  for (Day day = 30; day <= 100; ++day) work.run_day(day, staff, 0);

  const TaskOutcomes& out = work.outcomes();
  EXPECT_EQ(out.due(TaskKind::home_visit, 0, 100), 4);
  EXPECT_EQ(out.on_time(TaskKind::home_visit, 0, 100), 2) << "the medium one and the last high one";
  EXPECT_EQ(out.high_rosh_home_visits_due(0, 100), 3) << "not the medium one, nor the one whose case ended";
  EXPECT_EQ(out.high_rosh_home_visits_due(21, 21), 2);
  EXPECT_EQ(out.high_rosh_home_visits_due(51, 51), 1);
  EXPECT_EQ(out.high_rosh_home_visits_due(0, 20), 0);
  EXPECT_EQ(out.high_rosh_home_visits_on_time(0, 100), 1);
  EXPECT_EQ(out.high_rosh_home_visits_on_time(51, 51), 1);
  EXPECT_EQ(out.high_rosh_home_visits_on_time(21, 21), 0) << "done on day 25, four days late";
}
