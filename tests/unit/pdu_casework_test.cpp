// Sentence management without an Engine: the exact order one practitioner works a hand-built task list
// in, the hours they spend, conservation of hours, lateness under overload, cancellation when a case
// ends and tasks following a case to its new practitioner.
#include "sentence_management/pdu_casework.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "office/pdu_office.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0; no bank holidays in these tests

SentenceManagementRules hand_rules(std::vector<PriorityCriterion> order) {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = std::move(order);
  for (TaskKind kind : {TaskKind::initial_assessment, TaskKind::periodic_review, TaskKind::event_review})
    rules.mandated[static_cast<std::size_t>(kind)] = true;
  return rules;
}

Practitioner full_time_po() {
  Practitioner p;
  p.grade = Grade::po;
  p.contracted_hours_per_week = 37.0;  // 7.4 hours a working day
  p.available_points_per_week = 2176;
  return p;
}

Task task(TaskKind kind, CaseId id, double hours, Day due, bool high_rosh) {
  Task t;
  t.kind = kind;
  t.case_id = id;
  t.seconds = seconds_of_hours(hours);
  t.due_day = due;
  t.rosh = high_rosh ? RoshLevel::high : RoshLevel::low;
  return t;
}

std::vector<std::pair<Day, CaseId>> schedule_of(const std::vector<TaskCompletion>& log) {
  std::vector<std::pair<Day, CaseId>> out;
  for (const TaskCompletion& c : log) out.emplace_back(c.day, c.case_id);
  return out;
}

// Five tasks, all available on Monday (day 0), for one full-time practitioner (7.4 h a day):
//   1: contact             1 h  due day 4   not mandated, low RoSH
//   2: periodic review     3 h  due day 10  mandated,     low RoSH
//   3: initial assessment  4 h  due day 2   mandated,     high RoSH
//   4: event review        2 h  due day 1   mandated,     low RoSH
//   5: termination         5 h  due day 3   not mandated, high RoSH
std::vector<std::pair<Day, CaseId>> run_hand_built_list(std::vector<PriorityCriterion> order) {
  const SentenceManagementRules rules = hand_rules(std::move(order));
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 30);
  std::vector<TaskCompletion> log;
  work.set_completion_log(&log);
  work.add_task(task(TaskKind::contact, 1, 1.0, 4, false), 0);
  work.add_task(task(TaskKind::periodic_review, 2, 3.0, 10, false), 0);
  work.add_task(task(TaskKind::initial_assessment, 3, 4.0, 2, true), 0);
  work.add_task(task(TaskKind::event_review, 4, 2.0, 1, false), 0);
  work.add_task(task(TaskKind::termination, 5, 5.0, 3, true), 0);
  const std::vector<Practitioner> staff{full_time_po()};
  for (Day day = 0; day < 10; ++day) work.run_day(day, staff, 0);
  EXPECT_EQ(work.counters().worked, seconds_of_hours(15.0));
  EXPECT_EQ(work.open_tasks(), 0u);
  return schedule_of(log);
}

}  // namespace

TEST(PduCasework, MandatedAndHighRoshFirstGivesTheExactSchedule) {
  // Day 0: 3 (4 h, mandated + high), 4 (2 h, mandated, due 1), then 1.4 h of 2.
  // Day 1: the rest of 2 (1.6 h), 5 (5 h, high RoSH), then 0.8 h of 1. Day 2: the rest of 1.
  const std::vector<std::pair<Day, CaseId>> expected{{0, 3}, {0, 4}, {1, 2}, {1, 5}, {2, 1}};
  EXPECT_EQ(run_hand_built_list({PriorityCriterion::mandated_first, PriorityCriterion::high_rosh_first,
                                 PriorityCriterion::earliest_due}),
            expected);
}

TEST(PduCasework, EarliestDueOnlyGivesItsOwnExactSchedule) {
  // Day 0: 4 (due 1), 3 (due 2), 1.4 h of 5. Day 1: rest of 5 (3.6 h), 1 (1 h), 2.8 h of 2. Day 2: rest of 2.
  const std::vector<std::pair<Day, CaseId>> expected{{0, 4}, {0, 3}, {1, 5}, {1, 1}, {2, 2}};
  EXPECT_EQ(run_hand_built_list({PriorityCriterion::earliest_due}), expected);
}

TEST(PduCasework, ContactsFirstPutsContactsAheadOfEverything) {
  const auto schedule =
      run_hand_built_list({PriorityCriterion::contacts_first, PriorityCriterion::earliest_due});
  ASSERT_FALSE(schedule.empty());
  EXPECT_EQ(schedule.front(), (std::pair<Day, CaseId>{0, 1}));
}

TEST(PduCasework, NobodyWorksAtWeekendsAndUnfinishedWorkCarriesOver) {
  const SentenceManagementRules rules = hand_rules({PriorityCriterion::earliest_due});
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 30);
  std::vector<TaskCompletion> log;
  work.set_completion_log(&log);
  // 40 hours available from Friday (day 4): Friday 7.4, Monday 7.4 ... done on the fifth working day.
  Task big = task(TaskKind::periodic_review, 1, 37.0, 20, false);
  big.available_from = 4;
  const std::vector<Practitioner> staff{full_time_po()};
  for (Day day = 0; day < 20; ++day) {
    if (day == 4) work.add_task(big, 0);
    work.run_day(day, staff, 0);
  }
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].day, 10);  // Fri 4, Mon 7, Tue 8, Wed 9, Thu 10: 5 × 7.4 = 37 hours
  EXPECT_EQ(work.counters().available, 15 * seconds_of_hours(7.4)) << "days 0-19 hold 15 working days";
}

TEST(PduCasework, WithCapacityFarAboveDemandEveryTaskIsOnTime) {
  CaseloadRules rules = fixtures::fixed_length_rules(6.0);
  rules.sentence_management =
      hand_rules({PriorityCriterion::mandated_first, PriorityCriterion::earliest_due});
  SentenceManagementRules& sm = rules.sentence_management;
  sm.initial_assessment = {4.0, 15};
  sm.sara = {1.5, 15};
  sm.home_visit.hours = 2.0;
  sm.contacts.hours_face_to_face = 1.0;
  sm.contacts.hours_remote = 0.5;
  sm.contacts.face_to_face_share = 0.9;
  for (auto& steps : sm.contacts.schedule_by_rosh) steps = {{12, 1}, {1e9, 4}};
  sm.periodic_review = {16, 2.0, 5};
  sm.event_review = {2.0, 2.0, 10};
  sm.termination = {1.0, 10};
  std::vector<Practitioner> staff;
  for (int i = 0; i < 10; ++i) staff.push_back(fixtures::practitioner(Grade::po, rules.workload));
  ReferralRate rate;
  rate.per_week = 5;  // ~130 cases for 10 full-time officers: a few hours of tasks a day each
  PduOffice office(PduIdentity{0, 0, "Roomy"}, rules, ReferralProcess(rate, kMonday, 0, 0, 5), 5, staff,
                   WorkingCalendar(kMonday), 400);
  for (Day day = 0; day <= 400; ++day) office.run_day(day);
  const TaskOutcomes& out = office.casework().outcomes();
  std::int64_t due_total = 0;
  for (std::size_t k = 0; k < kTaskKindCount; ++k) {
    const auto kind = static_cast<TaskKind>(k);
    due_total += out.due(kind, 0, 400);
    EXPECT_EQ(out.on_time(kind, 0, 400), out.due(kind, 0, 400)) << to_string(kind);
    EXPECT_TRUE(out.late_completions(kind).empty()) << to_string(kind);
  }
  EXPECT_GT(out.due(TaskKind::periodic_review, 0, 400), 50);
  EXPECT_GT(out.due(TaskKind::contact, 0, 400), 1000);
  EXPECT_GT(due_total, 2000);
  EXPECT_EQ(office.casework().counters().contacts_missed, 0);
  // Contacts are face to face at the configured share (each drawn from the case's own stream).
  const auto delivered = static_cast<double>(out.on_time(TaskKind::contact, 0, 400));
  EXPECT_NEAR(static_cast<double>(out.face_to_face_delivered(0, 400)) / delivered, 0.9, 0.02);
}

TEST(PduCasework, UnderOverloadLatenessGrowsAndTheBacklogIsDemandLessCapacity) {
  const SentenceManagementRules rules = hand_rules({PriorityCriterion::earliest_due});
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 200);
  std::vector<TaskCompletion> log;
  work.set_completion_log(&log);
  const std::vector<Practitioner> staff{full_time_po()};
  // Each working day brings 10 hours of reviews due in 5 days, against 7.4 hours of capacity.
  CaseId next_id = 1;
  int working_days = 0;
  for (Day day = 0; day < 140; ++day) {
    if (calendar.is_working_day(day)) {
      ++working_days;
      for (int k = 0; k < 4; ++k) {
        Task t = task(TaskKind::periodic_review, next_id++, 2.5, day + 5, false);
        t.available_from = day;
        work.add_task(t, 0);
      }
    }
    work.run_day(day, staff, 0);
    const TaskCounters& n = work.counters();
    // Hours are conserved exactly, every day.
    ASSERT_EQ(n.demanded, n.worked + work.open_seconds() + n.cancelled_seconds + n.missed_seconds);
    // Capacity is used in full, and the backlog is exactly demand less capacity.
    ASSERT_EQ(n.worked, n.available);
    ASSERT_EQ(work.backlog_of(0), working_days * (seconds_of_hours(10.0) - seconds_of_hours(7.4)));
  }
  // Lateness grows: the later a review was due, the later it was done.
  ASSERT_GT(log.size(), 100u);
  const auto& late = work.outcomes().late_completions(TaskKind::periodic_review);
  ASSERT_GT(late.size(), 50u);
  EXPECT_GT(late.back().days_late, late[late.size() / 4].days_late + 10);
  const Day first_half_due = 70;
  const double early_share =
      static_cast<double>(work.outcomes().on_time(TaskKind::periodic_review, 0, first_half_due)) /
      static_cast<double>(work.outcomes().due(TaskKind::periodic_review, 0, first_half_due));
  EXPECT_EQ(work.outcomes().on_time(TaskKind::periodic_review, 100, 140), 0);
  EXPECT_GT(early_share, 0.0);
}

TEST(PduCasework, TasksOfACaseThatEndsAreCancelledNotLate) {
  SentenceManagementRules rules = hand_rules({PriorityCriterion::earliest_due});
  rules.initial_assessment = {4.0, 15};
  rules.sara = {1.5, 15};
  rules.home_visit.hours = 2.0;
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 1.0;
  for (auto& steps : rules.contacts.schedule_by_rosh) steps = {{1e9, 1}};
  rules.periodic_review = {16, 2.0, 5};
  rules.termination = {1.0, 10};
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 100);
  Case c;
  c.id = 42;
  c.rosh = RoshLevel::high;
  c.domestic_abuse_flag = true;
  c.practitioner = 0;
  work.case_allocated(0, c, 0, true, 0);
  EXPECT_EQ(work.open_tasks(), 4u) << "initial assessment, SARA, home visit, the first contact";
  // The practitioner is away: nothing is done. The case ends on day 5, before anything fell due.
  for (Day day = 0; day < 5; ++day) work.run_day(day, {}, 0);
  work.case_closed(0, c, 5);
  for (Day day = 5; day < 100; ++day) work.run_day(day, {}, 0);
  const TaskOutcomes& out = work.outcomes();
  for (std::size_t k = 0; k < kTaskKindCount; ++k) {
    const auto kind = static_cast<TaskKind>(k);
    EXPECT_EQ(out.due(kind, 0, 100), kind == TaskKind::termination ? 1 : 0) << to_string(kind);
    EXPECT_TRUE(out.late_completions(kind).empty());
  }
  EXPECT_EQ(out.counters.cancelled[static_cast<std::size_t>(TaskKind::initial_assessment)], 1);
  EXPECT_EQ(out.counters.cancelled[static_cast<std::size_t>(TaskKind::contact)], 1);
  EXPECT_EQ(out.counters.contacts_missed, 0);
  EXPECT_EQ(out.counters.cancelled_seconds, seconds_of_hours(4.0 + 1.5 + 2.0 + 1.0));
  EXPECT_EQ(work.open_tasks(), 1u) << "only the termination task, for the last practitioner";
  EXPECT_EQ(work.backlog_of(0), seconds_of_hours(1.0));
}

TEST(PduCasework, ReallocationMovesACaseTasksToTheNewPractitioner) {
  CaseloadRules rules = fixtures::fixed_length_rules(12.0);
  rules.sentence_management = hand_rules({PriorityCriterion::earliest_due});
  SentenceManagementRules& sm = rules.sentence_management;
  sm.initial_assessment = {4.0, 15};
  sm.contacts.hours_face_to_face = sm.contacts.hours_remote = 1.0;
  for (auto& steps : sm.contacts.schedule_by_rosh) steps = {{1e9, 1}};
  sm.periodic_review = {16, 2.0, 5};
  std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, rules.workload),
                                  fixtures::practitioner(Grade::po, rules.workload)};
  for (Practitioner& p : staff) p.sick_until = 1000;  // both away: their tasks pile up, untouched
  ReferralRate rate;
  rate.per_week = 10;
  PduOffice office(PduIdentity{0, 0, "Moving"}, rules, ReferralProcess(rate, kMonday, 0, 0, 9), 9, staff,
                   WorkingCalendar(kMonday), 200);
  for (Day day = 0; day < 30; ++day) office.run_day(day);
  std::size_t held_by_leaver = 0;
  office.casework().for_each_open_task([&](const Task& t) { held_by_leaver += t.holder == 0 ? 1 : 0; });
  ASSERT_GT(held_by_leaver, 10u);
  const WorkSeconds open_before = office.casework().open_seconds();
  office.remove(0, 30);
  office.casework().for_each_open_task([&](const Task& t) { EXPECT_EQ(t.holder, 1) << to_string(t.kind); });
  EXPECT_EQ(office.casework().backlog_of(0), 0);
  EXPECT_EQ(office.casework().backlog_of(1), open_before) << "every open hour moved, none lost";
  for (Day day = 30; day < 120; ++day) office.run_day(day);
  const TaskCounters& n = office.casework().counters();
  EXPECT_EQ(n.demanded, n.worked + office.casework().open_seconds() + n.cancelled_seconds + n.missed_seconds);
}
