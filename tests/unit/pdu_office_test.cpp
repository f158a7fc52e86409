#include "office/pdu_office.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

// Follows every case through its events and fails on any double entry or exit.
class CaseStateAudit final : public CaseEventSink {
 public:
  void record(Day day, CaseEvent event, const Case& c, std::string_view, std::string_view) override {
    switch (event) {
      case CaseEvent::initial:
      case CaseEvent::referral:
        EXPECT_TRUE(open.insert(c.id).second) << "case " << c.id << " opened twice";
        break;
      case CaseEvent::allocated:
        EXPECT_TRUE(open.count(c.id)) << "allocated a case that is not open";
        break;
      case CaseEvent::terminated:
        EXPECT_EQ(open.erase(c.id), 1u) << "closed a case that is not open";
        EXPECT_TRUE(closed.insert(c.id).second);
        EXPECT_EQ(day, c.end_day);
        break;
    }
  }
  std::set<CaseId> open, closed;
};

PduOffice make_office(const CaseloadRules& rules, double per_week, std::vector<Practitioner> staff) {
  ReferralRate rate;
  rate.per_week = per_week;
  return PduOffice(PduIdentity{0, 0, "Test PDU"}, rules,
                   ReferralProcess(rate, CalendarDate{2022, 1, 1}, 0, 0, 17), 17, std::move(staff),
                   WorkingCalendar(CalendarDate{2022, 1, 1}));
}

}  // namespace

TEST(PduOffice, EveryCaseIsInExactlyOneStateEveryDay) {
  CaseloadRules rules = fixtures::fixed_length_rules(6.0);
  rules.early_termination.per_year[0] = {0.3, 0.1, 0.0, 0.0};
  PduOffice office = make_office(rules, 20,
                                 {fixtures::practitioner(Grade::po, rules.workload),
                                  fixtures::practitioner(Grade::pso, rules.workload)});
  CaseStateAudit audit;
  office.set_event_sink(&audit);
  office.place_warm_start_caseload(0, 200);
  for (Day day = 0; day < 400; ++day) {
    office.run_day(day);
    const OfficeCounters& n = office.counters();
    ASSERT_EQ(n.initial_cases + n.referrals, office.caseload() + n.terminations()) << "day " << day;
    ASSERT_EQ(static_cast<std::size_t>(office.caseload()), audit.open.size());
    std::int64_t held = 0;
    for (const Practitioner& p : office.staff()) held += p.caseload;
    ASSERT_EQ(held + office.unallocated(), office.caseload());
  }
  EXPECT_GT(office.counters().early_terminations(), 0);
  EXPECT_GT(office.counters().terminations_by_reason[0], 0);
}

TEST(PduOffice, PractitionerPointsAreTheSumOfTheirCasesPoints) {
  CaseloadRules rules = fixtures::fixed_length_rules(3.0);
  rules.case_mix.rosh = WeightedChoice({0.3, 0.3, 0.3, 0.1});
  rules.case_mix.tier_protect_level_by_rosh.fill(WeightedChoice({0.25, 0.25, 0.25, 0.25}));
  for (std::size_t tier = 0; tier < 16; ++tier) rules.workload.points_per_case_week[0][tier] = 10.0 + tier;
  PduOffice office = make_office(
      rules, 30,
      {fixtures::practitioner(Grade::po, rules.workload), fixtures::practitioner(Grade::po, rules.workload),
       fixtures::practitioner(Grade::pso, rules.workload)});
  for (Day day = 0; day < 200; ++day) office.run_day(day);
  std::vector<double> points(3, 0.0);
  std::vector<int> cases(3, 0);
  office.for_each_open_case([&](const Case& c) {
    ASSERT_NE(c.practitioner, kUnallocated);
    points[static_cast<std::size_t>(c.practitioner)] += rules.workload.case_points(c);
    cases[static_cast<std::size_t>(c.practitioner)] += 1;
    if (c.rosh == RoshLevel::high || c.rosh == RoshLevel::very_high) {
      EXPECT_EQ(office.staff()[static_cast<std::size_t>(c.practitioner)].grade, Grade::po);
    }
  });
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(office.staff()[i].case_points_per_week, points[i], 1e-6);
    EXPECT_EQ(office.staff()[i].caseload, cases[i]);
  }
}

TEST(PduOffice, CasesWithNoEligiblePractitionerWaitUnallocated) {
  CaseloadRules rules = fixtures::fixed_length_rules(12.0);
  rules.case_mix.rosh = WeightedChoice({0.0, 0.0, 1.0, 0.0});  // all high: POs only
  PduOffice office = make_office(rules, 14, {fixtures::practitioner(Grade::pso, rules.workload)});
  for (Day day = 0; day < 30; ++day) office.run_day(day);
  EXPECT_GT(office.caseload(), 0);
  EXPECT_EQ(office.unallocated(), office.caseload());
  EXPECT_EQ(office.staff()[0].caseload, 0);
}

TEST(PduOffice, WarmStartHoldsTheCasesStillOpenOnDayZero) {
  const CaseloadRules rules = fixtures::fixed_length_rules(12.0);  // 365 days, no early exits
  PduOffice office = make_office(rules, 70, {fixtures::practitioner(Grade::po, rules.workload)});
  office.place_warm_start_caseload(0, 400);
  // Referrals on days −364..−1 are still open on day 0: 364 days at 10 a day.
  EXPECT_NEAR(static_cast<double>(office.caseload()), 3640.0, 4.5 * std::sqrt(3640.0));
  office.for_each_open_case([](const Case& c) {
    EXPECT_GT(c.end_day, 0);
    EXPECT_LT(c.referral_day, 0);
  });
}
