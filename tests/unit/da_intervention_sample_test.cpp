// The DA thematic's main sample and its interventions (MS-1, VIC-3; docs/validation/09-bbr-delivery.md
// §9.17): which cases are in the sample on a day, and what each has had, with exact days.

#include "interventions/da_intervention_sample.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <vector>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

// One office (a PO holding every case, a facilitator) with sentence management on, and its team. A case
// is placed in the office's casework on its start day and told to the team the same day.
struct SampleHarness {
  explicit SampleHarness(const InterventionRules& r, int facilitators = 1) : rules(r), calendar(kMonday) {
    caseload.sentence_management.enabled = true;
    std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, caseload.workload)};
    for (int i = 0; i < facilitators; ++i)
      staff.push_back(fixtures::practitioner(Grade::facilitator, caseload.workload));
    ReferralRate none;
    none.per_week = 0.0;
    office =
        std::make_unique<PduOffice>(PduIdentity{0, 0, "PDU"}, caseload,
                                    ReferralProcess(none, kMonday, 0, 0, 1), 1, std::move(staff), calendar);
    team = std::make_unique<InterventionsTeam>("Team", rules, std::vector<PduOffice*>{office.get()},
                                               std::vector<std::size_t>{0}, calendar, 99);
  }

  // Runs the team through the day before `start`, then starts a case that day.
  void start_case(Day start, bool domestic_abuse = true, int order_months = 24) {
    run_through(start - 1);
    Case c;
    c.id = make_case_id(0, start, next_slot);
    c.referral_day = start;
    c.sentence_length_days = months_to_days(order_months);
    c.end_day = start + c.sentence_length_days;
    c.rosh = RoshLevel::medium;
    c.domestic_abuse_flag = domestic_abuse;
    c.sex = Sex::male;
    c.practitioner = 0;
    office->casework().case_allocated(next_slot, c, start, true, start, Grade::po, std::nullopt);
    team->case_started(0, next_slot, c, c.id, start, false);
    ++next_slot;
  }

  void run_through(Day last) {
    while (next_day <= last) team->run_day(next_day++);
  }

  [[nodiscard]] DaInterventionSampleCounts at(Day day) {
    run_through(day);
    return count_da_intervention_sample(*team, day).at(0);
  }

  InterventionRules rules;
  CaseloadRules caseload = fixtures::fixed_length_rules();
  WorkingCalendar calendar;
  std::unique_ptr<PduOffice> office;
  std::unique_ptr<InterventionsTeam> team;
  std::uint32_t next_slot = 0;
  Day next_day = 0;
};

// The harness's deterministic BBR (every man a requirement, ready the day it is made, 6 sessions twice a
// week), if his order is a year or more, in closed groups of at least `group_min`, attending `attendance`.
InterventionRules bbr_rules(int group_min, double attendance = 1.0) {
  InterventionRules rules = deterministic_rules();
  rules.routing.bbr_minimum_order_months = 12.0;
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = group_min;
  rules.bbr.group_size_max = 12;
  rules.bbr.attendance_probability = attendance;
  return rules;
}

}  // namespace

TEST(DaInterventionSample, TakesDomesticAbuseCasesBegun26To30WeeksBeforeInTheRunOnly) {
  SampleHarness h(bbr_rules(10));  // a group never fills: every requirement waits
  // On day 260 the sample's ages 182..210 days are starts 50..78.
  h.start_case(49);                            // 211 days: too old
  h.start_case(50);                            // 210 days: in
  h.start_case(60, /*domestic_abuse=*/false);  // not DA
  h.start_case(70, true, /*order_months=*/6);  // in, but too short an order for BBR (G-13)
  h.start_case(78);                            // 182 days: in
  h.start_case(79);                            // 181 days: too young
  const DaInterventionSampleCounts n = h.at(260);
  EXPECT_EQ(n.da_cases, 3);
  EXPECT_EQ(n.referred, 2);
  EXPECT_EQ(n.started, 0);
  EXPECT_EQ(n.completed, 0);
  EXPECT_EQ(n.bbr_required, 2);
  EXPECT_EQ(n.bbr_started, 0);
  EXPECT_EQ(n.bbr_removed, 0);
}

TEST(DaInterventionSample, CountsAStartFromItsDayAndACompletionFromItsLastSession) {
  SampleHarness h(bbr_rules(2));
  h.start_case(0);    // waits alone until a second man is ready
  h.start_case(170);  // ready for day 175's review: the group meets on days 176, 178, 183, 185, 190, 192
  const DaInterventionSampleCounts waiting = h.at(174);  // the first man is 174 days in: not yet sampled
  EXPECT_EQ(waiting.da_cases, 0);
  const DaInterventionSampleCounts started = h.at(186);
  EXPECT_EQ(started.da_cases, 1);
  EXPECT_EQ(started.referred, 1);
  EXPECT_EQ(started.started, 1);
  EXPECT_EQ(started.completed, 0);
  const DaInterventionSampleCounts completed = h.at(200);
  EXPECT_EQ(completed.started, 1);
  EXPECT_EQ(completed.completed, 1);
  EXPECT_EQ(completed.bbr_required, 1);
  EXPECT_EQ(completed.bbr_started, 1);
}

TEST(DaInterventionSample, ARemovalForMissedSessionsCountsAsTheBbrRequirementRemoved) {
  InterventionRules rules = bbr_rules(2, /*attendance=*/0.0);
  rules.bbr.missed_sessions_allowed = 0;
  rules.bbr.closed_removed_to = AfterRemoval::exit;
  SampleHarness h(rules, /*facilitators=*/3);  // a group's hours allow for every session caught up
  h.start_case(0);
  h.start_case(0);  // both start at day 0's review and miss day 1's session: removed
  const DaInterventionSampleCounts n = h.at(190);
  EXPECT_EQ(n.da_cases, 2);
  EXPECT_EQ(n.started, 2);
  EXPECT_EQ(n.completed, 0);
  EXPECT_EQ(n.bbr_required, 2);
  EXPECT_EQ(n.bbr_started, 2);
  EXPECT_EQ(n.bbr_removed, 2);
}

TEST(DaInterventionSample, AToolkitCourseIsBegunWhenItsFirstSessionIsAskedFor) {
  InterventionRules rules;
  rules.enabled = true;
  rules.routing.sara_level_shares = {1.0, 0.0, 0.0};  // SARA low: no BBR ...
  rules.routing.sara_low_structured_intervention_share = 0.0;
  rules.routing.sara_low_toolkit_share = 1.0;  // ... the toolkit for all
  rules.toolkit.sessions = 2;
  rules.toolkit.session_interval_weeks = 26.0;  // sessions asked for on days 182 and 364
  rules.daso.enabled = false;
  SampleHarness h(rules);
  h.start_case(0);
  const DaInterventionSampleCounts before = h.at(181);
  EXPECT_EQ(before.da_cases, 0);  // 181 days: not yet sampled
  const DaInterventionSampleCounts first = h.at(182);
  EXPECT_EQ(first.da_cases, 1);
  EXPECT_EQ(first.referred, 1);
  EXPECT_EQ(first.started, 1);
  EXPECT_EQ(first.completed, 0);
  EXPECT_EQ(first.bbr_required, 0);
  EXPECT_EQ(first.bbr_started, 0);
}
