// Appointments, absences and breach (issue 24) without an Engine: the exact days of the absence ->
// warning -> breach path (bank holidays respected), the tasks and hours it gives the practitioner, the
// court's decision ending the case and the man's BBR requirement, and under common random numbers,
// less staff time giving later breach action.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/one_case_office.hpp"
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
  // One case, imported on Monday day 0 and held by the PO.
  fixtures::OneCaseOffice one(caseload);
  PduOffice& office = *one.office;
  std::vector<TaskCompletion> log;
  office.casework().set_completion_log(&log);
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

namespace {

struct StaffingRun {
  std::int64_t breaches_laid = 0, breaches_laid_late = 0, breaches_initiated = 0;
  std::int64_t appointments = 0;
  double mean_days_after_due = 0.0;  // breach action completion day less its due day, mean
  std::int64_t ended_on_breach = 0;
};

// One PDU taking 1.5 referrals a week of 12-month community orders for 40 weeks, held by two POs at
// `fte` each; weekly 1-hour contacts; 8% of appointments missed unacceptably, half of breaches ending
// the order 4 weeks on. The seed is shared, so both staffings see the same people (CRN).
StaffingRun run_with_staff(double fte, bool enforcement_on = true) {
  CaseloadRules caseload = fixtures::fixed_length_rules(12.0);
  EnforcementRules e = every_absence_unacceptable();
  e.enabled = enforcement_on;
  e.missed_unacceptable_share = {0.08, 0.08, 0.08};
  e.order_ended_share = {0.5, 0.5, 0.5};
  e.decision_lag_weeks = {4.0, 4.0, 4.0};
  caseload.sentence_management = weekly_contacts(e);
  ReferralRate rate;
  rate.per_week = 1.5;
  const WorkingCalendar calendar(kMonday);
  std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, caseload.workload, fte),
                                  fixtures::practitioner(Grade::po, caseload.workload, fte)};
  const Day last = 280;
  PduOffice office(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(rate, kMonday, 0, 0, 11), 11,
                   std::move(staff), calendar, last);
  std::vector<TaskCompletion> log;
  office.casework().set_completion_log(&log);
  for (Day d = 0; d <= last; ++d) office.run_day(d);
  StaffingRun run;
  const EnforcementCounters& n = office.casework().enforcement().counters();
  run.breaches_laid = n.breaches_laid;
  run.breaches_laid_late = n.breaches_laid_late;
  run.breaches_initiated = n.breaches_initiated;
  run.appointments = n.appointments();
  double sum = 0.0;
  for (const TaskCompletion& c : log)
    if (c.kind == TaskKind::breach_action) sum += static_cast<double>(c.day - c.due_day);
  run.mean_days_after_due = run.breaches_laid > 0 ? sum / static_cast<double>(run.breaches_laid) : 0.0;
  run.ended_on_breach =
      office.counters().terminations_by_reason[static_cast<std::size_t>(TerminationReason::breach)];
  return run;
}

}  // namespace

// Under common random numbers, the same people with half the staff time: breach action comes
// later (some of it after the 10 working days), so orders the court ends end later too.
TEST(EnforcementInOffice, LessStaffTimeGivesLaterBreachActionUnderCommonRandomNumbers) {
  const StaffingRun full = run_with_staff(1.0);
  const StaffingRun short_staffed = run_with_staff(0.5);
  ASSERT_GT(full.breaches_laid, 10);
  EXPECT_EQ(full.breaches_laid_late, 0) << "two full-time POs have time for every breach";
  EXPECT_GT(short_staffed.breaches_laid_late, 0);
  EXPECT_GT(short_staffed.mean_days_after_due, full.mean_days_after_due + 1.0);
  // Fewer contacts are delivered short-staffed, so fewer appointments are held: fewer failures seen.
  EXPECT_LT(short_staffed.appointments, full.appointments);
  EXPECT_LE(short_staffed.breaches_initiated, full.breaches_initiated);
  std::printf(
      "full: %lld laid, %lld late, %.2f days after due, %lld appointments, %lld ended\n"
      "short: %lld laid, %lld late, %.2f days after due, %lld appointments, %lld ended\n",
      static_cast<long long>(full.breaches_laid), static_cast<long long>(full.breaches_laid_late),
      full.mean_days_after_due, static_cast<long long>(full.appointments),
      static_cast<long long>(full.ended_on_breach), static_cast<long long>(short_staffed.breaches_laid),
      static_cast<long long>(short_staffed.breaches_laid_late), short_staffed.mean_days_after_due,
      static_cast<long long>(short_staffed.appointments),
      static_cast<long long>(short_staffed.ended_on_breach));
}

// Switched off, the same runs hold no appointments and end no order on breach: the mechanism, not the
// staffing, is what the test above measures.
TEST(EnforcementInOffice, OffTheSameRunsLayNoBreachAndEndNoOrder) {
  const StaffingRun off = run_with_staff(0.5, false);
  EXPECT_EQ(off.appointments, 0);
  EXPECT_EQ(off.breaches_laid, 0);
  EXPECT_EQ(off.ended_on_breach, 0);
}

// A breach the court acts on ends the man's order, and with it his BBR requirement (as any ending of
// the order does): men on the BBR list (no facilitator, so nobody starts) leave it on the decision day.
TEST(EnforcementInOffice, AnOrderEndedOnBreachEndsTheBbrRequirementOfAManOnTheList) {
  InterventionRules rules;
  rules.enabled = true;
  rules.routing.sara_level_shares = {0.0, 0.0, 1.0};
  rules.routing.bbr_requirement_share = 1.0;
  rules.readiness = {0.0, 0.0};
  rules.daso.enabled = false;
  CaseloadRules caseload = fixtures::fixed_length_rules(24.0);
  caseload.case_mix.domestic_abuse_share = 1.0;
  caseload.case_mix.male_share = 1.0;
  EnforcementRules e = every_absence_unacceptable();
  e.decision_lag_weeks = {0.0, 0.0, 0.0};
  caseload.sentence_management = weekly_contacts(e);
  ReferralRate january_only;
  january_only.per_week = 2.0;
  january_only.seasonality_multiplier = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const WorkingCalendar calendar(kMonday);
  std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, caseload.workload)};
  PduOffice office(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(january_only, kMonday, 0, 0, 3), 3,
                   std::move(staff), calendar, 120);
  InterventionsTeam team("Team", rules, std::vector<PduOffice*>{&office}, std::vector<std::size_t>{0},
                         calendar, 3);
  office.set_interventions(&team, 0);
  std::int64_t most_waiting = 0;
  for (Day d = 0; d <= 90; ++d) {
    office.run_day(d);
    team.run_day(d);
    most_waiting = std::max(most_waiting, team.waiting_to_start(0));
  }
  ASSERT_GT(most_waiting, 3);
  const std::int64_t ended =
      office.counters().terminations_by_reason[static_cast<std::size_t>(TerminationReason::breach)];
  // Every man misses every appointment: warned at the first, breached at the second, ended the next day.
  EXPECT_EQ(ended, office.counters().referrals);
  EXPECT_EQ(team.waiting_to_start(0), 0);
  for (const Participant& p : team.participants()) EXPECT_TRUE(p.order_ended);
}

// Feedback [Assume]: after a late breach action the person's unacceptable absences become likelier by
// the multiplier; after one on time they do not. Counted over many people with the same draws.
TEST(EnforcementProcess, ALateBreachRaisesLaterUnacceptableAbsencesByTheMultiplier) {
  EnforcementRules rules = every_absence_unacceptable();
  rules.missed_unacceptable_share = {0.1, 0.1, 0.1};
  rules.order_ended_share = {0.0, 0.0, 0.0};
  rules.decision_lag_weeks = {0.0, 0.0, 0.0};
  rules.late_breach_unacceptable_multiplier = 3.0;
  const WorkingCalendar calendar(kMonday);
  auto unacceptable_after = [&](bool late) {
    EnforcementProcess process(rules, calendar, 5);
    for (std::uint32_t slot = 0; slot < 2000; ++slot) {
      process.case_started(slot, 1000 + slot, SentenceType::community_order);
      process.breach_laid(slot, 0, late);  // as if one breach had been laid, on time or not
    }
    const std::int64_t before = process.counters().absences_unacceptable;
    for (std::uint32_t slot = 0; slot < 2000; ++slot)
      for (Day week = 1; week <= 10; ++week) process.appointment_held(slot, 7 * week);
    return process.counters().absences_unacceptable - before;
  };
  const std::int64_t on_time = unacceptable_after(false);
  const std::int64_t late = unacceptable_after(true);
  EXPECT_NEAR(static_cast<double>(on_time) / 20000.0, 0.1, 0.01);
  EXPECT_NEAR(static_cast<double>(late) / 20000.0, 0.3, 0.015);
}
