// A warm start that carries enforcement state (issue 24 item 2; docs/validation/11-national-standards.md
// §11.5, sentence_management/enforcement_warm_start.hpp). Three PDUs see the same people under common random
// numbers: the baseline (a breach-driven hazard among the hazards, no enforcement), the split with the
// old warm start (the hazard out, enforcement on, a stock drawn from the remaining hazards and no
// failures) and the split with the warm start that carries state.
#include "sentence_management/enforcement_warm_start.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "office/pdu_office.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0
constexpr Day kLastDay = 120;
constexpr Day kLookbackDays = 731;             // the 24-month orders' length
constexpr double kRevocationPerYear = 0.3;     // kept as a hazard in every run
constexpr double kBreachEndingsPerYear = 1.0;  // the breach-driven hazard the split replaces
constexpr double kUnacceptable = 0.05;
constexpr double kJudged = 0.7;
constexpr double kDelivered = 0.9;
constexpr double kOrderEnded = 0.5;

enum class WarmStart { baseline, split_old, split_carrying_state };

struct Pdu {
  CaseloadRules rules;  // the office keeps a reference
  std::unique_ptr<PduOffice> office;
};

// One PDU of community orders (24 months, weekly 1-hour contacts), 20 referrals a week, 40 POs, its
// steady-state stock placed on day 0.
std::unique_ptr<Pdu> warm_pdu(WarmStart kind, std::uint64_t seed = 7) {
  auto pdu = std::make_unique<Pdu>();
  CaseloadRules& rules = pdu->rules;
  rules = fixtures::fixed_length_rules(24.0);
  auto& hazards = rules.early_termination.per_year[0];
  hazards[static_cast<std::size_t>(TerminationReason::revocation) - 1] = kRevocationPerYear;
  hazards[static_cast<std::size_t>(TerminationReason::breach) - 1] =
      kind == WarmStart::baseline ? kBreachEndingsPerYear : 0.0;
  SentenceManagementRules& sm = rules.sentence_management;
  sm.enabled = true;
  sm.contacts.hours_face_to_face = 1.0;
  sm.contacts.face_to_face_share = 1.0;
  for (auto& steps : sm.contacts.schedule_by_rosh) steps = {ContactScheduleStep{1e9, 1.0}};
  EnforcementRules& e = sm.enforcement;
  e.enabled = kind != WarmStart::baseline;
  e.missed_acceptable_share = {0.1, 0.1, 0.1};
  e.missed_unacceptable_share = {kUnacceptable, kUnacceptable, kUnacceptable};
  e.unacceptable_judged_share = kJudged;
  e.unacceptable_failures_to_breach = 2;
  e.absence_judgement_hours = 0.25;
  e.warning_hours = 0.5;
  e.breach_action_hours = 3.0;
  e.breach_action_due_working_days = 10;
  e.order_ended_share = {kOrderEnded, kOrderEnded, kOrderEnded};
  e.decision_lag_weeks = {4.0, 4.0, 1.0};
  e.warm_start.enabled = kind == WarmStart::split_carrying_state;
  e.warm_start.breach_endings_per_year = {kBreachEndingsPerYear, 0.0, 0.0};
  e.warm_start.contacts_delivered_share = kDelivered;
  ReferralRate rate;
  rate.per_week = 20.0;
  std::vector<Practitioner> staff;
  for (int i = 0; i < 40; ++i) staff.push_back(fixtures::practitioner(Grade::po, rules.workload));
  pdu->office =
      std::make_unique<PduOffice>(PduIdentity{0, 0, "PDU"}, rules, ReferralProcess(rate, kMonday, 0, 0, seed),
                                  seed, std::move(staff), WorkingCalendar(kMonday), kLastDay);
  pdu->office->place_warm_start_caseload(0, kLookbackDays);
  return pdu;
}

// The oracle, written out for k = 2 (enforcement_warm_start.hpp): P(1 | alive, no breach pending).
double one_failure_probability(double lambda, double order_ended) {
  const double root_q = std::sqrt(1.0 - order_ended);
  if (root_q == 0.0) return lambda / (1.0 + lambda);
  const double odd = std::sinh(lambda * root_q) / root_q;
  return odd / (std::cosh(lambda * root_q) + odd);
}

}  // namespace

TEST(EnforcementWarmStart, FailureDistributionIsThePoissonCountConditionedOnSurvivingItsBreaches) {
  for (double lambda : {0.0, 0.1, 0.6, 2.0, 8.0}) {
    for (double e : {0.0, 0.5, 0.9, 1.0}) {
      const std::vector<double> p = warm_start_failure_distribution(lambda, 2, e);
      ASSERT_EQ(p.size(), 2u);
      EXPECT_NEAR(p[1], one_failure_probability(lambda, e), 1e-12) << lambda << " " << e;
      EXPECT_NEAR(p[0] + p[1], 1.0, 1e-12);
    }
  }
  // Without endings the count mod 2 of a long supervision is even or odd alike.
  EXPECT_NEAR(warm_start_failure_distribution(40.0, 2, 0.0)[1], 0.5, 1e-9);
  // Breach on the first failure: nobody alive carries one.
  EXPECT_EQ(warm_start_failure_distribution(3.0, 1, 0.5), (std::vector<double>{1.0}));
  // Three to breach, every breach ending the order: Poisson truncated to 0..2.
  const std::vector<double> three = warm_start_failure_distribution(1.0, 3, 1.0);
  EXPECT_NEAR(three[2], 0.5 / 2.5, 1e-12);
  EXPECT_EQ(draw_warm_start_failures(0.6, 2, 0.5, 0.0), 0);
  EXPECT_EQ(draw_warm_start_failures(0.6, 2, 0.5, 0.999), 1);
}

// The stock of day 0 with the split and the new warm start is the baseline's: the same survival, so
// the same size within sampling error. The old warm start's stock is much larger (fails without it).
TEST(EnforcementWarmStart, StockUnderTheSplitIsTheBaselinesWithinSamplingError) {
  const auto baseline = warm_pdu(WarmStart::baseline);
  const auto old_split = warm_pdu(WarmStart::split_old);
  const auto carrying = warm_pdu(WarmStart::split_carrying_state);
  const auto stock = [](const Pdu& p) { return static_cast<double>(p.office->counters().initial_cases); };
  // Paired: the cases differ only by the breach-driven ending's draw, of those alive in the old stock;
  // each adds at most 2 p(1-p) <= 1/2 to the variance of the difference.
  const double sd = std::sqrt(0.5 * stock(*old_split));
  std::printf("stock: baseline %.0f, old split %.0f, carrying state %.0f (sd of the difference <= %.1f)\n",
              stock(*baseline), stock(*old_split), stock(*carrying), sd);
  ASSERT_GT(stock(*baseline), 500.0);
  EXPECT_NEAR(stock(*carrying), stock(*baseline), 4.0 * sd);
  EXPECT_GT(stock(*old_split), stock(*baseline) + 10.0 * sd);
  // Analytic: 20 a week referred over 731 days, each alive after t days with exp(-1.3 t / 365.25).
  double expected = 0.0;
  for (Day age = 1; age <= kLookbackDays; ++age)
    expected += 20.0 / 7.0 * std::exp(-(kRevocationPerYear + kBreachEndingsPerYear) * age / kDaysPerYear);
  EXPECT_NEAR(stock(*carrying), expected, 4.0 * std::sqrt(expected) + 0.03 * expected);
}

// Each case of the stock carries 0 or 1 failures; the share with 1 matches the formula from its own
// age (weekly contacts: one a week since its referral day), sentence type and shares.
TEST(EnforcementWarmStart, FailureShareOfTheStockMatchesTheFormula) {
  const auto carrying = warm_pdu(WarmStart::split_carrying_state);
  const auto old_split = warm_pdu(WarmStart::split_old);
  const EnforcementProcess& enforcement = carrying->office->casework().enforcement();
  double expected = 0.0, variance = 0.0;
  std::int64_t with_one = 0, cases = 0;
  carrying->office->for_each_open_case_slot([&](std::uint32_t slot, const Case& c) {
    const Day age = -c.referral_day;
    const double appointments = static_cast<double>((age + 6) / 7);
    const double p =
        one_failure_probability(appointments * kDelivered * kUnacceptable * kJudged, kOrderEnded);
    expected += p;
    variance += p * (1.0 - p);
    const int failures = enforcement.unacceptable_failures(slot);
    EXPECT_TRUE(failures == 0 || failures == 1);
    with_one += failures;
    cases += 1;
  });
  std::printf("%lld cases, %lld with a failure carried, %.1f expected\n", static_cast<long long>(cases),
              static_cast<long long>(with_one), expected);
  ASSERT_GT(expected, 100.0);
  EXPECT_NEAR(static_cast<double>(with_one), expected, 4.0 * std::sqrt(variance));
  EXPECT_EQ(with_one, enforcement.counters().warm_start_failures);
  EXPECT_EQ(old_split->office->casework().enforcement().counters().warm_start_failures, 0);
}

// With failures carried, a breach needs one more failure, so breach action starts in the first month;
// with the old warm start a case needs two failures first and hardly any breach starts.
TEST(EnforcementWarmStart, FirstMonthsBreachesAreNoLongerNearZero) {
  const auto breaches_in_first_month = [](WarmStart kind) {
    const auto pdu = warm_pdu(kind);
    for (Day d = 0; d < 28; ++d) pdu->office->run_day(d);
    return pdu->office->casework().enforcement().counters().breaches_initiated;
  };
  const std::int64_t old_start = breaches_in_first_month(WarmStart::split_old);
  const std::int64_t carrying = breaches_in_first_month(WarmStart::split_carrying_state);
  std::printf("breaches initiated in the first 4 weeks: old warm start %lld, carrying state %lld\n",
              static_cast<long long>(old_start), static_cast<long long>(carrying));
  EXPECT_GT(carrying, 20);
  EXPECT_GT(carrying, 3 * old_start);
}

TEST(EnforcementWarmStart, IsDeterministicAndTheSeedMatters) {
  const auto failures = [](std::uint64_t seed) {
    const auto pdu = warm_pdu(WarmStart::split_carrying_state, seed);
    std::vector<std::pair<CaseId, int>> out;
    pdu->office->for_each_open_case_slot([&](std::uint32_t slot, const Case& c) {
      out.emplace_back(c.id, pdu->office->casework().enforcement().unacceptable_failures(slot));
    });
    return out;
  };
  const auto carried = [](const std::vector<std::pair<CaseId, int>>& cases) {
    int n = 0;
    for (const auto& [id, f] : cases) n += f;
    return n;
  };
  ASSERT_GT(carried(failures(7)), 100);
  EXPECT_EQ(failures(7), failures(7));
  EXPECT_NE(failures(7), failures(8));
}
