// The DV audits count only domestic-abuse cases (validation/11-national-standards.md §11.12), so TaskOutcomes
// keeps their tasks apart beside every task, on the same footing: by due day, on time when done by it, and
// not due at all when the case ended first. Both ways a task is kept are covered: a task of the slab (an
// assessment) and a case's contact. Exact days on a calendar without bank holidays.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sentence_management/pdu_casework.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

SentenceManagementRules assessments_only() {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = {PriorityCriterion::earliest_due};
  rules.initial_assessment = OneOffTaskRule{2.0, 5};  // due 5 working days after the start
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 0.0;  // no contacts: assessments alone
  return rules;
}

SentenceManagementRules weekly_contacts_only() {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = {PriorityCriterion::earliest_due};
  rules.contacts.hours_face_to_face = 1.0;
  rules.contacts.face_to_face_share = 1.0;
  rules.contacts.schedule_by_rosh[static_cast<std::size_t>(RoshLevel::medium)] = {
      ContactScheduleStep{1000.0, 1.0}};
  return rules;
}

Case case_of(CaseId id, bool domestic_abuse) {
  return fixtures::held_case(id, RoshLevel::medium, domestic_abuse);
}

}  // namespace

TEST(DomesticAbuseTaskOutcomes, AssessmentsAreCountedApartByDueDayLateOnTimeOrNeverDue) {
  const SentenceManagementRules rules = assessments_only();  // PduCasework keeps a reference to it
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 100);
  // Day 0: a DA case and a non-DA case (assessments due on working day 5 = day 7), and one of each that
  // ends on day 3. Case k is in slot k - 1.
  work.case_allocated(0, case_of(1, true), 0, true, 0);
  work.case_allocated(1, case_of(2, false), 0, true, 0);
  const Case ends_early = case_of(3, true);
  const Case other_ends_early = case_of(4, false);
  work.case_allocated(2, ends_early, 0, true, 0);
  work.case_allocated(3, other_ends_early, 0, true, 0);
  EXPECT_EQ(work.open_tasks(), 4u);
  const std::vector<Practitioner> away{};
  const std::vector<Practitioner> staff{fixtures::full_time_po()};
  // The practitioner is away until day 10, so the first two assessments are late.
  for (Day day = 0; day < 10; ++day) {
    if (day == 3) {
      work.case_closed(2, ends_early, day);
      work.case_closed(3, other_ends_early, day);
    }
    work.run_day(day, away, 0);
  }
  // Day 14: one more of each, assessed in time (due day 21).
  for (Day day = 10; day < 14; ++day) work.run_day(day, staff, 0);
  work.case_allocated(4, case_of(5, true), 14, true, 14);
  work.case_allocated(5, case_of(6, false), 14, true, 14);
  for (Day day = 14; day <= 100; ++day) work.run_day(day, staff, 0);

  const TaskOutcomes& out = work.outcomes();
  EXPECT_EQ(out.due(TaskKind::initial_assessment, 0, 100), 4) << "all but the two whose cases ended";
  EXPECT_EQ(out.on_time(TaskKind::initial_assessment, 0, 100), 2);
  EXPECT_EQ(out.domestic_abuse_due(TaskKind::initial_assessment, 0, 100), 2)
      << "cases 1 and 5: not the others, nor the DA case that ended";
  EXPECT_EQ(out.domestic_abuse_due(TaskKind::initial_assessment, 7, 7), 1);
  EXPECT_EQ(out.domestic_abuse_due(TaskKind::initial_assessment, 21, 21), 1);
  EXPECT_EQ(out.domestic_abuse_due(TaskKind::initial_assessment, 0, 6), 0);
  EXPECT_EQ(out.domestic_abuse_on_time(TaskKind::initial_assessment, 0, 100), 1);
  EXPECT_EQ(out.domestic_abuse_on_time(TaskKind::initial_assessment, 21, 21), 1);
  EXPECT_EQ(out.domestic_abuse_on_time(TaskKind::initial_assessment, 7, 7), 0) << "done on day 10, late";
  EXPECT_EQ(out.domestic_abuse_due(TaskKind::contact, 0, 100), 0) << "no contacts in these rules";
  // Only the kinds the DV audits read are counted apart; asking for another is an error, not a zero.
  EXPECT_THROW((void)out.domestic_abuse_due(TaskKind::termination, 0, 100), std::logic_error);
  EXPECT_THROW((void)out.domestic_abuse_on_time(TaskKind::court_report, 0, 100), std::logic_error);
}

TEST(DomesticAbuseTaskOutcomes, ContactsOfDomesticAbuseCasesAreCountedApart) {
  const SentenceManagementRules rules = weekly_contacts_only();
  const WorkingCalendar calendar(kMonday);
  PduCasework work(rules, calendar, 1, 0, 70);
  // Two cases alike but for the flag, from day 0; both are seen every week by a practitioner with time.
  work.case_allocated(0, case_of(1, true), 0, true, 0);
  work.case_allocated(1, case_of(2, false), 0, true, 0);
  const std::vector<Practitioner> staff{fixtures::full_time_po()};
  for (Day day = 0; day <= 70; ++day) work.run_day(day, staff, 0);

  const TaskOutcomes& out = work.outcomes();
  const std::int64_t all_due = out.due(TaskKind::contact, 0, 70);
  ASSERT_GT(all_due, 0);
  EXPECT_EQ(2 * out.domestic_abuse_due(TaskKind::contact, 0, 70), all_due) << "half are the DA case's";
  EXPECT_EQ(out.domestic_abuse_on_time(TaskKind::contact, 0, 70),
            out.domestic_abuse_due(TaskKind::contact, 0, 70))
      << "a practitioner with time sees every contact in its window";
  EXPECT_EQ(2 * out.domestic_abuse_on_time(TaskKind::contact, 0, 70), out.on_time(TaskKind::contact, 0, 70));
}
