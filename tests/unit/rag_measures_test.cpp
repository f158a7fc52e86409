// Each RAG measure changes exactly what it says: under amber a non-exempt case's contacts fall by the
// multiplier and move to the status's face-to-face share, while an exempt case's, and a PQiP trainee's
// case's, stay as they were; SARA and the other one-off tasks are untouched; redeployed facilitator hours
// appear as practitioner capacity, to the second. Exemptions are drawn at their shares from a stream of
// their own, so no other attribute of a person moves.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <memory>

#include "caseload/case_factory.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/pdu_casework.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0; no bank holidays in these tests

// Weekly contacts of 1 hour for every RoSH level, all face to face under BAU; a SARA for DA cases.
SentenceManagementRules weekly_contacts() {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.priority_order = {PriorityCriterion::earliest_due};
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 1.0;
  rules.contacts.face_to_face_share = 1.0;
  for (auto& steps : rules.contacts.schedule_by_rosh) steps = {{1e9, 1}};
  rules.sara = {2.0, 15};
  return rules;
}

PrioritisationRules amber_halves_contacts(const SentenceManagementRules& sm) {
  PrioritisationRules p;
  p.enabled = true;
  p.measures.fill(business_as_usual_measures(sm));
  RagMeasures& amber = p.measures[static_cast<std::size_t>(RagStatus::amber)];
  amber.contacts.contact_frequency_multiplier = 0.5;
  amber.contacts.face_to_face_share = 0.0;
  p.exempt =
      exemption_bit(RagExemption::high_rosh) | exemption_bit(RagExemption::integrated_offender_management);
  return p;
}

struct ContactCount {
  std::int64_t delivered = 0, face_to_face = 0, sara = 0;
};

// One case, held by a full-time practitioner of `grade` with ample time, for 12 weeks under `measures`.
ContactCount contacts_in_12_weeks(const SentenceManagementRules& sm, const PrioritisationRules& rag,
                                  const RagMeasures& measures, Case c, Grade grade) {
  const WorkingCalendar calendar(kMonday);
  PduCasework work(sm, calendar, 5, 0, 200);
  work.set_prioritisation(&rag, &measures.contacts);
  std::vector<TaskCompletion> log;
  work.set_completion_log(&log);
  Practitioner p = fixtures::practitioner(grade, WorkloadPointsTable{});
  p.contracted_hours_per_week = 37.0;
  const std::vector<Practitioner> staff{p};
  c.practitioner = 0;
  work.case_allocated(0, c, 0, true, 0, grade);
  for (Day day = 0; day < 84; ++day) work.run_day(day, staff, 1);
  ContactCount n;
  for (const TaskCompletion& t : log) {
    n.delivered += t.kind == TaskKind::contact ? 1 : 0;
    n.sara += t.kind == TaskKind::sara ? 1 : 0;
  }
  n.face_to_face = work.outcomes().face_to_face_delivered(0, 200);
  return n;
}

Case medium_rosh_case(CaseId id) {
  Case c;
  c.id = id;
  c.rosh = RoshLevel::medium;
  c.domestic_abuse_flag = true;
  return c;
}

}  // namespace

TEST(RagMeasures, AmberHalvesANonExemptCasesContactsAndLeavesAnExemptCasesAlone) {
  const SentenceManagementRules sm = weekly_contacts();
  const PrioritisationRules rag = amber_halves_contacts(sm);
  const RagMeasures& green = rag.measures_for(RagStatus::green);
  const RagMeasures& amber = rag.measures_for(RagStatus::amber);

  const Case plain = medium_rosh_case(1);
  Case iom = medium_rosh_case(2);
  iom.rag_exemptions = exemption_bit(RagExemption::integrated_offender_management);
  Case high = medium_rosh_case(3);
  high.rosh = RoshLevel::high;

  const ContactCount plain_green = contacts_in_12_weeks(sm, rag, green, plain, Grade::pso);
  const ContactCount plain_amber = contacts_in_12_weeks(sm, rag, amber, plain, Grade::pso);
  EXPECT_EQ(plain_green.delivered, 12) << "weekly for 12 weeks";
  EXPECT_EQ(plain_amber.delivered, 6) << "half the rate: fortnightly";
  EXPECT_EQ(plain_green.face_to_face, 12);
  EXPECT_EQ(plain_amber.face_to_face, 0) << "amber's face-to-face share, 0 here";
  EXPECT_EQ(plain_amber.sara, plain_green.sara) << "RAG-8: SARA under every status";
  EXPECT_EQ(plain_amber.sara, 1);

  for (const Case& exempt : {iom, high}) {
    const ContactCount g = contacts_in_12_weeks(sm, rag, green, exempt, Grade::po);
    const ContactCount a = contacts_in_12_weeks(sm, rag, amber, exempt, Grade::po);
    EXPECT_EQ(a.delivered, g.delivered) << "case " << exempt.id << ": exempt, unchanged";
    EXPECT_EQ(a.face_to_face, g.face_to_face) << "case " << exempt.id;
    EXPECT_EQ(a.delivered, 12);
  }

  // An exemption the scenario does not list (no telephone) does not protect the case.
  Case no_phone = medium_rosh_case(4);
  no_phone.rag_exemptions = exemption_bit(RagExemption::no_telephone);
  EXPECT_EQ(contacts_in_12_weeks(sm, rag, amber, no_phone, Grade::pso).delivered, 6);
}

TEST(RagMeasures, APqipTraineesCasesStayOnBusinessAsUsualRules) {
  const SentenceManagementRules sm = weekly_contacts();
  PrioritisationRules rag = amber_halves_contacts(sm);
  const RagMeasures& amber = rag.measures_for(RagStatus::amber);
  EXPECT_EQ(contacts_in_12_weeks(sm, rag, amber, medium_rosh_case(1), Grade::pqip).delivered, 12) << "RAG-12";
  rag.trainee_cases_on_bau = false;
  EXPECT_EQ(contacts_in_12_weeks(sm, rag, amber, medium_rosh_case(1), Grade::pqip).delivered, 6);
}

TEST(RagMeasures, RedsMonthlyFloorAndTheFirstAppointmentAfterRelease) {
  const SentenceManagementRules sm = weekly_contacts();
  PrioritisationRules rag = amber_halves_contacts(sm);
  RagMeasures& red = rag.measures[static_cast<std::size_t>(RagStatus::red)];
  red = rag.measures_for(RagStatus::amber);
  red.contacts.contact_interval_weeks_min = 4;  // G-3: at most monthly
  EXPECT_EQ(contacts_in_12_weeks(sm, rag, red, medium_rosh_case(1), Grade::pso).delivered, 3);
  // A licence case's first contact follows BAU rules (a 1-week window), later ones red's (4 weeks):
  // contacts open on days 0, 7, 35, 63.
  Case licence = medium_rosh_case(2);
  licence.sentence_type = SentenceType::licence;
  rag.exempt |= exemption_bit(RagExemption::first_appointment_after_release);
  EXPECT_EQ(contacts_in_12_weeks(sm, rag, red, licence, Grade::pso).delivered, 4);
}

TEST(RagMeasures, RedeployedHoursAppearAsPractitionerCapacityToTheSecond) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  rules.sentence_management.enabled = true;
  std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, rules.workload),
                                  fixtures::practitioner(Grade::pso, rules.workload)};
  auto make = [&] {
    return std::make_unique<PduOffice>(PduIdentity{0, 0, "Lent"}, rules,
                                       ReferralProcess(ReferralRate{}, kMonday, 0, 0, 3), 3, staff,
                                       WorkingCalendar(kMonday));
  };
  auto with = make();
  auto without = make();
  for (PduOffice* office : {with.get(), without.get()}) {
    // A backlog of 200 hours each, far more than two weeks' work.
    for (int k = 0; k < 20; ++k) {
      Task t;
      t.kind = TaskKind::periodic_review;
      t.case_id = static_cast<CaseId>(k);
      t.seconds = seconds_of_hours(10.0);
      t.due_day = 5;
      office->casework().add_task(t, k % 2);
    }
  }
  with->set_redeployed_hours_per_working_day(3.5);
  for (Day day = 0; day < 14; ++day) {  // two weeks: 10 working days
    with->run_day(day);
    without->run_day(day);
  }
  const WorkSeconds lent = seconds_of_hours(3.5) * 10;
  EXPECT_EQ(without->casework().open_seconds() - with->casework().open_seconds(), lent);
  EXPECT_EQ(with->casework().counters().worked - without->casework().counters().worked, lent);
  EXPECT_EQ(with->casework().counters().available - without->casework().counters().available, lent);
  EXPECT_DOUBLE_EQ(with->counters().facilitator_hours_redeployed, 35.0);
  EXPECT_DOUBLE_EQ(without->counters().facilitator_hours_redeployed, 0.0);
  // The hours went where the backlog was largest, so the two practitioners end level (to a task's rounding).
  EXPECT_LE(std::llabs(with->casework().backlog_of(0) - with->casework().backlog_of(1)),
            seconds_of_hours(3.5));
}

TEST(RagExemptionDraws, DrawnAtTheirSharesWithoutMovingAnyOtherAttribute) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  CaseloadRules none = rules;
  rules.case_mix.rag_exemption_shares = {0.05, 0.1, 0.02, 0.3};
  const CaseFactory with(rules.case_mix, rules.early_termination, 11);
  const CaseFactory without(none.case_mix, none.early_termination, 11);
  constexpr int kCases = 40000;
  std::array<int, 4> counts{};
  for (int k = 0; k < kCases; ++k) {
    const CaseId id = make_case_id(0, k / 100, static_cast<std::uint32_t>(k % 100));
    const Case a = with.make(id, id, 0);
    const Case b = without.make(id, id, 0);
    EXPECT_EQ(b.rag_exemptions, 0);
    ASSERT_EQ(a.rosh, b.rosh);
    ASSERT_EQ(a.tier.index, b.tier.index);
    ASSERT_EQ(a.domestic_abuse_flag, b.domestic_abuse_flag);
    ASSERT_EQ(a.sex, b.sex);
    ASSERT_EQ(a.end_day, b.end_day);
    for (std::size_t e = 0; e < kDrawnRagExemptions.size(); ++e)
      counts[e] += (a.rag_exemptions & exemption_bit(kDrawnRagExemptions[e])) != 0 ? 1 : 0;
  }
  for (std::size_t e = 0; e < counts.size(); ++e) {
    const double p = rules.case_mix.rag_exemption_shares[e];
    const double sd = std::sqrt(p * (1 - p) / kCases);
    EXPECT_NEAR(counts[e] / double(kCases), p, 4 * sd) << to_string(kDrawnRagExemptions[e]);
  }
}
