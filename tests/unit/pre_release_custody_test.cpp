// Licence cases held before release at WMT-1's custody points (allocation.
// licence_allocated_before_release_weeks; caseload/pre_release_custody.hpp). Checked without an Engine,
// day by day, in a PDU where staff leave (so holds move):
// - conservation: each practitioner's case points are the WMT-1 points of the open cases they hold plus
//   the custody points of their holds, and their caseload counts both;
// - every licence case referred on day d >= L was held from the day before, at its tier's custody points,
//   and goes to its holder when the holder may still take it; nothing else is held;
// - the hold changes no referral, attribute or termination (the caseload is the same as with it off);
// - a scenario that holds cases without WMT-1's custody row is refused with the key.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_text;
using probsim::testing::ModelRun;

namespace {

std::string scenario(int lead_weeks) {
  return R"(
simulation: {report_start: 2022-06-01, report_end: 2022-12-31, warm_up_weeks: 2, warm_start: steady_state}
allocation: {licence_allocated_before_release_weeks: )" +
         std::to_string(lead_weeks) + R"(}
workforce:
  leaver_rate_per_year: {po: 0.4, pso: 0.4, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
regions:
  - name: Region
    pdus:
      - name: Alpha
        referrals_per_week: 8
        establishment_fte: {po: 6, pso: 6}
        staff:
          - {grade: po, headcount: 6, fte_each: 1.0}
          - {grade: pso, headcount: 6, fte_each: 1.0}
)";
}

constexpr int kLeadWeeks = 13;

}  // namespace

TEST(PreReleaseCustody, PointsAreConservedAndEveryLicenceCaseIsHeldFromLWeeksBeforeRelease) {
  ModelRun run(load_scenario_text("pre_release", scenario(kLeadWeeks)));
  PduOffice& office = run.office(0);
  const WorkloadPointsTable& table = run.scenario().caseload.workload;
  const Day lead = kLeadWeeks * 7;
  int licence_referrals = 0, kept_by_holder = 0, holder_could_not = 0;
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    // The holds of the cases to be referred today, as they stand before the day.
    std::vector<CustodyHold> due;
    for (std::uint32_t k = 0; k < 64; ++k)
      if (const CustodyHold* hold = office.pre_release_custody().find(make_case_id(office.index(), day, k)))
        due.push_back(*hold);
    run.run_day();
    for (const CustodyHold& hold : due) {
      EXPECT_EQ(hold.c.referral_day, day);
      EXPECT_EQ(hold.c.sentence_type, SentenceType::licence);
      EXPECT_DOUBLE_EQ(hold.points_per_week, table.custody_points_per_case_week[hold.c.tier.index]);
      EXPECT_EQ(office.pre_release_custody().find(hold.c.id), nullptr) << "released on its referral day";
    }
    // Every licence case referred today was held, unless it was referred in the first L days of the run
    // before any hold could be made (the warm start holds those, so none here).
    std::vector<CaseId> referred_licence;
    office.for_each_open_case([&](const Case& c) {
      if (c.referral_day == day && c.sentence_type == SentenceType::licence) referred_licence.push_back(c.id);
    });
    licence_referrals += static_cast<int>(referred_licence.size());
    EXPECT_EQ(referred_licence.size(), due.size()) << run.date_of(day).iso();
    for (const CustodyHold& hold : due) {
      const Case* c = nullptr;
      office.for_each_open_case([&](const Case& open) {
        if (open.id == hold.c.id) c = &open;
      });
      ASSERT_NE(c, nullptr);
      EXPECT_EQ(c->tier.index, hold.c.tier.index);  // the same person, drawn L weeks apart
      if (office.staff()[static_cast<std::size_t>(hold.holder)].can_take_cases()) {
        EXPECT_EQ(c->practitioner, hold.holder) << "continuity: the holder keeps the case on release";
        ++kept_by_holder;
      } else {
        ++holder_could_not;
      }
    }
    // Conservation, and no hold on someone who cannot take cases; holds are for the next L days only.
    std::vector<double> points(office.staff().size(), 0.0);
    std::vector<int> caseload(office.staff().size(), 0);
    office.for_each_open_case([&](const Case& c) {
      if (c.practitioner == kUnallocated) return;
      points[static_cast<std::size_t>(c.practitioner)] += table.case_points(c);
      caseload[static_cast<std::size_t>(c.practitioner)] += 1;
    });
    office.pre_release_custody().for_each([&](const CustodyHold& hold) {
      EXPECT_GT(hold.c.referral_day, day);
      EXPECT_LE(hold.c.referral_day, day + lead);
      EXPECT_TRUE(office.staff()[static_cast<std::size_t>(hold.holder)].can_take_cases());
      points[static_cast<std::size_t>(hold.holder)] += hold.points_per_week;
      caseload[static_cast<std::size_t>(hold.holder)] += 1;
    });
    for (std::size_t i = 0; i < office.staff().size(); ++i) {
      const Practitioner& p = office.staff()[i];
      if (!p.in_post) continue;
      ASSERT_NEAR(p.case_points_per_week, points[i], 1e-6) << p.name << " " << run.date_of(day).iso();
      ASSERT_EQ(p.caseload, caseload[i]) << p.name;
    }
  }
  EXPECT_GT(licence_referrals, 50);
  EXPECT_GT(kept_by_holder, 50);
  EXPECT_GT(at(office.staff_counters().left, Grade::po).headcount, 0) << "holds moved";
  (void)holder_could_not;
}

TEST(PreReleaseCustody, TheHoldChangesNoReferralOrTerminationOnlyTheMeasure) {
  ModelRun off(load_scenario_text("pre_release_off", scenario(0)));
  ModelRun on(load_scenario_text("pre_release_on", scenario(kLeadWeeks)));
  double points_off = 0.0, points_on = 0.0;
  for (Day day = 0; day <= off.scenario().window.last_day(); ++day) {
    off.run_day();
    on.run_day();
    ASSERT_EQ(off.office(0).caseload(), on.office(0).caseload()) << off.date_of(day).iso();
    ASSERT_EQ(off.office(0).counters().referrals, on.office(0).counters().referrals);
    EXPECT_EQ(off.office(0).pre_release_custody().size(), 0u);
  }
  for (const Practitioner& p : off.office(0).staff()) points_off += p.in_post ? p.case_points_per_week : 0.0;
  for (const Practitioner& p : on.office(0).staff()) points_on += p.in_post ? p.case_points_per_week : 0.0;
  EXPECT_GT(on.office(0).pre_release_custody().size(), 10u);
  EXPECT_GT(points_on, points_off);  // the custody points are added to the measure
}

TEST(PreReleaseCustody, HoldingWithoutTheCustodyRowIsRefusedWithItsKey) {
  try {
    (void)load_scenario_text("pre_release_no_row", scenario(kLeadWeeks),
                             {"workload.points_per_case_per_week.custody=null"});
    FAIL() << "loaded without WMT-1's custody row";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("allocation.licence_allocated_before_release_weeks"),
              std::string::npos)
        << e.what();
  }
}
