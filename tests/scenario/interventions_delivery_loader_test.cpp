// The loader's BBR delivery block, `interventions.delivery` (issue 18).
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

// `interventions.delivery` (issue 18, docs/bbr_delivery.md): read from its own loader file, every key
// checked, and a lead without the pre-group start is an error rather than a silent no-op.
TEST(ScenarioLoader, BbrDeliveryKeysAreReadAndChecked) {
  const std::string good = write_scenario("delivery_good.yaml", example_with(R"(name: delivery_good
interventions:
  delivery:
    recorded_start: pre_group_session
    pre_group_lead_weeks: 12
    weekly_group_share: 0.4
    one_to_one_sessions_per_week: 1
    cancelled_session_share: 0.1
    holiday_break: {month: 12, day: 24, weeks: 2}
    completion_recorded_after_weeks: {min: 1, max: 4}
)"));
  Diagnostics ok;
  const auto loaded = load_scenario(good, {}, ok);
  ASSERT_TRUE(loaded) << ok.describe();
  const InterventionDelivery& d = loaded->scenario.interventions.delivery;
  EXPECT_EQ(d.recorded_start, RecordedStart::pre_group_session);
  EXPECT_DOUBLE_EQ(d.pre_group_lead_weeks, 12.0);
  EXPECT_DOUBLE_EQ(d.weekly_group_share, 0.4);
  EXPECT_EQ(d.one_to_one_sessions_per_week, 1);
  EXPECT_DOUBLE_EQ(d.cancelled_session_share, 0.1);
  EXPECT_DOUBLE_EQ(d.holiday_break.weeks, 2.0);
  EXPECT_DOUBLE_EQ(d.completion_recorded_after_weeks.max_weeks, 4.0);

  const std::string bad = write_scenario("delivery_bad.yaml", example_with(R"(name: delivery_bad
interventions:
  delivery:
    pre_group_lead_weeks: 12
    weekly_group_share: 1.5
    completion_recorded_after_weeks: {min: 5, max: 1}
    holiday_brake: {weeks: 2}
)"));
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(bad, {}, diagnostics));
  const std::string all = diagnostics.describe();
  EXPECT_NE(all.find("interventions.delivery.pre_group_lead_weeks': pre_group_lead_weeks applies only with "
                     "recorded_start: pre_group_session"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("interventions.delivery.weekly_group_share': expected a number between 0 and 1"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("interventions.delivery.completion_recorded_after_weeks.min': min must not exceed max"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("holiday_brake"), std::string::npos) << all;
}
