// The structured interventions' cohort report (`interventions.si_cohort_report`, CT-6): with the whole
// window as its dates, its referrals and period completions are the window's si_requirements and
// si_completions; each programme's counts add up to the totals; and the cohort's completions are the
// completion rows of events.csv whose requirement date is in the range (the two are counted apart).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

const char* const kSis[] = {"stepwise", "positive_pathways_plus", "help"};

TEST(SiCohort, CountsAgreeWithTheWindowKpisAndTheEventLog) {
  const auto out = fresh_directory("si_cohort") / "run";
  // bbr_capacity's window is 2023; the cohort: referrals from 1 March, status at the window's end.
  const CommandResult r = run_probsim(
      "run scenarios/bbr_capacity.yaml --reps 2 --jobs 2 --seed 3 --events --quiet --set "
      "'interventions.si_cohort_report={requirements_from: 2023-03-01, requirements_to: 2023-12-31, "
      "status_on: 2023-12-31}' --out '" +
      out.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;

  // From events.csv, per replication: SI requirement rows and completion rows, by requirement date.
  std::map<std::string, double> logged;  // "rep/kpi"
  for (const auto& f : csv_rows(out / "events.csv")) {
    for (const char* si : kSis) {
      const std::string name(si);
      const bool in_cohort = f[14] >= "2023-03-01";
      if (f[5] == name + "_requirement" && in_cohort) {
        logged[f[0] + "/si_cohort_requirements_" + name] += 1;
        logged[f[0] + "/si_cohort_requirements"] += 1;
      }
      if (f[5] == name + "_completion") {
        logged[f[0] + "/si_completions"] += 1;
        if (f[1] >= "2023-03-01") logged[f[0] + "/si_period_completions_" + name] += 1;
        if (!in_cohort) continue;
        logged[f[0] + "/si_cohort_completed_" + name] += 1;
        logged[f[0] + "/si_cohort_completed"] += 1;
      }
    }
  }
  std::map<std::string, double> kpi;  // "rep/kpi"
  for (const auto& f : national_kpi_rows(csv_rows(out / "kpis.csv")))
    kpi[f[0] + "/" + f[1]] = std::stod(f[2]);

  for (const std::string rep : {"1", "2"}) {
    double requirements = 0, completed = 0, period = 0;
    for (const char* si : kSis) {
      const std::string name(si);
      for (const std::string k :
           {"si_cohort_requirements_", "si_cohort_completed_", "si_period_completions_"})
        EXPECT_EQ(kpi.at(rep + "/" + k + name), logged[rep + "/" + k + name]) << k << name << " rep " << rep;
      requirements += kpi.at(rep + "/si_cohort_requirements_" + name);
      completed += kpi.at(rep + "/si_cohort_completed_" + name);
      period += kpi.at(rep + "/si_period_completions_" + name);
    }
    EXPECT_EQ(kpi.at(rep + "/si_cohort_requirements"), requirements);
    EXPECT_EQ(kpi.at(rep + "/si_cohort_completed"), completed);
    EXPECT_EQ(kpi.at(rep + "/si_period_completions"), period);
    EXPECT_EQ(kpi.at(rep + "/si_cohort_requirements"), logged[rep + "/si_cohort_requirements"]);
    EXPECT_EQ(kpi.at(rep + "/si_cohort_completed"), logged[rep + "/si_cohort_completed"]);
    EXPECT_NEAR(kpi.at(rep + "/si_cohort_completed_share"), completed / requirements, 1e-9);  // 12 digits
    // Referrals from 1 March are fewer than the window's; completions from then on are at most all of
    // the window's, and the cohort's are among them.
    EXPECT_GT(requirements, 100);
    EXPECT_LT(requirements, kpi.at(rep + "/si_requirements"));
    EXPECT_LE(period, kpi.at(rep + "/si_completions"));
    EXPECT_EQ(kpi.at(rep + "/si_completions"), logged[rep + "/si_completions"]);
    EXPECT_GT(completed, 0);
    EXPECT_LT(completed, period) << "some completions in the period are of referrals made before it";
  }
}

TEST(SiCohort, StatusDayOutsideTheWindowIsRejectedByName) {
  const CommandResult r = run_probsim(
      "validate scenarios/bbr_capacity.yaml --set "
      "'interventions.si_cohort_report={requirements_from: 2023-03-01, requirements_to: 2023-12-31, "
      "status_on: 2024-02-13}'");
  EXPECT_NE(r.exit_status, 0);
  EXPECT_NE(r.output.find("interventions.si_cohort_report.status_on"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace probsim::testing
