// A DA home visit under RAG's face-to-face cut, without an Engine (§10.25: RAG-6 read with RAG-3 and
// RAG-7): with the switch on and a status that cuts face-to-face contact, a non-exempt case's visit is made
// with the share of face-to-face contact the status keeps, else set aside (never worked, open until the
// case ends, then cancelled late); exempt cases (RAG-7), trainees' cases (RAG-12) and statuses that cut
// nothing keep every visit; SARAs are never touched (RAG-8); the share is met; draws are common random
// numbers; and the loader reads the switch and refuses a value that is not true or false.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "scenario/loader_test_files.hpp"
#include "sentence_management/pdu_casework.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;
using probsim::fixtures::full_time;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0; no bank holidays in these tests
constexpr std::size_t kSara = static_cast<std::size_t>(TaskKind::sara);
constexpr std::size_t kHomeVisit = static_cast<std::size_t>(TaskKind::home_visit);
constexpr double kBauFaceToFace = 0.9;  // G-4

// A DA case's start creates a SARA (2 h, due in 15 working days) and a home visit (3 h, due in 6 weeks
// for medium RoSH, 15 working days for high) and nothing else: no contacts, reviews or events.
SentenceManagementRules visit_and_sara_rules() {
  SentenceManagementRules rules;
  rules.enabled = true;
  rules.mandated[kSara] = true;
  rules.mandated[kHomeVisit] = true;
  rules.sara = {2.0, 15};
  rules.home_visit.hours = 3.0;
  rules.contacts.face_to_face_share = kBauFaceToFace;
  rules.contacts.hours_face_to_face = rules.contacts.hours_remote = 0.0;
  return rules;
}

PrioritisationRules framework(bool visits_follow_cut, double non_compliance = 0.0) {
  PrioritisationRules rag;
  rag.enabled = true;
  rag.exempt = exemption_bit(RagExemption::high_rosh);
  rag.trainee_cases_on_bau = true;
  rag.non_compliance_probability = non_compliance;
  rag.home_visits_follow_face_to_face_cut = visits_follow_cut;
  return rag;
}

ContactMeasures keeping(double face_to_face_share) {
  ContactMeasures m;
  m.face_to_face_share = face_to_face_share;
  return m;
}

Case da_case(CaseId id, PractitionerIndex holder, RoshLevel rosh = RoshLevel::medium) {
  Case c;
  c.id = id;
  c.rosh = rosh;
  c.domestic_abuse_flag = true;
  c.practitioner = holder;
  return c;
}

// One PDU: a PO (0) and a PQiP trainee (1), under `measures` from before the first case starts.
struct Pdu {
  Pdu(const PrioritisationRules& r, const ContactMeasures& m, RagStatus status)
      : rules(visit_and_sara_rules()), rag(r), measures(m), work(rules, calendar, 7, 0, 200) {
    work.set_prioritisation(&rag, &measures);
    work.set_rag_status(status);
  }
  void run(Day from, Day to) {
    for (Day day = from; day < to; ++day) work.run_day(day, staff, 0);
  }
  [[nodiscard]] std::int64_t completed(std::size_t kind) const { return work.counters().completed[kind]; }
  SentenceManagementRules rules;
  PrioritisationRules rag;
  ContactMeasures measures;
  WorkingCalendar calendar{kMonday};
  PduCasework work;
  std::vector<Practitioner> staff{full_time(Grade::po), full_time(Grade::pqip)};
};

}  // namespace

TEST(HomeVisitFaceToFaceCut, WhenTheStatusKeepsNoFaceToFaceAPosVisitIsSetAsideAndItsSaraIsStillDone) {
  Pdu pdu(framework(true), keeping(0.0), RagStatus::red);
  const Case c = da_case(11, 0);
  pdu.work.case_allocated(0, c, 0, true, 0, Grade::po);
  pdu.run(0, 40);
  const TaskCounters& n = pdu.work.counters();
  EXPECT_EQ(n.created[kHomeVisit], 1);
  EXPECT_EQ(n.set_aside[kHomeVisit], 1);
  EXPECT_EQ(pdu.completed(kHomeVisit), 0) << "never made, though the PO had every hour free";
  EXPECT_EQ(n.set_aside[kSara], 0) << "RAG-8: the SARA stays mandated";
  EXPECT_EQ(pdu.completed(kSara), 1);
  EXPECT_EQ(pdu.work.backlog_of(0), 0) << "the visit is in no backlog";
  EXPECT_EQ(pdu.work.open_seconds(), seconds_of_hours(3.0)) << "but open with its case";
  EXPECT_EQ(n.demanded, n.worked + pdu.work.open_seconds() + n.cancelled_seconds + n.missed_seconds);

  pdu.work.case_closed(0, c, 45);  // past the visit's 6 weeks
  EXPECT_EQ(pdu.work.counters().cancelled[kHomeVisit], 1);
  EXPECT_EQ(pdu.work.outcomes().due(TaskKind::home_visit, 0, 200), 1) << "due when cancelled";
  EXPECT_EQ(pdu.work.outcomes().on_time(TaskKind::home_visit, 0, 200), 0) << "and late";
}

TEST(HomeVisitFaceToFaceCut, TheSwitchOffOrAStatusThatCutsNothingKeepsEveryVisit) {
  Pdu off(framework(false), keeping(0.0), RagStatus::red);
  off.work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  off.run(0, 35);
  EXPECT_EQ(off.work.counters().set_aside[kHomeVisit], 0);
  EXPECT_EQ(off.completed(kHomeVisit), 1);

  // An amber whose face-to-face share is BAU's cuts no face-to-face contact, so no visit.
  Pdu as_usual(framework(true), keeping(kBauFaceToFace), RagStatus::amber);
  as_usual.work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  as_usual.run(0, 35);
  EXPECT_EQ(as_usual.work.counters().set_aside[kHomeVisit], 0);
  EXPECT_EQ(as_usual.completed(kHomeVisit), 1);
}

TEST(HomeVisitFaceToFaceCut, ExemptCasesAndTraineesCasesKeepTheirVisit) {
  Pdu high(framework(true), keeping(0.0), RagStatus::red);
  high.work.case_allocated(0, da_case(11, 0, RoshLevel::high), 0, true, 0, Grade::po);
  high.run(0, 25);
  EXPECT_EQ(high.work.counters().set_aside[kHomeVisit], 0) << "RAG-7: high RoSH is exempt";
  EXPECT_EQ(high.completed(kHomeVisit), 1);

  Pdu trainee(framework(true), keeping(0.0), RagStatus::red);
  trainee.work.case_allocated(0, da_case(11, 1), 0, true, 0, Grade::pqip);
  trainee.run(0, 35);
  EXPECT_EQ(trainee.work.counters().set_aside[kHomeVisit], 0) << "RAG-12: trainees stay on BAU";
  EXPECT_EQ(trainee.completed(kHomeVisit), 1);

  PrioritisationRules no_bau = framework(true);
  no_bau.trainee_cases_on_bau = false;
  Pdu trainee_cut(no_bau, keeping(0.0), RagStatus::red);
  trainee_cut.work.case_allocated(0, da_case(11, 1), 0, true, 0, Grade::pqip);
  EXPECT_EQ(trainee_cut.work.counters().set_aside[kHomeVisit], 1) << "one switch for contacts and visits";

  Pdu unallocated(framework(true), keeping(0.0), RagStatus::red);
  unallocated.work.case_allocated(0, da_case(11, kUnallocated), 0, true, 0, Grade::po);
  EXPECT_EQ(unallocated.work.counters().set_aside[kHomeVisit], 0) << "nobody to visit or not";
}

TEST(HomeVisitFaceToFaceCut, VisitsAreMadeWithTheShareTheStatusKeepsAndDrawsAreCommonRandomNumbers) {
  // 3,000 medium-RoSH PO cases under amber (0.5 of 0.9 kept) and the same cases under red (0.25 of 0.9).
  constexpr std::uint32_t kCases = 3000;
  Pdu amber(framework(true), keeping(0.5), RagStatus::amber);
  Pdu red(framework(true), keeping(0.25), RagStatus::red);
  Pdu red_g29(framework(true, 0.1), keeping(0.25), RagStatus::red);
  std::vector<bool> set_aside_amber(kCases), set_aside_red(kCases);
  for (std::uint32_t slot = 0; slot < kCases; ++slot) {
    const Case c = da_case(1000 + slot, 0);
    amber.work.case_allocated(slot, c, 0, true, 0, Grade::po);
    red.work.case_allocated(slot, c, 0, true, 0, Grade::po);
    red_g29.work.case_allocated(slot, c, 0, true, 0, Grade::po);
  }
  amber.work.for_each_open_task([&](const Task& t) {
    if (t.kind == TaskKind::home_visit) set_aside_amber[t.case_id - 1000] = t.set_aside;
  });
  red.work.for_each_open_task([&](const Task& t) {
    if (t.kind == TaskKind::home_visit) set_aside_red[t.case_id - 1000] = t.set_aside;
  });
  for (std::uint32_t i = 0; i < kCases; ++i)
    if (set_aside_amber[i]) {
      EXPECT_TRUE(set_aside_red[i]) << "a visit not made under amber is not made under red: case " << i;
    }
  const auto share = [&](const Pdu& pdu) {
    return static_cast<double>(pdu.work.counters().set_aside[kHomeVisit]) / kCases;
  };
  // Binomial sd at n = 3,000 is under 0.0092: 0.035 is about four sd.
  EXPECT_NEAR(share(amber), 1.0 - 0.5 / 0.9, 0.035);
  EXPECT_NEAR(share(red), 1.0 - 0.25 / 0.9, 0.035);
  EXPECT_NEAR(share(red_g29), 0.9 * (1.0 - 0.25 / 0.9), 0.035) << "G-29 keeps a tenth on BAU practice";
  EXPECT_EQ(red.work.counters().set_aside[kSara], 0);
}

TEST(HomeVisitFaceToFaceCut, AnEscalationsVisitHasItsOwnDrawBesideOneNotMade) {
  // Events every few days (G-7's visit within 10 working days of each): a start visit not made does not
  // stand for an escalation's, which comes with its own draw and, keeping no face-to-face, is not made
  // either.
  PrioritisationRules rag = framework(true);
  Pdu pdu(rag, keeping(0.0), RagStatus::red);
  pdu.rules.home_visit.after_event_due_working_days = 10;
  pdu.rules.event_review.hazard_per_year = 120.0;
  PduCasework work(pdu.rules, pdu.calendar, 7, 0, 200);
  work.set_prioritisation(&pdu.rag, &pdu.measures);
  work.set_rag_status(RagStatus::red);
  work.case_allocated(0, da_case(11, 0), 0, true, 0, Grade::po);
  for (Day day = 0; day < 60; ++day) work.run_day(day, pdu.staff, 0);
  const TaskCounters& n = work.counters();
  EXPECT_GT(n.created[kHomeVisit], 1) << "the start's visit and at least one escalation's";
  EXPECT_EQ(n.set_aside[kHomeVisit], n.created[kHomeVisit]);
  EXPECT_EQ(n.completed[kHomeVisit], 0);
  EXPECT_EQ(n.demanded, n.worked + work.open_seconds() + n.cancelled_seconds + n.missed_seconds);
}

TEST(HomeVisitFaceToFaceCut, ContactsAreDrawnAndWorkedAsWithoutTheSwitch) {
  // Five cases, so the PO has hours to spare (25 hours of SARAs and visits, then an hour or two of
  // contacts a week): the visits' own draws must leave every contact's draw, and so its mode, as it was,
  // and with hours to spare every contact is delivered either way.
  const auto contacts_of = [](bool visits_follow_cut) {
    SentenceManagementRules rules = visit_and_sara_rules();
    rules.contacts.hours_face_to_face = 1.0;
    rules.contacts.hours_remote = 0.5;
    const PrioritisationRules rag = framework(visits_follow_cut);
    const ContactMeasures measures = keeping(0.5);
    WorkingCalendar calendar{kMonday};
    PduCasework work(rules, calendar, 7, 0, 200);
    work.set_prioritisation(&rag, &measures);
    work.set_rag_status(RagStatus::amber);
    const std::vector<Practitioner> staff{full_time(Grade::po), full_time(Grade::pqip)};
    for (std::uint32_t slot = 0; slot < 5; ++slot)
      work.case_allocated(slot, da_case(500 + slot, 0), 0, true, 0, Grade::po);
    for (Day day = 0; day < 120; ++day) work.run_day(day, staff, 0);
    const TaskCounters& n = work.counters();
    constexpr std::size_t kContact = static_cast<std::size_t>(TaskKind::contact);
    return std::vector<std::int64_t>{n.created[kContact], n.completed[kContact], n.set_aside[kHomeVisit],
                                     work.outcomes().face_to_face_delivered(0, 199)};
  };
  const auto off = contacts_of(false), on = contacts_of(true);
  EXPECT_EQ(on[0], off[0]) << "contacts created";
  EXPECT_EQ(on[1], off[1]) << "contacts delivered";
  EXPECT_EQ(on[3], off[3]) << "delivered face to face: the same draws";
  EXPECT_GT(off[3], 0);
  EXPECT_EQ(off[2], 0);
  EXPECT_GT(on[2], 0) << "while visits are cut";
}

namespace {

std::string load_error(const std::vector<std::string>& overrides) {
  Diagnostics d;
  return load_scenario(probsim::testing::source("scenarios/example_pdu.yaml"), overrides, d) ? ""
                                                                                             : d.describe();
}

}  // namespace

TEST(HomeVisitFaceToFaceCut, TheBaseFileSwitchesItOnAndTheLoaderRefusesAValueThatIsNotABoolean) {
  Diagnostics d;
  auto loaded = load_scenario(probsim::testing::source("scenarios/example_pdu.yaml"), {}, d);
  ASSERT_TRUE(loaded) << d.describe();
  EXPECT_TRUE(loaded->scenario.caseload.prioritisation.home_visits_follow_face_to_face_cut) << "§10.25";
  auto off = load_scenario(probsim::testing::source("scenarios/example_pdu.yaml"),
                           {"prioritisation.home_visits_follow_face_to_face_cut=false"}, d);
  ASSERT_TRUE(off) << d.describe();
  EXPECT_FALSE(off->scenario.caseload.prioritisation.home_visits_follow_face_to_face_cut);
  const std::string error = load_error({"prioritisation.home_visits_follow_face_to_face_cut=sometimes"});
  EXPECT_NE(error.find("prioritisation.home_visits_follow_face_to_face_cut"), std::string::npos) << error;
  EXPECT_NE(error.find("true or false"), std::string::npos) << error;
}
