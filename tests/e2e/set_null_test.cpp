// `--set key=null` removes an optional block (or a list item), so a scenario can drop, e.g., the BBR
// cohort report without re-dating it; removing a key that is not there, or a required one, is refused.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;

namespace {

const std::string kRun =
    "run scenarios/example_pdu.yaml --reps 1 --quiet --set simulation.report_end=2023-06-30 "
    "--set simulation.warm_up_weeks=8 --set 'interventions.cohort_report={requirements_from: 2022-07-01, "
    "requirements_to: 2023-03-31, status_on: 2023-05-01}' ";

}  // namespace

TEST(SetNull, RemovesAnOptionalBlock) {
  const auto dir = fresh_directory("set_null");
  ASSERT_EQ(run_probsim(kRun + "--out " + quoted(dir / "with")).exit_status, 0);
  const CommandResult r =
      run_probsim(kRun + "--set interventions.cohort_report=null --out " + quoted(dir / "without"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(read_file(dir / "with" / "kpis.csv").find("bbr_cohort_requirements"), std::string::npos);
  EXPECT_EQ(read_file(dir / "without" / "kpis.csv").find("bbr_cohort_"), std::string::npos)
      << "the cohort report is gone";
  const std::string resolved = read_file(dir / "without" / "scenario.resolved.yaml");
  EXPECT_EQ(resolved.find("\n  cohort_report:"), std::string::npos) << resolved;
  // Everything else is as before: the same referrals (the same seed and scenario otherwise).
  const auto referrals = [&](const char* run) {
    for (const auto& f : csv_rows(dir / run / "kpis.csv"))
      if (f[1] == "national" && f[3] == "referrals") return f[4];
    return std::string();
  };
  EXPECT_EQ(referrals("with"), referrals("without"));
  EXPECT_FALSE(referrals("with").empty());
}

TEST(SetNull, RemovesAListItemByName) {
  const CommandResult r =
      run_probsim("validate scenarios/example_pdu.yaml --set regions.0.pdus.Eastmoor=null");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("valid (1 region, 2 PDUs)"), std::string::npos) << r.output;
}

TEST(SetNull, RefusesAMissingOrRequiredKey) {
  const CommandResult typo =
      run_probsim("validate scenarios/example_pdu.yaml --set interventions.cohort_reprt=null");
  EXPECT_EQ(typo.exit_status, 1);
  EXPECT_NE(typo.output.find("=null removes a key, but the scenario has no such key to remove"),
            std::string::npos)
      << typo.output;
  const CommandResult required =
      run_probsim("validate scenarios/example_pdu.yaml --set simulation.report_start=~");
  EXPECT_EQ(required.exit_status, 1);
  // Named at the --set that removed it, not at the file's block that no longer has it.
  EXPECT_NE(required.output.find("--set simulation.report_start=~: error: key 'simulation.report_start': is "
                                 "required, and this --set removed it"),
            std::string::npos)
      << required.output;
}

// One setting given twice on the command line (or spelt once by index and once by name), or one inside a
// setting a later --set replaces whole: the last silently won. Still the last wins (a script adds a --set
// to a base command, as SetNull's tests do), but a warning names both.
TEST(SetTwice, OneSettingGivenTwiceIsWarnedOfNamingBoth) {
  const std::string validate = "validate scenarios/example_pdu.yaml ";
  const CommandResult twice = run_probsim(validate +
                                          "--set regions.0.pdus.0.referrals_per_week=3 "
                                          "--set regions.0.pdus.Northgate.referrals_per_week=40");
  EXPECT_EQ(twice.exit_status, 0) << twice.output;
  EXPECT_NE(
      twice.output.find("probsim: warning: --set regions.0.pdus.Northgate.referrals_per_week=40 sets the "
                        "same setting as --set regions.0.pdus.0.referrals_per_week=3 before it; the "
                        "later applies"),
      std::string::npos)
      << twice.output;
  const std::string whole = "--set 'regions.0.pdus.0.staff=[{grade: po, headcount: 7, fte_each: 1.0}]' ";
  const CommandResult lost = run_probsim(validate + "--set regions.0.pdus.0.staff.0.headcount=3 " + whole);
  EXPECT_EQ(lost.exit_status, 0) << lost.output;
  EXPECT_NE(lost.output.find("replaces the whole of regions.0.pdus.0.staff, so the earlier --set "
                             "regions.0.pdus.0.staff.0.headcount=3 has no effect"),
            std::string::npos)
      << lost.output;
  // Said when the scenario then fails to load too, as it may explain the error.
  const CommandResult removed = run_probsim(validate +
                                            "--set regions.0.pdus.1.staff.0.headcount=3 "
                                            "--set regions.0.pdus.1.staff=null");
  EXPECT_EQ(removed.exit_status, 1) << removed.output;
  EXPECT_NE(
      removed.output.find("warning: --set regions.0.pdus.1.staff=null removes the whole of "
                          "regions.0.pdus.1.staff, so the earlier --set regions.0.pdus.1.staff.0.headcount=3 "
                          "has no effect"),
      std::string::npos)
      << removed.output;
  EXPECT_NE(removed.output.find("is required, and this --set removed it"), std::string::npos)
      << removed.output;
  // The other order applies both: no warning.
  const CommandResult both = run_probsim(validate + whole + "--set regions.0.pdus.0.staff.0.headcount=3");
  EXPECT_EQ(both.exit_status, 0) << both.output;
  EXPECT_EQ(both.output.find("--set regions"), std::string::npos) << both.output;
}
