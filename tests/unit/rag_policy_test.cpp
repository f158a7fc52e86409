// The RAG rating rule on hand-built inputs (each threshold of both inputs), its hysteresis (escalation at
// once, one level down after N reviews, no flip-flop at a threshold), and the reviewer on real offices:
// the weekly workload samples, monthly reviews, and an override holding a PDU between two dates.
#include "prioritisation/rag_policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

#include "office/pdu_office.hpp"
#include "office/rag_reviewer.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

RagRatingInputs inputs(double fill_pct, double workload_pct, int weeks_above_red = 0) {
  return RagRatingInputs{fill_pct, workload_pct, weeks_above_red};
}

}  // namespace

TEST(RagRatingRule, WorkloadThresholds) {
  const RagThresholds t;  // G-1: amber above 100%, red above 110% for 4 consecutive weeks
  EXPECT_EQ(rate(t, inputs(100, 100.0)), RagStatus::green) << "at 100% exactly: not above";
  EXPECT_EQ(rate(t, inputs(100, 100.01)), RagStatus::amber);
  EXPECT_EQ(rate(t, inputs(100, 110.0, 9)), RagStatus::amber) << "at 110% exactly: not above";
  EXPECT_EQ(rate(t, inputs(100, 125.0, 3)), RagStatus::amber) << "above 110% for only 3 weeks";
  EXPECT_EQ(rate(t, inputs(100, 125.0, 4)), RagStatus::red);
  RagThresholds two_weeks = t;
  two_weeks.workload_red_consecutive_weeks = 2;
  EXPECT_EQ(rate(two_weeks, inputs(100, 125.0, 2)), RagStatus::red);
}

TEST(RagRatingRule, StaffingThresholds) {
  const RagThresholds t;  // G-1: amber below 85% fill, red below 70%
  EXPECT_EQ(rate(t, inputs(85.0, 50)), RagStatus::green) << "at 85% exactly: not below";
  EXPECT_EQ(rate(t, inputs(84.9, 50)), RagStatus::amber);
  EXPECT_EQ(rate(t, inputs(70.0, 50)), RagStatus::amber) << "at 70% exactly: not below";
  EXPECT_EQ(rate(t, inputs(69.9, 50)), RagStatus::red);
}

TEST(RagRatingRule, TheWorseOfTheTwoInputsWins) {
  const RagThresholds t;
  EXPECT_EQ(rate(t, inputs(60, 90)), RagStatus::red) << "staffing red, workload green";
  EXPECT_EQ(rate(t, inputs(100, 130, 5)), RagStatus::red) << "workload red, staffing green";
  EXPECT_EQ(rate(t, inputs(80, 130, 5)), RagStatus::red) << "staffing amber, workload red";
  EXPECT_EQ(rate(t, inputs(80, 90)), RagStatus::amber);
  EXPECT_EQ(rate(t, inputs(100, 105)), RagStatus::amber);
}

TEST(RagHysteresis, EscalatesAtOnceAndStepsDownOneLevelAfterNReviews) {
  RagHysteresis h(2);
  EXPECT_EQ(h.review(RagStatus::red), RagStatus::red) << "green to red at one review";
  EXPECT_EQ(h.review(RagStatus::green), RagStatus::red) << "one review below: held";
  EXPECT_EQ(h.review(RagStatus::green), RagStatus::amber) << "two: one level down, not straight to green";
  EXPECT_EQ(h.review(RagStatus::green), RagStatus::amber);
  EXPECT_EQ(h.review(RagStatus::amber), RagStatus::amber)
      << "a review at the current status resets the count";
  EXPECT_EQ(h.review(RagStatus::green), RagStatus::amber);
  EXPECT_EQ(h.review(RagStatus::green), RagStatus::green);
}

TEST(RagHysteresis, WithoutHysteresisTheStatusIsTheRuleAtEachReview) {
  RagHysteresis h(0);
  EXPECT_EQ(h.review(RagStatus::red), RagStatus::red);
  EXPECT_EQ(h.review(RagStatus::green), RagStatus::green);
  EXPECT_EQ(h.review(RagStatus::amber), RagStatus::amber);
}

TEST(RagHysteresis, APduHoveringAtAThresholdDoesNotFlipEveryReview) {
  // Workload alternating just below and just above 100% from one monthly review to the next, for 2 years.
  const RagThresholds t;
  auto changes_over_two_years = [&](int hysteresis_reviews) {
    RagHysteresis h(hysteresis_reviews);
    int changes = 0;
    RagStatus last = RagStatus::green;
    for (int month = 0; month < 24; ++month) {
      const RagStatus now = h.review(rate(t, inputs(100, month % 2 == 0 ? 101.0 : 99.0)));
      changes += now != last ? 1 : 0;
      last = now;
    }
    return changes;
  };
  EXPECT_EQ(changes_over_two_years(0), 24) << "no hysteresis: a change at every review";
  EXPECT_EQ(changes_over_two_years(2), 1) << "hysteresis: amber once, and held";
}

namespace {

// An office with `po` full-time POs in post against an establishment of `establishment_po`, and no
// referrals (so its workload is 0% and only staffing can move its status).
std::unique_ptr<PduOffice> staffed_office(const CaseloadRules& rules, std::uint32_t index, int po,
                                          double establishment_po) {
  std::vector<Practitioner> staff;
  for (int i = 0; i < po; ++i) staff.push_back(fixtures::practitioner(Grade::po, rules.workload));
  auto office =
      std::make_unique<PduOffice>(PduIdentity{index, index, "PDU " + std::to_string(index)}, rules,
                                  ReferralProcess(ReferralRate{}, CalendarDate{2023, 1, 1}, 0, index, 3), 3,
                                  std::move(staff), WorkingCalendar(CalendarDate{2023, 1, 1}));
  PerGrade<double> establishment{};
  at(establishment, Grade::po) = establishment_po;
  office->set_establishment_fte(establishment);
  return office;
}

}  // namespace

TEST(RagReviewer, ReviewsOnTheFirstOfEachMonthAndCountsDaysAndChanges) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  rules.prioritisation.enabled = true;
  rules.prioritisation.measures[static_cast<std::size_t>(RagStatus::amber)]
      .contacts.contact_frequency_multiplier = 0.5;
  auto full_office = staffed_office(rules, 0, 10, 10);  // 100% fill: green
  auto short_office = staffed_office(rules, 1, 8, 10);  // 80%: amber
  PduOffice& full = *full_office;
  PduOffice& short_staffed = *short_office;
  RagReviewer reviewer(rules.prioritisation, {&full, &short_staffed}, CalendarDate{2023, 1, 1}, 1);
  for (Day day = 0; day < 31; ++day) {
    reviewer.run_day(day);
    full.run_day(day);
    short_staffed.run_day(day);
  }
  EXPECT_EQ(full.rag_status(), RagStatus::green);
  EXPECT_EQ(short_staffed.rag_status(), RagStatus::amber);
  EXPECT_EQ(short_staffed.rag_measures().contacts.contact_frequency_multiplier, 0.5)
      << "amber's measures in force";
  EXPECT_EQ(full.rag_measures().contacts.contact_frequency_multiplier, 1.0);
  EXPECT_EQ(short_staffed.counters().rag_days[1], 31);
  EXPECT_EQ(short_staffed.counters().rag_changes, 1);
  EXPECT_DOUBLE_EQ(reviewer.last_inputs(1).staffing_fill_pct, 80.0);

  // Two more POs leave on 1 February (day 31), and the review that morning sees 60% fill.
  short_staffed.remove(0, 31);
  short_staffed.remove(1, 31);
  reviewer.run_day(31);
  EXPECT_EQ(short_staffed.rag_status(), RagStatus::red) << "60% fill at the 1 February review";
  EXPECT_EQ(short_staffed.counters().rag_changes, 2);
}

TEST(RagReviewer, AnOverrideHoldsAPduBetweenTwoDatesAndTheRuleResumesAfter) {
  CaseloadRules rules = fixtures::fixed_length_rules();
  rules.prioritisation.enabled = true;
  // Held red from 10 to 20 January 2023 (days 9..19), though fully staffed.
  rules.prioritisation.overrides.push_back(
      RagOverride{0, RagStatus::red, CalendarDate{2023, 1, 10}, CalendarDate{2023, 1, 20}});
  auto held = staffed_office(rules, 0, 10, 10);
  PduOffice& office = *held;
  RagReviewer reviewer(rules.prioritisation, {&office}, CalendarDate{2023, 1, 1}, 1);
  std::vector<RagStatus> by_day;
  for (Day day = 0; day < 31; ++day) {
    reviewer.run_day(day);
    office.run_day(day);
    by_day.push_back(office.rag_status());
  }
  for (Day day = 0; day < 31; ++day)
    EXPECT_EQ(by_day[static_cast<std::size_t>(day)],
              day >= 9 && day <= 19 ? RagStatus::red : RagStatus::green)
        << "day " << day;
  EXPECT_EQ(office.counters().rag_days[2], 11);
  EXPECT_EQ(office.counters().rag_changes, 2);
  EXPECT_EQ(reviewer.rule_status(0), RagStatus::green) << "the rule underneath never moved";
}

TEST(RagReviewer, WorkloadRedNeedsFourConsecutiveWeeklySamplesAbove110Pct) {
  CaseloadRules rules = fixtures::fixed_length_rules(24.0);
  rules.prioritisation.enabled = true;
  rules.prioritisation.review_cadence = RagReviewCadence::weekly;
  // One full-time PO (2,176 points a week), fully staffed, holding 24 weeks of referrals at 2 a week of
  // 24-month cases at 63 points each (about 48 cases, 139%); nothing ends or arrives in 5 weeks.
  ReferralRate rate;
  rate.per_week = 2;
  PduOffice office(PduIdentity{0, 0, "Busy"}, rules, ReferralProcess(rate, CalendarDate{2023, 1, 2}, 0, 0, 3),
                   3, {fixtures::practitioner(Grade::po, rules.workload)},
                   WorkingCalendar(CalendarDate{2023, 1, 2}));
  office.place_warm_start_caseload(0, 168);
  ASSERT_GT(RagReviewer::workload_pct(office), 110.0) << "the set-up must start above the red threshold";
  RagReviewer reviewer(rules.prioritisation, {&office}, CalendarDate{2023, 1, 2}, 1);
  std::vector<RagStatus> weekly;
  for (Day day = 0; day < 35; ++day) {
    reviewer.run_day(day);
    if (day % 7 == 0) weekly.push_back(office.rag_status());
  }
  EXPECT_EQ(weekly, (std::vector<RagStatus>{RagStatus::amber, RagStatus::amber, RagStatus::amber,
                                            RagStatus::red, RagStatus::red}))
      << "above 110% at every weekly sample: amber until the fourth, then red";
}

// RAG-5/RAG-13: the BBR suspension is a suggested measure. 40 PDUs at 80% fill all go amber on day 0; each
// decides there, once, whether to suspend starts. The contact measures apply to every one of them.
TEST(RagReviewer, APduMayNotFollowTheSuggestedBbrSuspension) {
  auto suspended_pdus = [](double followed, std::uint64_t seed) {
    CaseloadRules rules = fixtures::fixed_length_rules();
    rules.prioritisation.enabled = true;
    RagMeasures& amber = rules.prioritisation.measures[static_cast<std::size_t>(RagStatus::amber)];
    amber.contacts.contact_frequency_multiplier = 0.5;
    amber.interventions.bbr_new_starts_suspended = true;
    rules.prioritisation.bbr_suspension_followed_probability = followed;
    std::vector<std::unique_ptr<PduOffice>> offices;
    std::vector<PduOffice*> pointers;
    for (std::uint32_t i = 0; i < 40; ++i) {
      offices.push_back(staffed_office(rules, i, 8, 10));
      pointers.push_back(offices.back().get());
    }
    RagReviewer reviewer(rules.prioritisation, pointers, CalendarDate{2023, 1, 1}, seed);
    std::vector<bool> suspended;
    for (Day day = 0; day < 62; ++day) {  // two more monthly reviews: amber is held, nothing is redrawn
      reviewer.run_day(day);
      if (day == 0) {
        for (const PduOffice* office : pointers)
          suspended.push_back(office->rag_measures().interventions.bbr_new_starts_suspended);
      }
    }
    for (std::size_t i = 0; i < pointers.size(); ++i) {
      EXPECT_EQ(pointers[i]->rag_status(), RagStatus::amber);
      EXPECT_EQ(pointers[i]->rag_measures().contacts.contact_frequency_multiplier, 0.5);
      EXPECT_EQ(pointers[i]->rag_measures().interventions.bbr_new_starts_suspended, suspended[i])
          << "the day-0 decision holds while the status does";
    }
    return suspended;
  };
  auto count = [](const std::vector<bool>& v) { return std::count(v.begin(), v.end(), true); };
  EXPECT_EQ(count(suspended_pdus(1.0, 1)), 40) << "G-13 as written: every amber PDU suspends";
  EXPECT_EQ(count(suspended_pdus(0.0, 1)), 0);
  const auto half = suspended_pdus(0.5, 1);
  EXPECT_GE(count(half), 10) << "Binomial(40, 0.5): 20 +- 3.2; 10..30 is beyond 3 standard deviations";
  EXPECT_LE(count(half), 30);
  EXPECT_EQ(suspended_pdus(0.5, 1), half) << "same seed, same PDUs";
  EXPECT_NE(suspended_pdus(0.5, 2), half) << "another seed, other PDUs";
}

// G-1's staffing trigger counts a trainee as `staffing_fill_trainee_weight` of an FTE: 6 POs and 4
// trainees against 10 posts are a full PDU at 1 (green) and 76% filled at 0.4 (amber).
TEST(RagReviewer, StaffingTriggerCountsATraineeAtItsWeight) {
  for (const auto& [weight, fill, status] :
       {std::tuple{1.0, 100.0, RagStatus::green}, std::tuple{0.4, 76.0, RagStatus::amber}}) {
    CaseloadRules rules = fixtures::fixed_length_rules();
    rules.prioritisation.enabled = true;
    rules.prioritisation.thresholds.staffing_fill_trainee_weight = weight;
    std::vector<Practitioner> staff;
    for (int i = 0; i < 6; ++i) staff.push_back(fixtures::practitioner(Grade::po, rules.workload));
    for (int i = 0; i < 4; ++i) staff.push_back(fixtures::practitioner(Grade::pqip, rules.workload));
    PduOffice office(PduIdentity{0, 0, "PDU 0"}, rules,
                     ReferralProcess(ReferralRate{}, CalendarDate{2023, 1, 1}, 0, 0, 3), 3, std::move(staff),
                     WorkingCalendar(CalendarDate{2023, 1, 1}));
    PerGrade<double> establishment{};
    at(establishment, Grade::po) = 10.0;
    office.set_establishment_fte(establishment);
    RagReviewer reviewer(rules.prioritisation, {&office}, CalendarDate{2023, 1, 1}, 1);
    reviewer.run_day(0);
    office.run_day(0);
    EXPECT_DOUBLE_EQ(reviewer.last_inputs(0).staffing_fill_pct, fill) << "weight " << weight;
    EXPECT_EQ(office.rag_status(), status) << "weight " << weight;
  }
}
