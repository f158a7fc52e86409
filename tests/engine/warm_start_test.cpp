// The steady-state warm start: with fixed-length sentences and no early exits the caseload on day 0 is
// Poisson with mean λ·L (an M/D/∞ queue in equilibrium), and it stays there.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "engine/replication.hpp"

using namespace probsim;

TEST(WarmStart, StartsAtTheInfiniteServerSteadyState) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(std::string(PROBSIM_SOURCE_DIR) + "/tests/scenarios/infinite_server.yaml",
                              {"simulation.warm_up_weeks=0"}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const ReplicationResult result =
      run_replication(loaded->scenario, ReplicationSpec{1, replication_seed(7, 1), nullptr});
  std::map<std::string, double> kpi;
  for (const auto& k : result.kpis)
    if (k.level == "national") kpi[k.name] = k.value;
  // 3 PDUs × 20 referrals a week for 365 days (a 12-month sentence).
  const double expected = 3 * 20.0 / 7.0 * 365.0;
  EXPECT_NEAR(kpi["caseload_start"], expected, 4.5 * std::sqrt(expected));
  EXPECT_NEAR(kpi["caseload_end"], expected, 4.5 * std::sqrt(expected));
  EXPECT_EQ(kpi["terminations_early"], 0);
}
