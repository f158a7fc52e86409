// Warnings for valid but probably unintended scenarios (sim/runner/run_warnings.hpp): each fires on a
// scenario made to trigger it, on stderr and in warnings.txt, and the shipped scenarios give only the
// warnings listed here.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

const std::string kShort = " --set simulation.report_end=2023-06-30 --set simulation.warm_up_weeks=8 ";

}  // namespace

TEST(RunWarnings, BbrRequirementsWithoutFacilitators) {
  const auto dir = fresh_directory("warn_bbr");
  const std::string no_facilitators = " --set regions.0.pdus.Durham.staff.2.headcount=0";
  const CommandResult r = run_probsim("run scenarios/bbr_capacity.yaml --reps 1 --quiet" + kShort +
                                      no_facilitators + " --out " + quoted(dir / "run"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: BBR requirements are made in Durham"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("has no facilitator in post and none recruited"), std::string::npos) << r.output;
  EXPECT_EQ(count_of(read_file(dir / "run" / "warnings.txt"), "warning: "), 1u);
  // The mechanism: with Durham's facilitators (the team's only ones) there is no warning.
  const CommandResult with = run_probsim("validate scenarios/bbr_capacity.yaml");
  EXPECT_EQ(with.output.find("warning"), std::string::npos) << with.output;
  const CommandResult validated = run_probsim("validate scenarios/bbr_capacity.yaml" + no_facilitators);
  EXPECT_EQ(validated.exit_status, 0);
  EXPECT_NE(validated.output.find("has no facilitator in post"), std::string::npos) << validated.output;
}

TEST(RunWarnings, BankHolidaysMissingForPartOfTheWindow) {
  const CommandResult r = run_probsim(
      "validate scenarios/example_pdu.yaml --set 'calendar.bank_holidays=[2023-01-02, 2023-04-07]'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: calendar.bank_holidays lists dates in 2023 but none in 2022, 2024"),
            std::string::npos)
      << r.output;
  // Years missing in a run are given as a range, not one by one (a long warm-up could list dozens).
  const CommandResult range =
      run_probsim("validate scenarios/example_pdu.yaml --set simulation.warm_up_weeks=600");
  EXPECT_NE(range.output.find("but none in 2011-2020, which the simulation runs through"), std::string::npos)
      << range.output;
  // Listed for every year the simulation runs through (the defaults): no warning.
  EXPECT_EQ(run_probsim("validate scenarios/example_pdu.yaml").output.find("warning"), std::string::npos);
}

// A PDU nobody can hold cases in is warned of; staff from a warm start's CSV count, for case holders
// and for facilitators alike (the snapshot scenario has no staff lists).
TEST(RunWarnings, APduWithoutCaseHoldersAndSnapshotStaffCount) {
  const CommandResult empty =
      run_probsim("validate scenarios/example_pdu.yaml --set 'regions.0.pdus.Southbridge.staff=[]'");
  EXPECT_EQ(empty.exit_status, 0) << empty.output;
  EXPECT_EQ(
      count_of(empty.output, "warning: PDU Southbridge has no PO, PSO or PQiP in post and none recruited"),
      1u)
      << empty.output;
  EXPECT_EQ(run_probsim("validate scenarios/example_pdu.yaml").output.find("no PO, PSO or PQiP"),
            std::string::npos);
  // Recruited within the run: no warning.
  EXPECT_EQ(
      run_probsim("validate scenarios/example_pdu.yaml --set 'regions.0.pdus.Southbridge.staff=[]' --set "
                  "'staffing_plan.intakes=[{date: 2023-02-01, pdu: Southbridge, grade: po, count: 1}]'")
          .output.find("no PO, PSO or PQiP"),
      std::string::npos);
  const CommandResult snapshot =
      run_probsim("validate scenarios/example_region_snapshot.yaml --set interventions.enabled=true");
  EXPECT_EQ(snapshot.exit_status, 0) << snapshot.output;
  EXPECT_EQ(snapshot.output.find("warning"), std::string::npos) << snapshot.output;
}

// A scenario in which no case can ever arrive is warned of, whether the rates or the months are all 0; a
// snapshot's caseload, or one PDU with referrals, is enough to silence it.
TEST(RunWarnings, NoReferralsAndNoSnapshotIsWarnedOf) {
  const std::string warning = "no case is ever referred or placed by the warm start";
  const std::string no_rates =
      " --set regions.0.pdus.Northgate.referrals_per_week=0 --set "
      "regions.0.pdus.Eastmoor.referrals_per_week=0"
      " --set regions.0.pdus.Southbridge.referrals_per_week=0";
  const CommandResult zero = run_probsim("validate scenarios/example_pdu.yaml" + no_rates);
  EXPECT_EQ(zero.exit_status, 0) << zero.output;
  EXPECT_EQ(count_of(zero.output, "warning: every PDU's referrals_per_week is 0 and no snapshot"), 1u)
      << zero.output;
  const CommandResult months = run_probsim(
      "validate scenarios/example_pdu.yaml --set "
      "'referrals.seasonality_multipliers=[0,0,0,0,0,0,0,0,0,0,0,0]'");
  EXPECT_EQ(count_of(months.output, "warning: every month's referrals.seasonality_multipliers is 0"), 1u)
      << months.output;
  EXPECT_NE(months.output.find("Set a month's referrals.seasonality_multipliers above 0."), std::string::npos)
      << months.output;
  // Both zero: both remedies are needed.
  const CommandResult both =
      run_probsim("validate scenarios/example_pdu.yaml" + no_rates +
                  " --set 'referrals.seasonality_multipliers=[0,0,0,0,0,0,0,0,0,0,0,0]'");
  EXPECT_NE(both.output.find("Set regions[].pdus[].referrals_per_week and a month's "
                             "referrals.seasonality_multipliers above 0."),
            std::string::npos)
      << both.output;
  EXPECT_EQ(run_probsim("validate scenarios/example_pdu.yaml").output.find(warning), std::string::npos);
  // One PDU with referrals is enough.
  EXPECT_EQ(
      run_probsim("validate scenarios/example_pdu.yaml --set regions.0.pdus.Northgate.referrals_per_week=0")
          .output.find(warning),
      std::string::npos);
  EXPECT_EQ(run_probsim("validate scenarios/example_region_snapshot.yaml" + no_rates).output.find(warning),
            std::string::npos);
}

TEST(RunWarnings, EveryPduInOneRagStatusForMostOfTheWindow) {
  const auto dir = fresh_directory("warn_rag");
  // Amber and red thresholds of 1% workload: every PDU is red from its first review.
  const CommandResult r = run_probsim(
      "run scenarios/example_pdu.yaml --reps 2 --quiet" + kShort +
      "--set prioritisation.enabled=true "
      "--set prioritisation.workload_pct_amber_above=1 --set prioritisation.workload_pct_red_above=1 --out " +
      quoted(dir / "red"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: every PDU was red at"), std::string::npos) << r.output;
  EXPECT_NE(read_file(dir / "red" / "warnings.txt").find("every PDU was red"), std::string::npos);
  // At the default thresholds the PDUs differ (Southbridge red, the others green): no warning.
  const CommandResult defaults =
      run_probsim("run scenarios/example_pdu.yaml --reps 2 --quiet" + kShort +
                  "--set prioritisation.enabled=true --out " + quoted(dir / "default"));
  ASSERT_EQ(defaults.exit_status, 0) << defaults.output;
  EXPECT_EQ(defaults.output.find("warning"), std::string::npos) << defaults.output;
  EXPECT_FALSE(fs::exists(dir / "default" / "warnings.txt"));
}

// A task kind listed as mandated or deferrable that the scenario never creates: the risk management plan
// with its block dropped is named once per list; with the block (as shipped) there is no warning.
TEST(RunWarnings, ATaskListedButNeverCreated) {
  const CommandResult dropped =
      run_probsim("validate scenarios/example_pdu.yaml --set sentence_management.risk_management_plan=null");
  ASSERT_EQ(dropped.exit_status, 0) << dropped.output;
  EXPECT_NE(dropped.output.find("warning: sentence_management.mandated_tasks lists risk_management_plan, but "
                                "the scenario creates no such task"),
            std::string::npos)
      << dropped.output;
  EXPECT_NE(
      dropped.output.find("warning: sentence_management.overload_triage.tasks lists risk_management_plan"),
      std::string::npos)
      << dropped.output;
  EXPECT_EQ(count_of(dropped.output, "warning: "), 2u) << dropped.output;
  // Enforcement's tasks without enforcement: breach_action mandated in a scenario that has none.
  const CommandResult breach = run_probsim(
      "validate scenarios/example_pdu.yaml --set 'sentence_management.mandated_tasks=[breach_action]'");
  ASSERT_EQ(breach.exit_status, 0) << breach.output;
  EXPECT_NE(breach.output.find("mandated_tasks lists breach_action"), std::string::npos) << breach.output;
  const CommandResult shipped = run_probsim("validate scenarios/example_pdu.yaml");
  EXPECT_EQ(shipped.output.find("warning"), std::string::npos) << shipped.output;
}

// RAG-13's set-aside probability above 0 where it can never act: with no kinds listed, or with the
// prioritisation framework off (every PDU green). Listed kinds at probability 0 (as shipped) and a
// probability with the framework on give no warning.
TEST(RunWarnings, ASetAsideProbabilityThatCanNeverAct) {
  const std::string key = " --set sentence_management.judgement_under_revised_measures.";
  const CommandResult rag_off =
      run_probsim("validate scenarios/example_pdu.yaml" + key + "set_aside_probability=0.2");
  ASSERT_EQ(rag_off.exit_status, 0) << rag_off.output;
  EXPECT_NE(rag_off.output.find("set_aside_probability is 0.2, but prioritisation.enabled is false"),
            std::string::npos)
      << rag_off.output;
  const CommandResult no_tasks =
      run_probsim("validate scenarios/example_pdu.yaml --set prioritisation.enabled=true" + key +
                  "set_aside_probability=0.2" + key + "'tasks=[]'");
  ASSERT_EQ(no_tasks.exit_status, 0) << no_tasks.output;
  EXPECT_NE(no_tasks.output.find("set_aside_probability is 0.2, but its tasks list is empty"),
            std::string::npos)
      << no_tasks.output;
  const CommandResult acts =
      run_probsim("validate scenarios/example_pdu.yaml --set prioritisation.enabled=true" + key +
                  "set_aside_probability=0.2");
  ASSERT_EQ(acts.exit_status, 0) << acts.output;
  EXPECT_EQ(acts.output.find("warning"), std::string::npos) << acts.output;
}

// A snapshot caseload file with its header and no rows starts every PDU empty.
TEST(RunWarnings, ASnapshotCaseloadWithNoRows) {
  const auto dir = fresh_directory("warn_empty_caseload");
  const std::string full = read_file(source_path("scenarios/data/example_region_caseload.csv"));
  write_file(dir / "caseload.csv", full.substr(0, full.find('\n') + 1));
  const CommandResult empty =
      run_probsim("validate scenarios/example_region_snapshot.yaml --set " +
                  quoted(fs::path("simulation.caseload_csv=" + (dir / "caseload.csv").string())));
  ASSERT_EQ(empty.exit_status, 0) << empty.output;
  EXPECT_EQ(count_of(empty.output, "caseload.csv) has no case rows: the run starts with no open cases"), 1u)
      << empty.output;
}

// The shipped scenarios give no warning, except a finding this check brought to light and that is not
// meant (reported, not fixed here): bench_national.yaml makes BBR requirements in its 12 teams without
// facilitators. (The staffing-plan pair that replaced staffing_plan_example.yaml makes none.)
// england_wales_2022.yaml's intakes of 2023, after its window, are meant (docs/validation/10-workload.md
// §10.22) and give none.
TEST(RunWarnings, ShippedScenariosWarnOnlyWhereKnown) {
  const std::map<std::string, std::size_t> known = {{"bench_national.yaml", 12}};
  for (const auto& entry : fs::directory_iterator(source_path("scenarios"))) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string name = entry.path().filename().string();
    const CommandResult r = run_probsim("validate " + quoted(entry.path()));
    EXPECT_EQ(r.exit_status, 0) << name;
    const std::size_t expected = known.count(name) ? known.at(name) : 0u;
    EXPECT_EQ(count_of(r.output, "warning: "), expected) << name << "\n" << r.output;
    if (expected) {
      EXPECT_NE(r.output.find("has no facilitator in post"), std::string::npos) << r.output;
    }
  }
  // The small shipped RAG scenarios, run: their PDUs are not all in one status.
  const auto dir = fresh_directory("warn_shipped");
  for (const char* scenario : {"rag_example", "rag_protect_da"}) {
    const CommandResult r = run_probsim(std::string("run scenarios/") + scenario +
                                        ".yaml --reps 2 --quiet --out " + quoted(dir / scenario));
    ASSERT_EQ(r.exit_status, 0) << r.output;
    EXPECT_EQ(r.output.find("warning"), std::string::npos) << scenario << "\n" << r.output;
    EXPECT_FALSE(fs::exists(dir / scenario / "warnings.txt")) << scenario;
  }
}
