// Warnings for a setting another quietly defeats (sim/runner/defeated_setting_warnings.hpp): a pairing,
// attendance, and order lengths no order meets (the BBR minimum, G-13's renege, the warm-up). Each fires
// on a shipped scenario changed to trigger it, and not on the scenario as shipped or just short of it.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;

// rag_example's twin is referred at Ashford's rate: a pair. At another rate the two see other people.
TEST(DefeatedSettingWarnings, APairedPduWithAnotherReferralRate) {
  const std::string twin = " --set \"regions.0.pdus.Ashford (no plan).referrals_per_week=";
  const CommandResult other = run_probsim("validate scenarios/rag_example.yaml" + twin + "7\"");
  ASSERT_EQ(other.exit_status, 0) << other.output;
  EXPECT_NE(other.output.find("warning: PDU Ashford (no plan) is paired_with Ashford, but their referrals "
                              "differ (7 and 6.5 a week)"),
            std::string::npos)
      << other.output;
  const CommandResult same = run_probsim("validate scenarios/rag_example.yaml" + twin + "6.5\"");
  ASSERT_EQ(same.exit_status, 0) << same.output;
  EXPECT_EQ(same.output.find("warning"), std::string::npos) << same.output;
}

// Every licence appointment missed: nobody on licence attends, and with every miss acceptable nobody is
// breached. The 2004 scenario's own shares (10% and 5%) draw no warning.
TEST(DefeatedSettingWarnings, EveryAppointmentOfASentenceTypeMissed) {
  const std::string shares =
      " --set enforcement.appointments.missed_acceptable_share.licence=1"
      " --set enforcement.appointments.missed_unacceptable_share.licence=0";
  const CommandResult all = run_probsim("validate scenarios/national_standards_2004.yaml" + shares);
  ASSERT_EQ(all.exit_status, 0) << all.output;
  EXPECT_NE(
      all.output.find("missed_unacceptable_share.licence (0), with the multipliers of every RoSH level "
                      "and stage, leave no appointment kept: nobody on a licence attends one, and nobody "
                      "is warned or breached for missing one"),
      std::string::npos)
      << all.output;
  // Licence appointments missed half acceptably and half not, at the base shares, with `more` settings.
  const auto half_and_half = [](const std::string& more) {
    const CommandResult r = run_probsim(
        "validate scenarios/national_standards_2004.yaml"
        " --set enforcement.appointments.missed_acceptable_share.licence=0.5"
        " --set enforcement.appointments.missed_unacceptable_share.licence=0.5" +
        more);
    EXPECT_EQ(r.exit_status, 0) << r.output;
    return r.output;
  };
  const std::string warned = "nobody on a licence attends one.";
  // Every case: warned, without the words on breach.
  EXPECT_NE(half_and_half("").find(warned), std::string::npos) << half_and_half("");
  // A RoSH multiplier below 1 leaves low-RoSH cases attending: no warning ...
  const std::string low = " --set enforcement.appointments.unacceptable_multiplier_by_rosh.low=0.2";
  EXPECT_EQ(half_and_half(low).find("warning"), std::string::npos) << half_and_half(low);
  // ... unless no case is drawn at that level (the run's kept share is then 0). And an early stage too
  // short to last a day lowers no case's share.
  const std::string undrawn = low +
                              " --set case_mix.rosh_shares.medium=0.6 --set case_mix.rosh_shares.high=0.3"
                              " --set case_mix.rosh_shares.very_high=0.1 --set case_mix.rosh_shares.low=0";
  EXPECT_NE(half_and_half(undrawn).find(warned), std::string::npos) << half_and_half(undrawn);
  const std::string instant =
      " --set enforcement.appointments.early_stage_weeks=0.05"
      " --set enforcement.appointments.early_stage_unacceptable_multiplier=0.2";
  EXPECT_NE(half_and_half(instant).find(warned), std::string::npos) << half_and_half(instant);
  const CommandResult shipped = run_probsim("validate scenarios/national_standards_2004.yaml");
  ASSERT_EQ(shipped.exit_status, 0) << shipped.output;
  EXPECT_EQ(shipped.output.find("warning"), std::string::npos) << shipped.output;
}

// The longest order example's case mix gives is a 36-month licence: a 37-month minimum makes no BBR
// requirement at all (months typed for weeks?); 36 can still be met.
TEST(DefeatedSettingWarnings, ABbrMinimumOrderLongerThanAnyOrder) {
  const std::string key = " --set interventions.routing.bbr_minimum_order_months=";
  const CommandResult longer = run_probsim("validate scenarios/bbr_capacity.yaml" + key + "37");
  ASSERT_EQ(longer.exit_status, 0) << longer.output;
  EXPECT_NE(
      longer.output.find("warning: interventions.routing.bbr_minimum_order_months is 37, but the longest "
                         "order the case mix gives is"),
      std::string::npos)
      << longer.output;
  EXPECT_NE(
      longer.output.find("is 1096 days (156 whole weeks): no BBR requirement is made in the simulation"),
      std::string::npos)
      << longer.output;
  const CommandResult met = run_probsim("validate scenarios/bbr_capacity.yaml" + key + "36");
  ASSERT_EQ(met.exit_status, 0) << met.output;
  EXPECT_EQ(met.output.find("warning"), std::string::npos) << met.output;
}

// G-13's renege set at or above the longest order the case mix gives (probably months typed as weeks):
// nobody can start the programme. Just below the longest order, some can, and there is no warning.
TEST(DefeatedSettingWarnings, RenegeLongerThanAnyOrder) {
  const std::string key = " --set interventions.bbr.min_order_weeks_left_to_start=";
  const CommandResult longer = run_probsim("validate scenarios/bbr_capacity.yaml" + key + "520");
  ASSERT_EQ(longer.exit_status, 0) << longer.output;
  EXPECT_NE(longer.output.find("warning: interventions.bbr.min_order_weeks_left_to_start is 520 weeks, but "
                               "the longest order the case mix gives is"),
            std::string::npos)
      << longer.output;
  EXPECT_EQ(count_of(longer.output, "warning: "), 1u) << longer.output;
  const CommandResult shorter = run_probsim("validate scenarios/bbr_capacity.yaml" + key + "23");
  ASSERT_EQ(shorter.exit_status, 0) << shorter.output;
  EXPECT_EQ(shorter.output.find("warning"), std::string::npos) << shorter.output;
}

// A warm-up of more than twice the longest order (example_pdu's: 36 months, 1,096 days) is warned of;
// one of 26 weeks is not.
TEST(DefeatedSettingWarnings, AWarmUpFarLongerThanAnyOrder) {
  const CommandResult longer =
      run_probsim("validate scenarios/example_pdu.yaml --set simulation.warm_up_weeks=1500");
  ASSERT_EQ(longer.exit_status, 0) << longer.output;
  EXPECT_EQ(count_of(longer.output, "warning: simulation.warm_up_weeks is 1500 (the simulation starts on "),
            1u)
      << longer.output;
  EXPECT_NE(longer.output.find("more than twice the longest order the case mix gives"), std::string::npos)
      << longer.output;
  const CommandResult usual =
      run_probsim("validate scenarios/example_pdu.yaml --set simulation.warm_up_weeks=300");
  ASSERT_EQ(usual.exit_status, 0) << usual.output;
  EXPECT_EQ(usual.output.find("warm_up_weeks is"), std::string::npos) << usual.output;
}
