// Stock and flow of staff (staff_counters.hpp): for every PDU and grade, in post at t0 + joined +
// moved in − left − moved out = in post at t1, in headcount and in FTE, at every monthly snapshot. The
// scenario switches every flow on at once (leavers, backfill, PDU and region intakes, PQiP qualification,
// PSO-to-PQiP progression, part-time staff), and the test checks each flow happened, so it is not
// satisfied by nothing moving.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_file;
using probsim::testing::ModelRun;

namespace {

struct Snapshot {
  std::string when;
  PerGrade<std::int64_t> headcount{};
  PerGrade<double> fte{};
  StaffCounters counters;
};

Snapshot take(const PduOffice& office, std::string when) {
  Snapshot s;
  s.when = std::move(when);
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    s.headcount[g] = office.in_post_headcount(static_cast<Grade>(g));
    s.fte[g] = office.in_post_fte(static_cast<Grade>(g));
  }
  s.counters = office.staff_counters();
  return s;
}

// in post at `to` = in post at `from` + the flows between them, for every grade.
void expect_stock_and_flow(const std::string& pdu, const Snapshot& from, const Snapshot& to) {
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    const StaffCounters& a = from.counters;
    const StaffCounters& b = to.counters;
    const std::int64_t flow_headcount = (b.joined[g].headcount - a.joined[g].headcount) +
                                        (b.moved_in[g].headcount - a.moved_in[g].headcount) -
                                        (b.left[g].headcount - a.left[g].headcount) -
                                        (b.moved_out[g].headcount - a.moved_out[g].headcount);
    const double flow_fte = (b.joined[g].fte - a.joined[g].fte) + (b.moved_in[g].fte - a.moved_in[g].fte) -
                            (b.left[g].fte - a.left[g].fte) - (b.moved_out[g].fte - a.moved_out[g].fte);
    EXPECT_EQ(to.headcount[g], from.headcount[g] + flow_headcount)
        << pdu << " " << kGradeNames[g] << " from " << from.when << " to " << to.when;
    EXPECT_NEAR(to.fte[g], from.fte[g] + flow_fte, 1e-9)
        << pdu << " " << kGradeNames[g] << " from " << from.when << " to " << to.when;
  }
}

}  // namespace

TEST(StaffStockAndFlow, InPostChangesByJoinersLeaversAndGradeMovesAtEveryMonthEnd) {
  ModelRun run(load_scenario_file("tests/scenarios/workforce_flows.yaml"));
  const Day last_day = run.scenario().window.last_day();
  std::vector<Snapshot> initial, previous;
  for (std::size_t i = 0; i < run.office_count(); ++i) initial.push_back(take(run.office(i), "the start"));
  previous = initial;
  int month_ends = 0;
  for (Day day = 0; day <= last_day; ++day) {
    run.run_day();
    const CalendarDate today = run.date_of(day);
    if (!today.is_last_day_of_month() && day != last_day) continue;
    ++month_ends;
    for (std::size_t i = 0; i < run.office_count(); ++i) {
      const Snapshot now = take(run.office(i), today.iso());
      expect_stock_and_flow(run.office(i).name(), previous[i], now);  // over the month
      expect_stock_and_flow(run.office(i).name(), initial[i], now);   // and since the start
      previous[i] = now;
    }
  }
  EXPECT_EQ(month_ends, 26);  // two months of warm-up, 24 reported

  // Every flow happened, summed over the four PDUs.
  StaffCounters total;
  for (std::size_t i = 0; i < run.office_count(); ++i) {
    const StaffCounters& c = run.office(i).staff_counters();
    for (std::size_t g = 0; g < kGradeCount; ++g) {
      total.joined[g].headcount += c.joined[g].headcount;
      total.left[g].headcount += c.left[g].headcount;
      total.moved_in[g].headcount += c.moved_in[g].headcount;
      total.moved_out[g].headcount += c.moved_out[g].headcount;
    }
    total.trainees_qualified += c.trainees_qualified;
  }
  for (Grade g : {Grade::po, Grade::pso, Grade::pqip, Grade::spo, Grade::case_administrator}) {
    EXPECT_GT(at(total.left, g).headcount, 0) << to_string(g);
    EXPECT_GT(at(total.joined, g).headcount, 0) << to_string(g);
  }
  // Grade moves: qualifications (PQiP → PO) and progressions (PSO → PQiP), and nothing else.
  EXPECT_GT(total.trainees_qualified, 0);
  EXPECT_EQ(at(total.moved_in, Grade::po).headcount, total.trainees_qualified);
  EXPECT_EQ(at(total.moved_out, Grade::pqip).headcount, total.trainees_qualified);
  EXPECT_GT(at(total.moved_out, Grade::pso).headcount, 0);
  EXPECT_EQ(at(total.moved_in, Grade::pqip).headcount, at(total.moved_out, Grade::pso).headcount);
  // Joiners are the 13 people of the intakes plus backfills; facilitators and DASOs are not backfilled,
  // so the only DASO joiner is the intake's and no facilitator ever joins.
  std::int64_t joined = 0;
  for (const StaffFlow& f : total.joined) joined += f.headcount;
  EXPECT_GT(joined, 13) << "backfill recruited nobody";
  EXPECT_EQ(at(total.joined, Grade::daso).headcount, 1);
  EXPECT_EQ(at(total.joined, Grade::facilitator).headcount, 0);
  std::cout << "over the run: joined " << joined << ", PO left " << at(total.left, Grade::po).headcount
            << ", PSO left " << at(total.left, Grade::pso).headcount << ", qualified "
            << total.trainees_qualified << ", PSO→PQiP " << at(total.moved_out, Grade::pso).headcount << "\n";
}

// Nobody leaves, joins or changes grade during the warm-up (only sickness runs), and the pipeline's
// steps before the report start are already in force when the run begins.
TEST(StaffStockAndFlow, StaffInPostDoNotChangeDuringTheWarmUp) {
  ModelRun run(load_scenario_file("tests/scenarios/workforce_flows.yaml"));
  std::vector<Snapshot> initial;
  for (std::size_t i = 0; i < run.office_count(); ++i) initial.push_back(take(run.office(i), "day 0"));
  run.run_through(run.scenario().window.first_report_day() - 1);
  for (std::size_t i = 0; i < run.office_count(); ++i) {
    const Snapshot now = take(run.office(i), "the report start");
    for (std::size_t g = 0; g < kGradeCount; ++g) {
      EXPECT_EQ(now.headcount[g], initial[i].headcount[g]) << run.office(i).name() << " " << kGradeNames[g];
      EXPECT_EQ(now.counters.left[g].headcount, 0);
      EXPECT_EQ(now.counters.joined[g].headcount, 0);
      EXPECT_EQ(now.counters.moved_out[g].headcount, 0);
    }
    EXPECT_GT(now.counters.sickness_episodes, 0) << run.office(i).name();
  }
}
