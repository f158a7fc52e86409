// The unit tests' driver (tests/unit/model_run.hpp) runs the engine's model: both build it with
// ProbationService and run its phases in kDayPhases' order, so, observed at the same instants, the
// driver gives every KPI and every time-series value the engine gives, bit for bit. rag_example has
// what the driver once lacked: bank holidays, interventions teams and the RAG reviewer, and a PDU that
// goes red.
#include "unit/model_run.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <string>
#include <tuple>

#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "output/observation_plan.hpp"
#include "output/run_recorder.hpp"

using namespace probsim;

namespace {

using Rows = std::map<std::tuple<std::string, std::string, std::string, std::string>, double>;

Rows timeseries(const ReplicationResult& result) {
  Rows rows;
  for (const auto& row : result.timeseries)
    rows[{std::string(row.date), std::string(row.level), std::string(row.unit), std::string(row.metric)}] =
        row.value;
  return rows;
}

std::map<std::tuple<std::string, std::string, std::string>, double> kpis(const ReplicationResult& result) {
  std::map<std::tuple<std::string, std::string, std::string>, double> out;
  for (const auto& k : result.kpis) out[{k.level, k.unit, k.name}] = k.value;
  return out;
}

// The driver, observed as the engine observes (engine/replication.cpp).
ReplicationResult run_with_driver(const Scenario& scenario, std::uint64_t seed) {
  probsim::testing::ModelRun run(scenario, seed);
  ProbationService& service = run.service();
  RunRecorder recorder(scenario, service.observed_offices(), service.region_of_office(),
                       service.observed_teams());
  run.run_through(scenario.window.first_report_day() - 1);
  const std::vector<Observation> plan = observation_plan(scenario);
  open_recorder_window(recorder, plan);
  for (const Observation& o : plan) {
    run.run_through(o.after_day);
    record_observation(recorder, o, scenario.window);
  }
  run.run_through(scenario.window.last_day());
  return recorder.finish();
}

}  // namespace

TEST(ModelRun, ReproducesEveryEngineOutputWithBankHolidaysTeamsAndReviewer) {
  const Scenario scenario = probsim::testing::load_scenario_file("scenarios/rag_example.yaml");
  ASSERT_TRUE(scenario.caseload.prioritisation.enabled);
  ASSERT_TRUE(scenario.interventions.enabled);
  ASSERT_FALSE(scenario.interventions_teams.empty());
  ASSERT_FALSE(scenario.bank_holidays.empty());
  const std::uint64_t seed = replication_seed(1, 0);
  const ReplicationResult engine = run_replication(scenario, ReplicationSpec{0, seed, nullptr});
  const ReplicationResult driver = run_with_driver(scenario, seed);

  const Rows engine_rows = timeseries(engine);
  const Rows driver_rows = timeseries(driver);
  EXPECT_EQ(engine_rows.size(), driver_rows.size());
  std::size_t compared = 0, team_rows = 0, red_months = 0;
  for (const auto& [key, value] : engine_rows) {
    const auto found = driver_rows.find(key);
    ASSERT_NE(found, driver_rows.end())
        << std::get<0>(key) << " " << std::get<2>(key) << " " << std::get<3>(key);
    // Bit for bit, not within a tolerance: the same model run in the same order.
    EXPECT_EQ(found->second, value) << std::get<0>(key) << " " << std::get<2>(key) << " " << std::get<3>(key);
    ++compared;
    if (std::get<1>(key) == "team") ++team_rows;
    if (std::get<1>(key) == "pdu" && std::get<3>(key) == "pdus_red" && value > 0.0) ++red_months;
  }
  EXPECT_GT(compared, 1000u);
  EXPECT_GT(team_rows, 0u);   // the interventions teams ran and were observed
  EXPECT_GT(red_months, 0u);  // the reviewer ran and a PDU went red

  const auto engine_kpis = kpis(engine);
  const auto driver_kpis = kpis(driver);
  EXPECT_EQ(engine_kpis.size(), driver_kpis.size());
  for (const auto& [key, value] : engine_kpis) {
    const auto found = driver_kpis.find(key);
    ASSERT_NE(found, driver_kpis.end()) << std::get<2>(key) << " " << std::get<1>(key);
    EXPECT_EQ(found->second, value) << std::get<2>(key) << " " << std::get<1>(key);
  }
  std::cout << "compared " << compared << " time-series values (" << team_rows << " of teams, " << red_months
            << " red PDU-months) and " << engine_kpis.size() << " KPIs\n";
}
