// The PQiP pipeline (WMT-5, G-22): every date in it is a calendar-month date counted from the training
// start, clamped to the end of shorter months, and a trainee's reduction, grade and capacity change on
// exactly those dates, neither a day early nor a day late.
#include "workforce/trainee_pipeline.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

#include "unit/model_run.hpp"
#include "workforce/new_staff.hpp"

using namespace probsim;
using probsim::testing::ModelRun;

namespace {

CalendarDate date(int y, int m, int d) {
  return CalendarDate{y, m, d};
}

// One stage of a person's expected career: from `from`, this grade and reduction.
struct Expected {
  CalendarDate from;
  Grade grade;
  double reduction;
  bool in_pipeline;
};

const Expected& stage_in_force(const std::vector<Expected>& stages, const CalendarDate& today) {
  const Expected* in_force = &stages.front();
  for (const Expected& stage : stages)
    if (stage.from <= today) in_force = &stage;
  return *in_force;
}

}  // namespace

TEST(TraineePipeline, DatesFromAMonthEndStartAreClampedToShorterMonths) {
  const TraineePipeline pipeline;  // 18 months; 80% from 0, 60% from 6, 40% from 12; NQO 20% for 9
  const CalendarDate start = date(2023, 8, 31);
  EXPECT_EQ(pipeline.qualification_date(start), date(2025, 2, 28));
  // The model counts the NQO months from the training start too (27 calendar months), not from the
  // clamped qualification date: 2023-08-31 + 27 months is 2025-11-30, whereas 2025-02-28 + 9 months
  // would be 2025-11-28 (see trainee_pipeline.hpp: "Months are calendar months from the training start").
  EXPECT_EQ(pipeline.nqo_end_date(start), date(2025, 11, 30));
  EXPECT_EQ(pipeline.change_dates(start), (std::vector<CalendarDate>{date(2024, 2, 29), date(2024, 8, 31),
                                                                     date(2025, 2, 28), date(2025, 11, 30)}));
}

TEST(TraineePipeline, StageChangesOnTheChangeDateAndNotTheDayBefore) {
  const TraineePipeline pipeline;
  const CalendarDate start = date(2023, 8, 31);
  struct Row {
    CalendarDate today;
    Grade grade;
    double reduction;
    bool in_pipeline;
  };
  const std::vector<Row> rows = {
      {date(2023, 8, 31), Grade::pqip, 0.8, true}, {date(2024, 2, 28), Grade::pqip, 0.8, true},
      {date(2024, 2, 29), Grade::pqip, 0.6, true}, {date(2024, 8, 30), Grade::pqip, 0.6, true},
      {date(2024, 8, 31), Grade::pqip, 0.4, true}, {date(2025, 2, 27), Grade::pqip, 0.4, true},
      {date(2025, 2, 28), Grade::po, 0.2, true},   {date(2025, 11, 29), Grade::po, 0.2, true},
      {date(2025, 11, 30), Grade::po, 0.0, false}, {date(2030, 1, 1), Grade::po, 0.0, false},
  };
  for (const Row& row : rows) {
    const TraineeStage stage = pipeline.stage_on(start, row.today);
    EXPECT_EQ(stage.grade, row.grade) << row.today.iso();
    EXPECT_EQ(stage.reduction_share, row.reduction) << row.today.iso();
    EXPECT_EQ(stage.in_pipeline, row.in_pipeline) << row.today.iso();
  }
}

TEST(TraineePipeline, ScenarioPipelineWithoutNqoPeriodQualifiesStraightToFullCaseload) {
  TraineePipeline pipeline;
  pipeline.training_months = 24;
  pipeline.reduction_steps = {{0, 0.5}, {8, 0.25}, {30, 0.1}};  // a step after qualifying never applies
  pipeline.nqo_months = 0;
  const CalendarDate start = date(2024, 1, 31);
  EXPECT_EQ(pipeline.change_dates(start), (std::vector<CalendarDate>{date(2024, 9, 30), date(2026, 1, 31)}));
  EXPECT_EQ(pipeline.stage_on(start, date(2024, 9, 29)).reduction_share, 0.5);
  EXPECT_EQ(pipeline.stage_on(start, date(2024, 9, 30)).reduction_share, 0.25);
  EXPECT_EQ(pipeline.stage_on(start, date(2026, 1, 30)).grade, Grade::pqip);
  const TraineeStage qualified = pipeline.stage_on(start, date(2026, 1, 31));
  EXPECT_EQ(qualified.grade, Grade::po);
  EXPECT_EQ(qualified.reduction_share, 0.0);
  EXPECT_FALSE(qualified.in_pipeline);
}

TEST(MakeStaffMember, TraineesAndNewlyQualifiedOfficersStartWhereTheirMonthsPutThem) {
  const TraineePipeline pipeline;
  const CalendarDate today = date(2023, 1, 1);
  auto make = [&](Grade grade, double fte, int training_months, std::optional<int> nqo_months,
                  const CalendarDate& on) {
    NewStaffMember spec;
    spec.grade = grade;
    spec.fte = fte;
    spec.training_months_completed = training_months;
    spec.nqo_months_completed = nqo_months;
    return make_staff_member(spec, 37.0, pipeline, on);
  };

  const Practitioner starter = make(Grade::pqip, 0.5, 0, std::nullopt, today);
  EXPECT_EQ(starter.grade, Grade::pqip);
  EXPECT_EQ(starter.contracted_hours_per_week, 18.5);
  EXPECT_EQ(starter.training_start, today);
  EXPECT_EQ(starter.reduction_share, 0.8);
  EXPECT_TRUE(starter.in_trainee_pipeline);

  const Practitioner seven = make(Grade::pqip, 1.0, 7, std::nullopt, today);
  EXPECT_EQ(seven.training_start, date(2022, 6, 1));
  EXPECT_EQ(seven.reduction_share, 0.6);

  const Practitioner seventeen = make(Grade::pqip, 1.0, 17, std::nullopt, today);
  EXPECT_EQ(seventeen.training_start, date(2021, 8, 1));
  EXPECT_EQ(seventeen.grade, Grade::pqip);  // qualifies on 2023-02-01
  EXPECT_EQ(seventeen.reduction_share, 0.4);

  // A newly qualified officer `n` months after qualifying began training 18 + n months ago.
  const Practitioner nqo0 = make(Grade::po, 1.0, 0, 0, today);
  EXPECT_EQ(nqo0.training_start, date(2021, 7, 1));
  EXPECT_EQ(nqo0.grade, Grade::po);
  EXPECT_EQ(nqo0.reduction_share, 0.2);
  EXPECT_TRUE(nqo0.in_trainee_pipeline);
  EXPECT_EQ(pipeline.nqo_end_date(nqo0.training_start), date(2023, 10, 1));

  const Practitioner nqo8 = make(Grade::po, 1.0, 0, 8, today);
  EXPECT_EQ(nqo8.training_start, date(2020, 11, 1));
  EXPECT_EQ(nqo8.reduction_share, 0.2);
  EXPECT_EQ(pipeline.nqo_end_date(nqo8.training_start), date(2023, 2, 1));

  const Practitioner po = make(Grade::po, 0.6, 0, std::nullopt, today);
  EXPECT_EQ(po.reduction_share, 0.0);
  EXPECT_FALSE(po.in_trainee_pipeline);
  EXPECT_DOUBLE_EQ(po.contracted_hours_per_week, 22.2);

  // Clamping: one month before 2024-03-31 is 2024-02-29, and the stages follow from that date.
  const Practitioner late = make(Grade::pqip, 1.0, 1, std::nullopt, date(2024, 3, 31));
  EXPECT_EQ(late.training_start, date(2024, 2, 29));
  EXPECT_EQ(pipeline.change_dates(late.training_start),
            (std::vector<CalendarDate>{date(2024, 8, 29), date(2025, 2, 28), date(2025, 8, 29),
                                       date(2026, 5, 29)}));
  const Practitioner late_nqo = make(Grade::po, 1.0, 0, 3, date(2024, 5, 31));
  EXPECT_EQ(late_nqo.training_start, date(2022, 8, 31));
  EXPECT_EQ(late_nqo.reduction_share, 0.2);
}

// In the running model: trainees hired by intakes and trainees in post at the start change reduction,
// capacity and grade on exactly their dates, and each qualification is counted once, on its day.
TEST(TraineePipelineInModel, ReductionCapacityAndGradeChangeOnExactlyTheirDates) {
  ModelRun run(probsim::testing::load_scenario_text("trainee_dates", R"(
simulation: {report_start: 2023-01-01, report_end: 2025-12-31, warm_up_weeks: 4, warm_start: empty}
workforce:
  leaver_rate_per_year: {po: 0, pso: 0, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
staffing_plan:
  backfill: {enabled: false, recruitment_lag_weeks: {fixed: 0}}
  intakes:
    - {date: 2023-08-31, pdu: Training PDU, grade: pqip, count: 1, fte_each: 0.8}
    - {date: 2024-01-31, pdu: Training PDU, grade: pqip, count: 1, fte_each: 1.0, training_months_completed: 12}
regions:
  - name: Region
    pdus:
      - name: Training PDU
        referrals_per_week: 5
        staff:
          - {grade: po, headcount: 4, fte_each: 1.0}
          - {grade: pqip, headcount: 1, fte_each: 1.0, training_months_completed: 15}
          - {grade: po, headcount: 1, fte_each: 1.0, nqo_months_completed: 3}
)"));
  PduOffice& office = run.office(0);
  const WorkloadPointsTable& wmt = run.scenario().caseload.workload;
  ASSERT_EQ(office.staff().size(), 6u);

  // Slot 4: a PQiP 15 months in on 2023-01-01 (began 2021-10-01): 40% until qualifying on 2023-04-01,
  // then NQO 20% until 2024-01-01. Slot 5: an NQO 3 months after qualifying (began 2021-04-01): 20%
  // until 2023-07-01. Slot 6: the 0.8-FTE trainee starting 2023-08-31. Slot 7: a trainee transferring
  // in on 2024-01-31 with 12 months done (began 2023-01-31): 40%, qualifying 2024-07-31, NQO to
  // 2025-04-30 (Jan 31 + 27 months, clamped).
  struct Person {
    std::size_t slot;
    CalendarDate hired;
    double hours;
    std::vector<Expected> stages;
  };
  const std::vector<Person> people = {
      {4,
       run.date_of(0),
       37.0,
       {{run.date_of(0), Grade::pqip, 0.4, true},
        {date(2023, 4, 1), Grade::po, 0.2, true},
        {date(2024, 1, 1), Grade::po, 0.0, false}}},
      {5,
       run.date_of(0),
       37.0,
       {{run.date_of(0), Grade::po, 0.2, true}, {date(2023, 7, 1), Grade::po, 0.0, false}}},
      {6,
       date(2023, 8, 31),
       29.6,
       {{date(2023, 8, 31), Grade::pqip, 0.8, true},
        {date(2024, 2, 29), Grade::pqip, 0.6, true},
        {date(2024, 8, 31), Grade::pqip, 0.4, true},
        {date(2025, 2, 28), Grade::po, 0.2, true},
        {date(2025, 11, 30), Grade::po, 0.0, false}}},
      {7,
       date(2024, 1, 31),
       37.0,
       {{date(2024, 1, 31), Grade::pqip, 0.4, true},
        {date(2024, 7, 31), Grade::po, 0.2, true},
        {date(2025, 4, 30), Grade::po, 0.0, false}}},
  };
  const std::vector<CalendarDate> qualifications = {date(2023, 4, 1), date(2024, 7, 31), date(2025, 2, 28)};

  int days_checked_as_trainee = 0;
  std::set<CalendarDate> trainee_points_seen;
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    run.run_day();
    const CalendarDate today = run.date_of(day);
    for (const Person& person : people) {
      if (today < person.hired) {
        EXPECT_LE(office.staff().size(), person.slot) << "hired before " << person.hired.iso();
        continue;
      }
      ASSERT_GT(office.staff().size(), person.slot) << "not hired on " << person.hired.iso();
      const Practitioner& p = office.staff()[person.slot];
      const Expected& expected = stage_in_force(person.stages, today);
      ASSERT_TRUE(p.in_post);
      ASSERT_EQ(p.grade, expected.grade) << "slot " << person.slot << " on " << today.iso();
      ASSERT_EQ(p.reduction_share, expected.reduction) << "slot " << person.slot << " on " << today.iso();
      ASSERT_EQ(p.in_trainee_pipeline, expected.in_pipeline)
          << "slot " << person.slot << " on " << today.iso();
      ASSERT_DOUBLE_EQ(p.contracted_hours_per_week, person.hours);
      // WMT-3: nominal × contracted / default hours × (1 − reduction).
      ASSERT_DOUBLE_EQ(p.available_points_per_week, wmt.nominal_points_per_week * person.hours /
                                                        wmt.default_contracted_hours_per_week *
                                                        (1.0 - expected.reduction))
          << "slot " << person.slot << " on " << today.iso();
      if (expected.grade == Grade::pqip) ++days_checked_as_trainee;
    }
    // The 0.8-FTE trainee's capacity in points a week, written out: 2176 × 29.6 / 37 × (1 − reduction).
    const std::map<CalendarDate, double> trainee_points = {{date(2023, 8, 31), 348.16},
                                                           {date(2024, 2, 28), 348.16},
                                                           {date(2024, 2, 29), 696.32},
                                                           {date(2025, 11, 30), 1740.8}};
    if (const auto found = trainee_points.find(today); found != trainee_points.end()) {
      EXPECT_NEAR(office.staff()[6].available_points_per_week, found->second, 1e-9) << today.iso();
      trainee_points_seen.insert(today);
    }
    std::int64_t qualified = 0;
    for (const CalendarDate& q : qualifications) qualified += q <= today ? 1 : 0;
    const StaffCounters& counters = office.staff_counters();
    ASSERT_EQ(counters.trainees_qualified, qualified) << today.iso();
    ASSERT_EQ(at(counters.moved_out, Grade::pqip).headcount, qualified) << today.iso();
    ASSERT_EQ(at(counters.moved_in, Grade::po).headcount, qualified) << today.iso();
  }
  EXPECT_EQ(office.staff().size(), 8u);
  EXPECT_EQ(at(office.staff_counters().joined, Grade::pqip).headcount, 2);
  EXPECT_GT(days_checked_as_trainee, 365);
  EXPECT_EQ(trainee_points_seen.size(), 4u);
}

// A PSO starting PQiP (pso_to_pqip_progression_per_year) changes grade on the day, keeps every case,
// begins the pipeline that day at 80% reduction, then follows it (qualifying 18 months later); the PSO
// post left behind is backfilled after the lag (fixed at 4 weeks here).
TEST(TraineePipelineInModel, APsoStartingPqipKeepsCasesRestartsThePipelineAndIsBackfilled) {
  ModelRun run(probsim::testing::load_scenario_text("progression", R"(
simulation: {report_start: 2023-01-01, report_end: 2024-12-31, warm_up_weeks: 0, warm_start: steady_state}
workforce:
  leaver_rate_per_year: {po: 0, pso: 0, pqip: 0, spo: 0, facilitator: 0, daso: 0, case_administrator: 0}
  sickness: {days_per_fte_year: 0}
  pso_to_pqip_progression_per_year: 0.6
staffing_plan:
  backfill: {enabled: true, grades: [pso], recruitment_lag_weeks: {fixed: 4}}
regions:
  - name: Region
    pdus:
      - name: Progression PDU
        referrals_per_week: 10
        staff:
          - {grade: po, headcount: 5, fte_each: 1.0}
          - {grade: pso, headcount: 20, fte_each: 1.0}
)"));
  PduOffice& office = run.office(0);
  const Scenario& scenario = run.scenario();
  const TraineePipeline& pipeline = scenario.workforce.trainee_pipeline;
  const WorkloadPointsTable& wmt = scenario.caseload.workload;
  std::map<StaffId, CalendarDate> started;  // progressed person → training start
  std::map<Day, int> progressions_on;
  for (Day day = 0; day <= scenario.window.last_day(); ++day) {
    const CalendarDate today = run.date_of(day);
    // Who holds what before the day's staff events.
    std::map<StaffId, std::multiset<CaseId>> held;
    std::map<StaffId, Grade> grade_before;
    for (const Practitioner& p : office.staff()) grade_before[p.id] = p.grade;
    office.for_each_open_case([&](const Case& c) {
      if (c.practitioner != kUnallocated)
        held[office.staff()[static_cast<std::size_t>(c.practitioner)].id].insert(c.id);
    });
    const std::int64_t pso_joined_before = at(office.staff_counters().joined, Grade::pso).headcount;
    run.run_staff_events();
    std::map<StaffId, std::multiset<CaseId>> held_after;
    office.for_each_open_case([&](const Case& c) {
      if (c.practitioner != kUnallocated)
        held_after[office.staff()[static_cast<std::size_t>(c.practitioner)].id].insert(c.id);
    });
    for (const Practitioner& p : office.staff()) {
      const auto before = grade_before.find(p.id);
      if (before == grade_before.end() || before->second != Grade::pso || p.grade != Grade::pqip) continue;
      // Progressed today.
      started[p.id] = today;
      progressions_on[day] += 1;
      EXPECT_EQ(p.training_start, today);
      EXPECT_EQ(p.reduction_share, 0.8);
      EXPECT_TRUE(p.in_trainee_pipeline);
      EXPECT_DOUBLE_EQ(p.available_points_per_week, wmt.nominal_points_per_week * 0.2);
      EXPECT_EQ(held_after[p.id], held[p.id]) << p.name << " kept every case";
    }
    // The PSO posts left 28 days ago are filled today.
    const auto due = progressions_on.find(day - 28);
    EXPECT_EQ(at(office.staff_counters().joined, Grade::pso).headcount - pso_joined_before,
              due == progressions_on.end() ? 0 : due->second)
        << today.iso();
    run.run_casework();
    // Every progressed person is where the pipeline puts them, every day.
    for (const Practitioner& p : office.staff()) {
      const auto found = started.find(p.id);
      if (found == started.end()) continue;
      const TraineeStage stage = pipeline.stage_on(found->second, today);
      ASSERT_EQ(p.grade, stage.grade) << p.name << " " << today.iso();
      ASSERT_EQ(p.reduction_share, stage.reduction_share) << p.name << " " << today.iso();
    }
  }
  std::int64_t should_have_qualified = 0;
  for (const auto& [id, start] : started)
    should_have_qualified += pipeline.qualification_date(start) <= scenario.window.report_end ? 1 : 0;
  EXPECT_GT(started.size(), 10u);
  EXPECT_GT(should_have_qualified, 0);
  EXPECT_EQ(office.staff_counters().trainees_qualified, should_have_qualified);
  EXPECT_EQ(at(office.staff_counters().moved_out, Grade::pso).headcount,
            static_cast<std::int64_t>(started.size()));
}
