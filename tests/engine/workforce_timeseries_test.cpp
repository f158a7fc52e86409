// The workforce model on a SimGrid Engine (one replication per test process): the monthly time series
// keep stock and flow for staff at every level, the KPIs agree with them, and the day-by-day driver the
// unit tests use (tests/unit/model_run.hpp) reproduces the engine's run exactly, so what the unit tests
// find holds for the engine too.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "unit/model_run.hpp"

using namespace probsim;

namespace {

// (date, level, unit) → metric → value
using Series = std::map<std::tuple<std::string, std::string, std::string>, std::map<std::string, double>>;

Series by_unit(const ReplicationResult& result) {
  Series series;
  for (const auto& row : result.timeseries)
    if (row.level != "team")  // interventions teams carry only intervention metrics
      series[{std::string(row.date), std::string(row.level), std::string(row.unit)}][std::string(row.metric)] =
          row.value;
  return series;
}

std::map<std::string, double> kpis(const ReplicationResult& result) {
  std::map<std::string, double> out;
  for (const auto& k : result.kpis)
    if (k.level == "national") out[k.name] = k.value;
  return out;
}

double case_holding_fte(const std::map<std::string, double>& m) {
  return m.at("in_post_fte_po") + m.at("in_post_fte_pso") + m.at("in_post_fte_pqip");
}

}  // namespace

// With every case-holding person full-time, the FTE in post of the case-holding grades is a headcount,
// so month by month it must change by joiners − leavers (grade moves stay within those grades), for
// each PDU, region and the nation.
TEST(WorkforceTimeseries, CaseHoldingStaffInPostChangeByJoinersLessLeaversEveryMonth) {
  Scenario scenario = probsim::testing::load_scenario_file("tests/scenarios/workforce_flows.yaml");
  std::map<std::string, double> start;  // unit → case-holding staff on the report start
  for (auto& region : scenario.regions)
    for (auto& pdu : region.pdus)
      for (auto& group : pdu.staff) {
        group.person.fte = 1.0;
        if (!holds_cases(group.person.grade)) continue;
        start[pdu.name] += group.headcount;
        start[region.name] += group.headcount;
        start["national"] += group.headcount;
      }
  for (auto& intake : scenario.staffing_plan.intakes) intake.fte_each = 1.0;

  const ReplicationResult result =
      run_replication(scenario, ReplicationSpec{0, replication_seed(1, 0), nullptr});
  const Series series = by_unit(result);
  std::set<std::string> dates;
  for (const auto& [key, metrics] : series) dates.insert(std::get<0>(key));
  ASSERT_EQ(dates.size(), 24u);

  std::map<std::string, double> previous = start, leavers, joiners;
  for (const std::string& date : dates) {
    for (const auto& [key, m] : series) {
      if (std::get<0>(key) != date) continue;
      const std::string& unit = std::get<2>(key);
      ASSERT_TRUE(previous.count(unit)) << unit;
      EXPECT_DOUBLE_EQ(case_holding_fte(m), previous[unit] + m.at("joiners") - m.at("leavers"))
          << std::get<1>(key) << " " << unit << " " << date;
      previous[unit] = case_holding_fte(m);
      leavers[unit] += m.at("leavers");
      joiners[unit] += m.at("joiners");
    }
  }
  const auto kpi = kpis(result);
  EXPECT_EQ(kpi.at("leavers"), leavers["national"]);
  EXPECT_EQ(kpi.at("joiners"), joiners["national"]);
  EXPECT_DOUBLE_EQ(kpi.at("staff_in_post_fte"), previous["national"]);
  EXPECT_DOUBLE_EQ(kpi.at("staff_in_post_fte"), start["national"] + kpi.at("joiners") - kpi.at("leavers"));
  EXPECT_GT(kpi.at("leavers"), 20);
  EXPECT_GT(kpi.at("joiners"), 20);
  EXPECT_GT(kpi.at("trainees_qualified"), 0);
  EXPECT_GT(kpi.at("reallocations"), 0);
  // Sickness at 15 days per FTE-year over ~140 FTE-years: ~460 episodes of the default mix, a relative
  // sd of about 8%; 35% catches a unit error (hours for days is ×7.4) but not chance.
  EXPECT_NEAR(kpi.at("sickness_days_per_fte_year"), 15.0, 0.35 * 15.0);
}

// The engine and the unit tests' day-by-day driver give the same staff and caseload at every month end
// for every PDU, from the same seed: the unit tests' view of the model is the engine's.
TEST(WorkforceTimeseries, UnitTestDriverReproducesTheEngineRunExactly) {
  const Scenario scenario = probsim::testing::load_scenario_file("tests/scenarios/workforce_flows.yaml");
  const std::uint64_t seed = replication_seed(1, 0);
  const Series engine = by_unit(run_replication(scenario, ReplicationSpec{0, seed, nullptr}));

  probsim::testing::ModelRun run(scenario, seed);
  const SimulationWindow& window = scenario.window;
  run.run_through(window.first_report_day() - 1);
  std::vector<StaffCounters> last(run.office_count());
  for (std::size_t i = 0; i < run.office_count(); ++i) last[i] = run.office(i).staff_counters();
  int compared = 0;
  for (Day day = window.first_report_day(); day <= window.last_day(); ++day) {
    run.run_day();
    const CalendarDate today = run.date_of(day);
    if (!today.is_last_day_of_month() && day != window.last_day()) continue;
    for (std::size_t i = 0; i < run.office_count(); ++i) {
      const PduOffice& office = run.office(i);
      const auto& m = engine.at({today.iso(), "pdu", office.name()});
      for (std::size_t g = 0; g < kGradeCount; ++g)
        EXPECT_DOUBLE_EQ(m.at("in_post_fte_" + std::string(kGradeNames[g])),
                         office.in_post_fte(static_cast<Grade>(g)))
            << office.name() << " " << kGradeNames[g] << " " << today.iso();
      EXPECT_EQ(m.at("caseload"), static_cast<double>(office.caseload()))
          << office.name() << " " << today.iso();
      EXPECT_EQ(m.at("unallocated"), static_cast<double>(office.unallocated()))
          << office.name() << " " << today.iso();
      double left = 0, joined = 0;
      for (Grade g : kCaseHoldingGrades) {
        left += static_cast<double>(at(office.staff_counters().left, g).headcount -
                                    at(last[i].left, g).headcount);
        joined += static_cast<double>(at(office.staff_counters().joined, g).headcount -
                                      at(last[i].joined, g).headcount);
      }
      EXPECT_EQ(m.at("leavers"), left) << office.name() << " " << today.iso();
      EXPECT_EQ(m.at("joiners"), joined) << office.name() << " " << today.iso();
      last[i] = office.staff_counters();
      ++compared;
    }
  }
  EXPECT_EQ(compared, 24 * 4);
}
