// Dated intakes of a staffing plan (staffing_plan.hpp): people join on exactly the intake date, and a
// region's intake goes person by person to the PDU with the largest vacancy (in FTE) in that grade,
// ties to the first listed, never to a PDU of another region.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_text;
using probsim::testing::ModelRun;

namespace {

// Nobody leaves, falls sick or is backfilled: the intakes are the only staff changes.
const std::string kOnlyIntakes = R"(
simulation: {report_start: 2023-01-01, report_end: 2023-12-31, warm_up_weeks: 2, warm_start: steady_state}
workforce:
  leaver_rate_per_year: {po: 0, pso: 0, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
)";

}  // namespace

TEST(StaffingPlan, APduIntakeJoinsOnExactlyItsDate) {
  ModelRun run(load_scenario_text("pdu_intake", kOnlyIntakes + R"(
staffing_plan:
  backfill: {enabled: false, recruitment_lag_weeks: {fixed: 0}}
  intakes:
    - {date: 2023-01-01, pdu: Alpha, grade: spo, count: 1, fte_each: 1.0}
    - {date: 2023-03-06, pdu: Alpha, grade: po, count: 3, fte_each: 0.6}
    - {date: 2023-03-06, pdu: Alpha, grade: pqip, count: 2, fte_each: 1.0}
    - {date: 2023-12-31, pdu: Alpha, grade: pso, count: 1, fte_each: 0.5}
regions:
  - name: Region
    pdus:
      - name: Alpha
        referrals_per_week: 5
        staff:
          - {grade: po, headcount: 5, fte_each: 1.0}
          - {grade: pso, headcount: 4, fte_each: 1.0}
      - name: Beta
        referrals_per_week: 5
        staff: [{grade: po, headcount: 2, fte_each: 1.0}]
)"));
  const PduOffice& alpha = run.office("Alpha");
  const PduOffice& beta = run.office("Beta");
  const Day march_6 = run.day_of(CalendarDate{2023, 3, 6});
  const Day report_start = run.scenario().window.first_report_day();
  const Day last_day = run.scenario().window.last_day();
  for (Day day = 0; day <= last_day; ++day) {
    run.run_day();
    const std::string when = run.date_of(day).iso();
    const bool march = day >= march_6;
    // The day before an intake the grade has X in post; on its date X + count × fte_each.
    ASSERT_NEAR(alpha.in_post_fte(Grade::po), 5.0 + (march ? 3 * 0.6 : 0.0), 1e-12) << when;
    ASSERT_EQ(alpha.in_post_headcount(Grade::po), march ? 8 : 5) << when;
    ASSERT_EQ(alpha.in_post_fte(Grade::pqip), march ? 2.0 : 0.0) << when;
    ASSERT_EQ(alpha.in_post_fte(Grade::spo), day >= report_start ? 1.0 : 0.0) << when;
    ASSERT_EQ(alpha.in_post_fte(Grade::pso), day == last_day ? 4.5 : 4.0) << when;
    ASSERT_EQ(beta.in_post_fte(Grade::po), 2.0) << when;
  }
  // Each person is a joiner of their grade, at their FTE.
  const StaffCounters& joined = alpha.staff_counters();
  EXPECT_EQ(at(joined.joined, Grade::po).headcount, 3);
  EXPECT_NEAR(at(joined.joined, Grade::po).fte, 1.8, 1e-12);
  EXPECT_EQ(at(joined.joined, Grade::pqip).headcount, 2);
  // New trainees start PQiP on the intake date, so by the year end they are past the six-month step
  // (2023-09-06).
  int trainees = 0;
  for (const Practitioner& p : alpha.staff()) {
    if (p.grade != Grade::pqip) continue;
    ++trainees;
    EXPECT_EQ(p.training_start, (CalendarDate{2023, 3, 6}));
    EXPECT_EQ(p.reduction_share, 0.6);
  }
  EXPECT_EQ(trainees, 2);
}

TEST(StaffingPlan, ARegionIntakeGoesToThePdusWithTheLargestVacancyInThatGrade) {
  // PO vacancies (establishment 10 each): North 2 FTE, Middle 5 FTE (ten half-time POs: no vacancy by
  // headcount), South 3 FTE; North's PSO vacancy (10) is the largest of any grade but not a PO one, and
  // Elsewhere (another region) has the largest PO vacancy of all (20).
  ModelRun run(load_scenario_text("region_intake", kOnlyIntakes + R"(
staffing_plan:
  backfill: {enabled: false, recruitment_lag_weeks: {fixed: 0}}
  intakes:
    - {date: 2023-04-03, region: Plan region, grade: po, count: 3, fte_each: 1.0}
    - {date: 2023-07-03, region: Plan region, grade: po, count: 2, fte_each: 1.0}
regions:
  - name: Plan region
    pdus:
      - name: North
        referrals_per_week: 3
        establishment_fte: {po: 10, pso: 10}
        staff: [{grade: po, headcount: 8, fte_each: 1.0}]
      - name: Middle
        referrals_per_week: 3
        establishment_fte: {po: 10}
        staff: [{grade: po, headcount: 10, fte_each: 0.5}]
      - name: South
        referrals_per_week: 3
        establishment_fte: {po: 10}
        staff: [{grade: po, headcount: 7, fte_each: 1.0}]
  - name: Other region
    pdus:
      - name: Elsewhere
        referrals_per_week: 3
        establishment_fte: {po: 20}
        staff: [{grade: po, headcount: 0, fte_each: 1.0}]
)"));
  auto po_fte = [&](const char* pdu) { return run.office(pdu).in_post_fte(Grade::po); };
  run.run_through(run.day_of(CalendarDate{2023, 4, 2}));
  EXPECT_EQ(po_fte("North"), 8.0);
  EXPECT_EQ(po_fte("Middle"), 5.0);
  EXPECT_EQ(po_fte("South"), 7.0);
  // 3 POs one by one: Middle (vacancy 5 → 4), Middle (4 → 3), then Middle again: tied with South at 3
  // and listed first.
  run.run_through(run.day_of(CalendarDate{2023, 4, 3}));
  EXPECT_EQ(po_fte("North"), 8.0);
  EXPECT_EQ(po_fte("Middle"), 8.0);
  EXPECT_EQ(po_fte("South"), 7.0);
  EXPECT_EQ(run.office("Middle").in_post_headcount(Grade::po), 13);
  EXPECT_EQ(run.office("North").in_post_fte(Grade::pso), 0.0);
  // 2 POs: South (vacancy 3 → 2), then all three are tied at 2 and North, listed first, gets one.
  run.run_through(run.day_of(CalendarDate{2023, 7, 2}));
  EXPECT_EQ(po_fte("South"), 7.0);
  run.run_through(run.day_of(CalendarDate{2023, 7, 3}));
  EXPECT_EQ(po_fte("North"), 9.0);
  EXPECT_EQ(po_fte("Middle"), 8.0);
  EXPECT_EQ(po_fte("South"), 8.0);
  run.run_through(run.scenario().window.last_day());
  EXPECT_EQ(po_fte("Elsewhere"), 0.0) << "another region's intake never comes here";
  EXPECT_EQ(at(run.office("Middle").staff_counters().joined, Grade::po).headcount, 3);
}

// Backfill replaces a leaver after the drawn lag (here a fixed 10 weeks, 70 days), at the leaver's grade
// and FTE, but only up to the establishment: after an intake has filled the posts, a replacement that
// would take the grade over establishment is not recruited (counted in backfills_not_needed).
TEST(StaffingPlan, BackfillArrivesAfterTheLagAtTheLeaversFteAndOnlyUpToEstablishment) {
  ModelRun run(load_scenario_text("backfill", R"(
simulation: {report_start: 2023-01-01, report_end: 2024-12-31, warm_up_weeks: 0, warm_start: empty}
workforce:
  leaver_rate_per_year: {po: 0.5, pso: 0, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
staffing_plan:
  backfill: {enabled: true, grades: [po], recruitment_lag_weeks: {fixed: 10}}
  intakes:
    - {date: 2023-06-05, pdu: Alpha, grade: po, count: 3, fte_each: 1.0}
regions:
  - name: Region
    pdus:
      - name: Alpha
        referrals_per_week: 2
        establishment_fte: {po: 16}
        staff:
          - {grade: po, headcount: 12, fte_each: 1.0}
          - {grade: po, headcount: 8, fte_each: 0.5}
)"));
  const PduOffice& office = run.office(0);
  const Day intake_day = run.day_of(CalendarDate{2023, 6, 5});
  std::map<Day, StaffFlow> left_on;
  std::int64_t backfilled = 0, not_needed = 0;
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    const StaffCounters before = office.staff_counters();
    run.run_day();
    const StaffCounters& after = office.staff_counters();
    const std::string when = run.date_of(day).iso();
    StaffFlow left{at(after.left, Grade::po).headcount - at(before.left, Grade::po).headcount,
                   at(after.left, Grade::po).fte - at(before.left, Grade::po).fte};
    if (left.headcount > 0) left_on[day] = left;
    StaffFlow joined{at(after.joined, Grade::po).headcount - at(before.joined, Grade::po).headcount,
                     at(after.joined, Grade::po).fte - at(before.joined, Grade::po).fte};
    if (day == intake_day) {
      joined.headcount -= 3;
      joined.fte -= 3.0;
    }
    const std::int64_t dropped = after.backfills_not_needed - before.backfills_not_needed;
    const auto due = left_on.find(day - 70);
    const StaffFlow expected = due == left_on.end() ? StaffFlow{} : due->second;
    ASSERT_EQ(joined.headcount + dropped, expected.headcount) << when;
    if (dropped == 0) {
      ASSERT_NEAR(joined.fte, expected.fte, 1e-9) << when;
    }
    if (joined.headcount > 0) {
      ASSERT_LE(office.in_post_fte(Grade::po), 16.0 + 1e-9) << when;
    }
    backfilled += joined.headcount;
    not_needed += dropped;
  }
  EXPECT_GT(left_on.size(), 5u);
  EXPECT_GT(backfilled, 0);
  EXPECT_GT(not_needed, 0) << "the intake should have made some replacements unnecessary";
  std::cout << "leaving days " << left_on.size() << ", backfilled " << backfilled << ", not needed "
            << not_needed << "\n";
}

// With po_leavers_replaced_by_trainees (G-22, LV-4) a PO leaver's post is filled after the lag by a new
// PQiP trainee at the first stage's reduction, never by a PO; a trainee starts only while POs and
// trainees together are below the PO establishment; and the trainees qualify into PO posts after
// training (6 months here), which is the only way the PO headcount rises.
TEST(StaffingPlan, PoLeaversAreReplacedByTraineesWhoQualifyIntoThePosts) {
  ModelRun run(load_scenario_text("trainee_backfill", R"(
simulation: {report_start: 2023-01-01, report_end: 2024-12-31, warm_up_weeks: 0, warm_start: empty}
workforce:
  leaver_rate_per_year: {po: 0.5, pso: 0, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
  trainee_pipeline:
    training_months: 6
    workload_reduction_by_month: [{from_month: 0, reduction_share: 0.8}, {from_month: 3, reduction_share: 0.4}]
    nqo_reduction_share: 0
    nqo_months: 0
staffing_plan:
  backfill: {enabled: true, grades: [po, pqip], recruitment_lag_weeks: {fixed: 10},
             po_leavers_replaced_by_trainees: true}
regions:
  - name: Region
    pdus:
      - name: Alpha
        referrals_per_week: 2
        establishment_fte: {po: 18}
        staff: [{grade: po, headcount: 16, fte_each: 1.0}]
)"));
  const PduOffice& office = run.office(0);
  std::map<Day, std::int64_t> po_left_on;
  std::int64_t trainees_joined = 0, qualified = 0, not_needed = 0;
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    const StaffCounters before = office.staff_counters();
    const std::int64_t po_before = office.in_post_headcount(Grade::po);
    run.run_day();
    const StaffCounters& after = office.staff_counters();
    const std::string when = run.date_of(day).iso();
    const std::int64_t po_left = at(after.left, Grade::po).headcount - at(before.left, Grade::po).headcount;
    if (po_left > 0) po_left_on[day] = po_left;
    ASSERT_EQ(at(after.joined, Grade::po).headcount, at(before.joined, Grade::po).headcount)
        << when << ": no PO is recruited";
    const std::int64_t joined =
        at(after.joined, Grade::pqip).headcount - at(before.joined, Grade::pqip).headcount;
    const std::int64_t dropped = after.backfills_not_needed - before.backfills_not_needed;
    const auto due = po_left_on.find(day - 70);
    ASSERT_EQ(joined + dropped, due == po_left_on.end() ? 0 : due->second) << when;
    if (joined > 0) {
      ASSERT_LE(office.in_post_fte(Grade::po) + office.in_post_fte(Grade::pqip), 18.0 + 1e-9) << when;
    }
    const std::int64_t newly_qualified = after.trainees_qualified - before.trainees_qualified;
    ASSERT_EQ(office.in_post_headcount(Grade::po), po_before - po_left + newly_qualified) << when;
    trainees_joined += joined;
    qualified += newly_qualified;
    not_needed += dropped;
  }
  EXPECT_GT(trainees_joined, 5);
  EXPECT_GT(qualified, 3) << "trainees recruited in the first year qualify within the window";
  std::cout << "PO leaving days " << po_left_on.size() << ", trainees joined " << trainees_joined
            << ", qualified " << qualified << ", not needed " << not_needed << "\n";
}
