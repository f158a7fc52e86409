// Appointments, absences and breach (issue 24) without an Engine: the exact days of the absence ->
// warning -> breach path (bank holidays respected), the tasks and hours it gives the practitioner, the
// court's decision ending the case and the man's BBR requirement, and under common random numbers,
// less staff time giving later breach action.
#include <gtest/gtest.h>

#include <memory>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0

// Every appointment missed without an acceptable reason, every such absence acted on; one warning,
// then breach action on the 2nd failure within 10 working days; every breach ends the order 2 weeks on.
EnforcementRules every_absence_unacceptable() {
  EnforcementRules r;
  r.enabled = true;
  r.missed_unacceptable_share = {1.0, 1.0, 1.0};
  r.absence_judgement_hours = 0.5;
  r.absence_judgement_due_working_days = 2;
  r.unacceptable_judged_share = 1.0;
  r.unacceptable_failures_to_breach = 2;
  r.warning_hours = 0.25;
  r.breach_action_hours = 3.0;
  r.breach_action_due_working_days = 10;
  r.order_ended_share = {1.0, 1.0, 1.0};
  r.decision_lag_weeks = {2.0, 2.0, 2.0};
  return r;
}

}  // namespace

TEST(EnforcementProcess, WarningThenBreachWithinTenWorkingDaysRespectingBankHolidays) {
  const EnforcementRules rules = every_absence_unacceptable();
  // Thursday day 10 (2024-01-18) is a (made-up) bank holiday.
  const WorkingCalendar calendar(kMonday, {CalendarDate{2024, 1, 18}}, -30, 400);
  EnforcementProcess process(rules, calendar, 1);
  process.case_started(0, 42, SentenceType::community_order);

  const AppointmentConsequence first = process.appointment_held(0, 0);  // Monday
  EXPECT_TRUE(first.absence);
  EXPECT_TRUE(first.warned);
  EXPECT_FALSE(first.breach);
  EXPECT_EQ(first.judgement_due_day, 2);  // Wednesday

  const AppointmentConsequence second = process.appointment_held(0, 7);  // the next Monday
  EXPECT_TRUE(second.breach);
  EXPECT_FALSE(second.warned);
  // Ten working days from Monday day 7: days 8..11 (Thursday 10 a holiday, so 8, 9, 11), 14..18, 21, 22.
  EXPECT_EQ(second.breach_due_day, 22);

  // While the breach is pending, further failures start no second breach action.
  EXPECT_FALSE(process.appointment_held(0, 14).breach);
  EXPECT_EQ(process.counters().warnings, 1);
  EXPECT_EQ(process.counters().breaches_initiated, 1);
  EXPECT_EQ(process.counters().absences_unacceptable, 3);

  process.breach_laid(0, 20, /*late=*/false);
  const std::vector<OrderEnding> endings = process.take_decisions();
  ASSERT_EQ(endings.size(), 1u);
  EXPECT_EQ(endings[0].case_id, 42u);
  EXPECT_EQ(endings[0].day, 34);  // laid on day 20, decided 2 weeks later
  EXPECT_EQ(endings[0].outcome, CourtOutcome::order_revoked);
  EXPECT_EQ(process.counters().court_outcomes[static_cast<std::size_t>(CourtOutcome::order_revoked)], 1);
}

TEST(EnforcementProcess, AContinuedOrderCountsFailuresAfreshAfterTheDecision) {
  EnforcementRules rules = every_absence_unacceptable();
  rules.order_ended_share = {0.0, 0.0, 0.0};
  const WorkingCalendar calendar(kMonday);
  EnforcementProcess process(rules, calendar, 1);
  process.case_started(3, 7, SentenceType::licence);
  process.appointment_held(3, 0);
  ASSERT_TRUE(process.appointment_held(3, 7).breach);
  process.breach_laid(3, 9, false);  // decided on day 23
  EXPECT_TRUE(process.take_decisions().empty());
  EXPECT_EQ(process.counters().court_outcomes[static_cast<std::size_t>(CourtOutcome::order_continued)], 1);
  EXPECT_FALSE(process.appointment_held(3, 21).warned) << "before the decision the breach is pending";
  const AppointmentConsequence after = process.appointment_held(3, 28);
  EXPECT_TRUE(after.warned) << "after the decision the count starts again: a warning, not a breach";
  EXPECT_TRUE(process.appointment_held(3, 35).breach);
}

TEST(EnforcementProcess, OffMakesNoDrawAndChangesNothing) {
  EnforcementRules rules = every_absence_unacceptable();
  rules.enabled = false;
  const WorkingCalendar calendar(kMonday);
  EnforcementProcess process(rules, calendar, 1);
  process.case_started(0, 1, SentenceType::community_order);
  EXPECT_FALSE(process.appointment_held(0, 0).absence);
  EXPECT_EQ(process.counters().appointments(), 0);
}

namespace {

// One PDU, one PO, community orders of 12 months, weekly contacts of 1 h; cases referred on chosen days.
struct CaseworkRun {
  std::vector<TaskCompletion> log;
  std::vector<Case> ended;  // cases closed, with their end day and reason
  EnforcementCounters counters;
  std::int64_t terminations_breach = 0;
};

SentenceManagementRules weekly_contacts(const EnforcementRules& enforcement) {
  SentenceManagementRules sm;
  sm.enabled = true;
  sm.contacts.hours_face_to_face = 1.0;
  sm.contacts.face_to_face_share = 1.0;
  for (auto& steps : sm.contacts.schedule_by_rosh) steps = {ContactScheduleStep{1e9, 1.0}};
  sm.enforcement = enforcement;
  return sm;
}

}  // namespace

// The whole path in an office: the practitioner delivers the Monday contacts on the day they open, the
// first missed appointment brings a judgement with a warning (0.75 h), the second a judgement and breach
// action (3 h), laid the same day by a practitioner with time; the order ends on the court's day.
TEST(EnforcementInOffice, AbsenceWarningBreachAndCourtEndTheOrderOnExactDays) {
  CaseloadRules caseload = fixtures::fixed_length_rules(12.0);
  caseload.sentence_management = weekly_contacts(every_absence_unacceptable());
  ReferralRate one;
  one.per_week = 0.0;
  const WorkingCalendar calendar(kMonday);
  std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, caseload.workload)};
  PduOffice office(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(one, kMonday, 0, 0, 1), 1,
                   std::move(staff), calendar, 120);
  std::vector<TaskCompletion> log;
  office.casework().set_completion_log(&log);
  // One case, imported on Monday day 0 and held by the PO.
  PduOffice::ImportedCase imported;
  imported.c.id = 5;
  imported.c.referral_day = 0;
  imported.c.sentence_length_days = 365;
  imported.c.end_day = 365;
  imported.c.rosh = RoshLevel::medium;
  imported.practitioner = 0;
  office.place_imported_caseload(std::span<const PduOffice::ImportedCase>(&imported, 1), 0);
  for (Day d = 0; d <= 60; ++d) office.run_day(d);

  std::vector<std::pair<TaskKind, Day>> done;
  for (const TaskCompletion& c : log)
    if (c.kind != TaskKind::contact) done.emplace_back(c.kind, c.day);
  // Contacts on days 0 and 7; the judgements the same days (due 2 working days on), breach action on
  // day 7 (due day 21); the court decides 2 weeks after, day 21, and the case closes that day (no
  // contact on day 21).
  const std::vector<std::pair<TaskKind, Day>> expected{{TaskKind::absence_judgement, 0},
                                                       {TaskKind::absence_judgement, 7},
                                                       {TaskKind::breach_action, 7},
                                                       {TaskKind::absence_judgement, 14}};
  EXPECT_EQ(done, expected);
  const EnforcementCounters& n = office.casework().enforcement().counters();
  EXPECT_EQ(n.warnings, 1);
  EXPECT_EQ(n.breaches_initiated, 1);
  EXPECT_EQ(n.breaches_laid, 1);
  EXPECT_EQ(n.breaches_laid_late, 0);
  EXPECT_EQ(office.counters().terminations_by_reason[static_cast<std::size_t>(TerminationReason::breach)], 1);
  EXPECT_EQ(office.caseload(), 0);
  // Hours: each judgement 0.5 h, the first with a 0.25 h warning; the breach 3 h (worked, not open).
  const TaskCounters& t = office.casework().counters();
  EXPECT_EQ(t.completed[static_cast<std::size_t>(TaskKind::breach_action)], 1);
  EXPECT_EQ(t.completed[static_cast<std::size_t>(TaskKind::absence_judgement)], 3);
  EXPECT_EQ(t.demanded, t.worked + office.casework().open_seconds() + t.cancelled_seconds + t.missed_seconds);
}
