// RAG-13's set-aside rule without an Engine: a mandated task judged not needed under revised measures is
// never worked, stays open with its case, is cancelled (late) when the case ends and stays set aside when
// the case moves; only under amber or red, never for a PQiP trainee's case while RAG-12 holds; the draws
// are common random numbers. The loader's side: tests/scenario/judgement_loader_test.cpp.
#include "sentence_management/judgement_under_revised_measures.hpp"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "sentence_management/pdu_casework.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;
using probsim::fixtures::full_time;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0; no bank holidays in these tests
constexpr std::size_t kSara = static_cast<std::size_t>(TaskKind::sara);
constexpr std::size_t kHomeVisit = static_cast<std::size_t>(TaskKind::home_visit);

JudgementUnderRevisedMeasures judgement(double probability) {
  JudgementUnderRevisedMeasures j;
  j.enabled = true;
  j.set_aside_probability = probability;
  j.applies_to[kSara] = true;
  j.applies_to[kHomeVisit] = true;
  return j;
}

// A DA case's start creates a SARA (2 h, due in 15 working days) and nothing else: no contacts, reviews,
// events or home visit, so what happens to the SARA is all there is to see.
SentenceManagementRules sara_only_rules(double probability) {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.mandated[kSara] = true;
  rules.sara = {2.0, 15};
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 0.0;
  rules.judgement_under_revised_measures = judgement(probability);
  return rules;
}

Case da_case(CaseId id, PractitionerIndex holder) {
  Case c;
  c.id = id;
  c.rosh = RoshLevel::medium;
  c.domestic_abuse_flag = true;
  c.practitioner = holder;
  return c;
}

// One PDU: a PO (0), another PO (1) and a PQiP trainee (2); its status set before the case starts.
struct Pdu {
  explicit Pdu(const SentenceManagementRules& r, RagStatus status)
      : rules(r), work(rules, calendar, 7, 0, 120) {
    work.set_rag_status(status);
    work.set_completion_log(&log);
  }
  void run(Day from, Day to) {
    for (Day day = from; day < to; ++day) work.run_day(day, staff, 0);
  }
  [[nodiscard]] std::int64_t completed(TaskKind kind) const {
    return work.counters().completed[static_cast<std::size_t>(kind)];
  }
  [[nodiscard]] bool open_sara_set_aside(PractitionerIndex holder) const {
    bool found = false;
    work.for_each_open_task([&](const Task& t) {
      if (t.kind == TaskKind::sara && t.set_aside && t.holder == holder) found = true;
    });
    return found;
  }
  void expect_hours_conserved() const {
    const TaskCounters& n = work.counters();
    EXPECT_EQ(n.demanded, n.worked + work.open_seconds() + n.cancelled_seconds + n.missed_seconds);
  }
  SentenceManagementRules rules;
  WorkingCalendar calendar{kMonday};
  PduCasework work;
  std::vector<TaskCompletion> log;
  std::vector<Practitioner> staff{full_time(Grade::po), full_time(Grade::po), full_time(Grade::pqip)};
};

}  // namespace

TEST(JudgementUnderRevisedMeasures, UnderRedAPoSetsTheSaraAsideUntilTheCaseEndsThenItIsCancelledLate) {
  Pdu pdu(sara_only_rules(1.0), RagStatus::red);
  const Case c = da_case(11, 0);
  pdu.work.case_allocated(0, c, 0, true, 0, Grade::po);
  pdu.run(0, 40);
  EXPECT_EQ(pdu.work.counters().created[kSara], 1);
  EXPECT_EQ(pdu.work.counters().set_aside[kSara], 1);
  EXPECT_EQ(pdu.completed(TaskKind::sara), 0) << "never worked, though the PO had every hour free";
  EXPECT_EQ(pdu.work.counters().worked, 0);
  EXPECT_EQ(pdu.work.open_tasks(), 1u) << "open with its case";
  EXPECT_TRUE(pdu.open_sara_set_aside(0));
  EXPECT_EQ(pdu.work.backlog_of(0), 0) << "in no backlog: its hours are free";
  EXPECT_EQ(pdu.work.unassigned_backlog(), 0);
  EXPECT_EQ(pdu.work.open_seconds(), seconds_of_hours(2.0)) << "but still open work";
  pdu.expect_hours_conserved();

  pdu.work.case_closed(0, c, 40);
  EXPECT_EQ(pdu.work.counters().cancelled[kSara], 1);
  EXPECT_EQ(pdu.work.open_tasks(), 0u);
  EXPECT_EQ(pdu.work.open_seconds(), 0);
  const TaskOutcomes& out = pdu.work.outcomes();
  EXPECT_EQ(out.due(TaskKind::sara, 0, 120), 1) << "overdue when cancelled: still due";
  EXPECT_EQ(out.on_time(TaskKind::sara, 0, 120), 0) << "and late";
  pdu.expect_hours_conserved();
}

TEST(JudgementUnderRevisedMeasures, UnderGreenTheSaraIsWorked) {
  Pdu pdu(sara_only_rules(1.0), RagStatus::green);
  pdu.work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  pdu.run(0, 5);
  EXPECT_EQ(pdu.work.counters().set_aside[kSara], 0);
  EXPECT_EQ(pdu.completed(TaskKind::sara), 1);
  EXPECT_EQ(pdu.work.outcomes().on_time(TaskKind::sara, 0, 120), 1);
}

TEST(JudgementUnderRevisedMeasures, AnAmberStatusIsRevisedMeasuresToo) {
  Pdu pdu(sara_only_rules(1.0), RagStatus::amber);
  pdu.work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  pdu.run(0, 5);
  EXPECT_EQ(pdu.work.counters().set_aside[kSara], 1);
  EXPECT_EQ(pdu.completed(TaskKind::sara), 0);
}

TEST(JudgementUnderRevisedMeasures, ATraineesSaraIsWorkedWhileTraineeCasesStayOnBusinessAsUsual) {
  Pdu bau(sara_only_rules(1.0), RagStatus::red);
  bau.work.case_allocated(0, da_case(11, 2), 0, true, 0, Grade::pqip);
  bau.run(0, 5);
  EXPECT_EQ(bau.work.counters().set_aside[kSara], 0) << "RAG-12";
  EXPECT_EQ(bau.completed(TaskKind::sara), 1);

  // The framework's one RAG-12 switch, for contacts and for this: off, a trainee judges as others do.
  PrioritisationRules own_judgement;
  own_judgement.trainee_cases_on_bau = false;
  const ContactMeasures measures;
  Pdu trainee(sara_only_rules(1.0), RagStatus::red);
  trainee.work.set_prioritisation(&own_judgement, &measures);
  trainee.work.case_allocated(0, da_case(11, 2), 0, true, 0, Grade::pqip);
  trainee.run(0, 5);
  EXPECT_EQ(trainee.work.counters().set_aside[kSara], 1);
  EXPECT_EQ(trainee.completed(TaskKind::sara), 0);
}

TEST(JudgementUnderRevisedMeasures, AnUnallocatedCasesTaskIsNotSetAside) {
  Pdu pdu(sara_only_rules(1.0), RagStatus::red);
  pdu.work.case_allocated(0, da_case(11, kUnallocated), 0, true, 0, Grade::po);
  EXPECT_EQ(pdu.work.counters().set_aside[kSara], 0) << "nobody to judge it";
  EXPECT_EQ(pdu.work.unassigned_backlog(), seconds_of_hours(2.0));
}

TEST(JudgementUnderRevisedMeasures, ReallocationKeepsItSetAsideAndOutOfEveryBacklog) {
  Pdu pdu(sara_only_rules(1.0), RagStatus::red);
  Case c = da_case(11, 0);
  pdu.work.case_allocated(0, c, 0, true, 0, Grade::po);
  pdu.work.case_unallocated(0);  // its practitioner left
  EXPECT_TRUE(pdu.open_sara_set_aside(kUnallocated));
  EXPECT_EQ(pdu.work.unassigned_backlog(), 0);
  c.practitioner = 1;
  pdu.work.case_allocated(0, c, 0, false, 3, Grade::po);
  EXPECT_TRUE(pdu.open_sara_set_aside(1));
  EXPECT_EQ(pdu.work.backlog_of(1), 0);
  pdu.run(3, 30);
  EXPECT_EQ(pdu.completed(TaskKind::sara), 0) << "the new holder does not work it either";
  EXPECT_EQ(pdu.work.counters().set_aside[kSara], 1) << "counted once, when created";
  EXPECT_EQ(pdu.work.open_seconds(), seconds_of_hours(2.0));
  pdu.expect_hours_conserved();
}

TEST(JudgementUnderRevisedMeasures, TasksAreConservedKindByKind) {
  SentenceManagementRules rules = sara_only_rules(0.5);
  rules.home_visit.hours = 3.0;
  rules.initial_assessment = {1.0, 10};
  Pdu pdu(rules, RagStatus::red);
  std::vector<Case> cases;
  for (std::uint32_t slot = 0; slot < 40; ++slot) {
    cases.push_back(da_case(100 + slot, static_cast<PractitionerIndex>(slot % 3)));
    pdu.work.case_allocated(slot, cases.back(), 0, true, 0, slot % 3 == 2 ? Grade::pqip : Grade::po);
  }
  pdu.run(0, 20);
  for (std::uint32_t slot = 0; slot < 40; slot += 2) pdu.work.case_closed(slot, cases[slot], 20);
  pdu.run(20, 25);
  std::array<std::int64_t, kTaskKindCount> open{};
  pdu.work.for_each_open_task([&](const Task& t) { open[static_cast<std::size_t>(t.kind)] += 1; });
  const TaskCounters& n = pdu.work.counters();
  for (std::size_t k = 0; k < kTaskKindCount; ++k)
    EXPECT_EQ(n.created[k], n.completed[k] + n.cancelled[k] + open[k]) << to_string(static_cast<TaskKind>(k));
  EXPECT_GT(n.set_aside[kSara], 0);
  EXPECT_GT(n.set_aside[kHomeVisit], 0);
  EXPECT_EQ(n.set_aside[static_cast<std::size_t>(TaskKind::initial_assessment)], 0) << "not listed";
  EXPECT_EQ(open[kSara] + open[kHomeVisit],
            n.set_aside[kSara] + n.set_aside[kHomeVisit] - (n.cancelled[kSara] + n.cancelled[kHomeVisit]))
      << "after 25 days only the set-aside ones are open; the others were done";
  pdu.expect_hours_conserved();
}

TEST(JudgementUnderRevisedMeasures, DrawsAreCommonRandomNumbersAndZeroOrGreenSetsNothingAside) {
  const JudgementUnderRevisedMeasures low = judgement(0.2), high = judgement(0.45);
  constexpr int kTasks = 4000;
  int at_low = 0, at_high = 0;
  for (int i = 0; i < kTasks; ++i) {
    const auto id = static_cast<CaseId>(5000 + i);
    const Day due = 20 + i % 11;
    const bool a = low.sets_aside(99, id, TaskKind::sara, due, true, false);
    const bool b = high.sets_aside(99, id, TaskKind::sara, due, true, false);
    at_low += a ? 1 : 0;
    at_high += b ? 1 : 0;
    if (a) {
      EXPECT_TRUE(b) << "set aside at 0.2 implies set aside at 0.45: task " << i;
    }
    EXPECT_FALSE(judgement(0.0).sets_aside(99, id, TaskKind::sara, due, true, false));
    EXPECT_FALSE(high.sets_aside(99, id, TaskKind::sara, due, false, false)) << "green: no revised measures";
  }
  // Binomial sd at n = 4000 is under 0.008: 0.03 is about four sd.
  EXPECT_NEAR(at_low / static_cast<double>(kTasks), 0.2, 0.03);
  EXPECT_NEAR(at_high / static_cast<double>(kTasks), 0.45, 0.03);
  EXPECT_FALSE(high.sets_aside(99, 1, TaskKind::initial_assessment, 20, true, false)) << "not listed";
}

TEST(JudgementUnderRevisedMeasures, CheckAllowsOnlyOneOffStartTasks) {
  for (TaskKind kind :
       {TaskKind::initial_assessment, TaskKind::sara, TaskKind::home_visit, TaskKind::risk_management_plan}) {
    JudgementUnderRevisedMeasures j = judgement(0.3);
    j.applies_to[static_cast<std::size_t>(kind)] = true;
    EXPECT_TRUE(j.check().empty()) << to_string(kind);
  }
  for (TaskKind kind : {TaskKind::contact, TaskKind::periodic_review, TaskKind::event_review,
                        TaskKind::termination, TaskKind::court_report, TaskKind::toolkit_session,
                        TaskKind::absence_judgement, TaskKind::breach_action}) {
    JudgementUnderRevisedMeasures j = judgement(0.3);
    j.applies_to[static_cast<std::size_t>(kind)] = true;
    const RuleProblems problems = j.check();
    ASSERT_EQ(problems.size(), 1u) << to_string(kind);
    EXPECT_EQ(problems[0].key, "tasks");
    EXPECT_NE(problems[0].message.find(std::string(to_string(kind))), std::string::npos);
  }
}

TEST(JudgementUnderRevisedMeasures, AnEventBringsItsOwnHomeVisitWhenTheStartsWasSetAside) {
  // Every task of the case set aside (p = 1), events every few days: the start's visit set aside does not
  // stand for the escalation's (G-7), which comes with its own draw and here is set aside too.
  SentenceManagementRules rules = sara_only_rules(1.0);
  rules.mandated[kHomeVisit] = true;
  rules.home_visit.hours = 3.0;
  rules.home_visit.after_event_due_working_days = 10;
  rules.event_review.hours = 0.0;
  rules.event_review.hazard_per_year = 120.0;  // an event every 3 days or so
  Pdu pdu(rules, RagStatus::red);
  pdu.work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  pdu.run(0, 60);
  const TaskCounters& n = pdu.work.counters();
  EXPECT_EQ(n.completed[kHomeVisit], 0);
  EXPECT_GT(n.created[kHomeVisit], 1) << "the start's visit and at least one event's";
  EXPECT_EQ(n.set_aside[kHomeVisit], n.created[kHomeVisit]);
  pdu.expect_hours_conserved();
}

TEST(JudgementUnderRevisedMeasures, ATaskThatMayBeSetAsideNeedsItsHoldersGrade) {
  // A case started with its grade: fine. A SARA added later without one is a caller's error, thrown,
  // rather than a trainee taken for a practitioner who judges.
  Pdu pdu(sara_only_rules(1.0), RagStatus::red);
  pdu.work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  EXPECT_THROW(pdu.work.add_case_task(0, 11, TaskKind::sara, 2.0, 1, 15), std::logic_error);
  EXPECT_TRUE(pdu.work.add_case_task(0, 11, TaskKind::toolkit_session, 1.0, 1, 15))
      << "not listed: no grade needed";
}
