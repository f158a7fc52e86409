// kpi_the_scenario_does_not_write (sim/runner/scenario_kpi_check.hpp) says before a run which KPIs the run
// will not write, from the scenario's settings; run and batch refuse such a precision or headline KPI
// before any replication (the last test). Its rules are held here to what runs write: for every
// national KPI of the catalogue (each family's members, and one that is no member), under settings that
// switch each recorder on and off, the rule says "written" exactly when the run writes it. A KPI added with
// a new condition, or a condition changed, fails here rather than passing the check and failing a run late.
#include "runner/scenario_kpi_check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "config/scenario_loader.hpp"
#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"
#include "output/metric_catalogue.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

std::set<std::string> national_kpis_written(const fs::path& kpis_csv) {
  std::set<std::string> names;
  std::ifstream in(kpis_csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto f = probsim::parse_csv_line(line);  // replication,level,unit,kpi,value
    if (f[1] == "national") names.insert(f[3]);
  }
  return names;
}

// Every name the catalogue's national KPIs stand for under `scenario`: a family's members as the
// scenario has them, and one that no scenario has.
std::vector<std::string> names_to_check(const probsim::Scenario& scenario) {
  std::vector<std::string> names;
  for (const probsim::MetricSpec& spec : probsim::metric_catalogue()) {
    if (spec.file != probsim::MetricFile::kpis || (spec.levels & probsim::kNational) == 0) continue;
    const std::string name(spec.name);
    const std::size_t open = name.find('<');
    if (open == std::string::npos) {
      names.push_back(name);
      continue;
    }
    const std::string stem = name.substr(0, open), tail = name.substr(name.find('>') + 1);
    std::vector<std::string> members = {"nonesuch"};
    for (const auto& programme : scenario.interventions.structured_interventions)
      members.push_back(programme.name);
    for (const auto reason : {"sentence_end", "revocation", "breach", "recall", "activation"})
      members.push_back(reason);
    for (const auto& member : members) names.push_back(stem + member + tail);
  }
  return names;
}

void expect_rule_matches_run(const std::string& scenario_file, const std::vector<std::string>& overrides,
                             const std::string& label) {
  const fs::path dir = fresh_directory("scenario_kpi_check_" + label);
  std::string command = "run " + quoted(fs::path(source_path(scenario_file))) + " --reps 1 --quiet";
  for (const auto& o : overrides) command += " --set '" + o + "'";
  const CommandResult run = run_probsim(command + " --out " + quoted(dir / "run"));
  ASSERT_EQ(run.exit_status, 0) << label << "\n" << run.output;
  const std::set<std::string> written = national_kpis_written(dir / "run" / "kpis.csv");
  probsim::Diagnostics diagnostics;
  const auto loaded = probsim::load_scenario(source_path(scenario_file), overrides, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  std::size_t predicted = 0;
  for (const std::string& name : names_to_check(loaded->scenario)) {
    const std::string why = probsim::kpi_the_scenario_does_not_write(name, loaded->scenario);
    predicted += why.empty();
    EXPECT_EQ(why.empty(), written.count(name) == 1)
        << label << ": " << name << (why.empty() ? " predicted written, but the run has none" : ": " + why);
  }
  EXPECT_EQ(predicted, written.size()) << label;
}

const std::string kGwent = "scenarios/national_standards_2004_gwent.yaml";
const std::string kSnapshot = "simulation.workload_snapshot_on=2004-02-07";
const std::string kScenario = "run tests/scenarios/infinite_server.yaml --seed 2 --quiet ";

}  // namespace

TEST(ScenarioKpiCheck, TheRulesSayWhatRunsWriteAsEachRecorderIsSwitchedOnAndOff) {
  expect_rule_matches_run(kGwent, {}, "as_shipped");  // interventions, enforcement, BBR cohort on
  expect_rule_matches_run(
      kGwent,
      {kSnapshot,
       "interventions.si_cohort_report={requirements_from: 2003-04-01, requirements_to: "
       "2004-03-01, status_on: 2004-03-01}",
       "sentence_management.hours_beyond_contract={above_workload_pct: 100, share_of_available_hours: 0.1}"},
      "everything_on");
  expect_rule_matches_run(kGwent, {kSnapshot, "interventions.enabled=false"}, "no_interventions");
  expect_rule_matches_run(kGwent, {"enforcement.enabled=false", "interventions.cohort_report=null"},
                          "no_enforcement_no_cohort");
  expect_rule_matches_run("scenarios/example_pdu.yaml",
                          {"simulation.report_end=2023-03-31", "simulation.warm_up_weeks=4"}, "example_pdu");
}

// A name the catalogue accepts but the scenario cannot write (a family member naming no programme of
// the scenario, a cohort report's KPI with the report off) failed only after the first replications.
TEST(ScenarioKpiCheck, KpisTheScenarioCannotWriteAreRefusedBeforeAnyReplication) {
  const auto dir = fresh_directory("precision_scenario_kpis");
  const std::string example = "run " + quoted(fs::path(source_path("scenarios/example_pdu.yaml"))) +
                              " --quiet --reps 3 --precision 0.05 --out " + quoted(dir / "out") + " ";
  const std::string report =
      "--set 'interventions.si_cohort_report={requirements_from: 2023-04-01, requirements_to: "
      "2024-02-13, status_on: 2024-02-13}' ";
  const CommandResult off = run_probsim(example + "--precision-kpis si_period_completions");
  EXPECT_EQ(off.exit_status, 2) << off.output;
  EXPECT_NE(off.output.find("--precision-kpis: 'si_period_completions' is written only with "
                            "interventions.si_cohort_report set, and this scenario does not set it"),
            std::string::npos)
      << off.output;
  const CommandResult bbr = run_probsim(example + "--precision-kpis bbr_cohort_starters_completed");
  EXPECT_EQ(bbr.exit_status, 2) << bbr.output;
  EXPECT_NE(bbr.output.find("interventions.cohort_report set"), std::string::npos) << bbr.output;
  const CommandResult none = run_probsim(kScenario +
                                         "--set interventions.enabled=false --reps 3 --precision 0.05 "
                                         "--precision-kpis bbr_cohort_starters_completed --out " +
                                         quoted(dir / "out"));
  EXPECT_EQ(none.exit_status, 2) << none.output;
  EXPECT_NE(none.output.find("'bbr_cohort_starters_completed' is an intervention KPI, and this scenario's "
                             "interventions are off (interventions.enabled)"),
            std::string::npos)
      << none.output;
  const CommandResult misspelt =
      run_probsim(example + report + "--precision-kpis caseload_mean,si_period_completions_hepl");
  EXPECT_EQ(misspelt.exit_status, 2) << misspelt.output;
  EXPECT_NE(misspelt.output.find("--precision-kpis: 'si_period_completions_hepl' names the programme "
                                 "'hepl', which is not one of this scenario's (did you mean 'help'?); "
                                 "its programmes are 'stepwise', 'positive_pathways_plus', 'help'"),
            std::string::npos)
      << misspelt.output;
  EXPECT_EQ(misspelt.output.find("caseload_mean"), std::string::npos) << misspelt.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  // A sweep: each name at its line. A precision KPI any point lacks is refused (the rule reads each
  // point's), naming the first; a headline KPI only when no point has it (the chart shows those that do).
  write_file(dir / "sweep.yaml",
             "name: unwritten\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                 "]\npoints:\n  - {simulation.warm_up_weeks: 30}\n"
                 "  - {interventions.si_cohort_report: {requirements_from: 2023-04-01, requirements_to: "
                 "2024-02-13, status_on: 2024-02-13}}\n"
                 "replications_per_point: 2\n"
                 "precision: {relative_half_width: 0.05, kpis: [si_period_completions_help]}\n"
                 "headline_kpis: [si_period_completions_help, si_period_completions_hepl]\n");
  const CommandResult sweep =
      run_probsim("batch " + quoted(dir / "sweep.yaml") + " --dry-run --out " + quoted(dir / "out"));
  EXPECT_EQ(sweep.exit_status, 1) << sweep.output;
  EXPECT_NE(sweep.output.find("sweep.yaml:7:47: error: key 'precision.kpis': in 1 of the 2 points (the first "
                              "p0001): 'si_period_completions_help' is written only with "
                              "interventions.si_cohort_report set"),
            std::string::npos)
      << sweep.output;
  EXPECT_NE(
      sweep.output.find("sweep.yaml:8:45: error: key 'headline_kpis': in both points (the first p0001): "
                        "'si_period_completions_hepl' names the programme 'hepl'"),
      std::string::npos)
      << sweep.output;
  EXPECT_EQ(sweep.output.find("key 'headline_kpis': in 1 of"), std::string::npos) << sweep.output;
  EXPECT_NE(sweep.output.find("2 problems found; nothing was run"), std::string::npos) << sweep.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  // A KPI read at a snapshot the sweep does not take: refused at its line before anything runs (it failed
  // after the first replications, and was advised to resume, which failed the same way).
  write_file(dir / "late.yaml",
             "name: late\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                 "]\nset: {simulation.report_end: 2023-03-31, simulation.warm_up_weeks: 4}\n"
                 "replications_per_point: 2\n"
                 "precision: {relative_half_width: 0.5, kpis: [workload_snapshot_pct_max]}\n");
  const CommandResult late =
      run_probsim("batch " + quoted(dir / "late.yaml") + " --quiet --out " + quoted(dir / "late"));
  EXPECT_EQ(late.exit_status, 1) << late.output;
  EXPECT_NE(
      late.output.find("late.yaml:5:46: error: key 'precision.kpis': 'workload_snapshot_pct_max' is read "
                       "on the day simulation.workload_snapshot_on names, and this scenario does not set it"),
      std::string::npos)
      << late.output;
  EXPECT_FALSE(fs::exists(dir / "late"));
}

// A KPI naming a member the scenario lacks and needing a setting that is off: the user was told of the
// setting only, turned the report on, and learnt on the next try that the name was wrong. The name is
// said first, with the setting beside it.
TEST(ScenarioKpiCheck, AMemberTheScenarioLacksIsSaidBeforeTheSettingItAlsoNeeds) {
  probsim::Diagnostics diagnostics;
  const auto example = probsim::load_scenario(source_path("scenarios/example_pdu.yaml"), {}, diagnostics);
  ASSERT_TRUE(example) << diagnostics.describe();
  EXPECT_EQ(
      probsim::kpi_the_scenario_does_not_write("si_cohort_requirements_bbr", example->scenario),
      "'si_cohort_requirements_bbr' names the programme 'bbr', which is not one of this scenario's; its "
      "programmes are 'stepwise', 'positive_pathways_plus', 'help'; and it is written only with "
      "interventions.si_cohort_report set, and this scenario does not set it");
  // Either alone is said as before.
  EXPECT_EQ(probsim::kpi_the_scenario_does_not_write("si_cohort_requirements_help", example->scenario),
            "'si_cohort_requirements_help' is written only with interventions.si_cohort_report set, and this "
            "scenario does not set it");
  const auto reported = probsim::load_scenario(
      source_path("scenarios/example_pdu.yaml"),
      {"interventions.si_cohort_report={requirements_from: 2023-04-01, requirements_to: 2024-02-13, "
       "status_on: 2024-02-13}"},
      diagnostics);
  ASSERT_TRUE(reported) << diagnostics.describe();
  EXPECT_EQ(
      probsim::kpi_the_scenario_does_not_write("si_cohort_requirements_bbr", reported->scenario),
      "'si_cohort_requirements_bbr' names the programme 'bbr', which is not one of this scenario's; its "
      "programmes are 'stepwise', 'positive_pathways_plus', 'help'");
  // A reason too, with the interventions off.
  const auto off = probsim::load_scenario(source_path("scenarios/example_pdu.yaml"),
                                          {"interventions.enabled=false"}, diagnostics);
  ASSERT_TRUE(off) << diagnostics.describe();
  const std::string reason =
      probsim::kpi_the_scenario_does_not_write("bbr_exits_before_start_recal", off->scenario);
  EXPECT_EQ(reason.rfind("'bbr_exits_before_start_recal' names the reason 'recal', which is none of ", 0), 0u)
      << reason;
  EXPECT_NE(reason.find("(did you mean 'recall'?); and it is an intervention KPI, and this scenario's "
                        "interventions are off (interventions.enabled)"),
            std::string::npos)
      << reason;
}

// A programme's KPI with the programme in another letter case: the catalogue (whose names are lower case)
// refused it with the nearest whole name, 'si_period_completions', which is not the KPI meant.
TEST(ScenarioKpiCheck, AProgrammeInAnotherLetterCaseIsSuggestedAsTheCatalogueSpellsIt) {
  const auto dir = fresh_directory("precision_kpi_case");
  const CommandResult upper = run_probsim(
      "run " + quoted(fs::path(source_path("scenarios/example_pdu.yaml"))) +
      " --quiet --reps 3 --precision 0.05 --precision-kpis si_period_completions_Stepwise --out " +
      quoted(dir / "out"));
  EXPECT_EQ(upper.exit_status, 2) << upper.output;
  EXPECT_NE(upper.output.find("--precision-kpis: no KPI is called 'si_period_completions_Stepwise' (did you "
                              "mean 'si_period_completions_stepwise'?)"),
            std::string::npos)
      << upper.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

// A headline KPI that no point has: batch now refuses one before it runs (a name no point would write),
// but a batch aggregated before that check, or a condition the check misses, would leave it out of the
// chart unremarked. The batch's record is edited to stand for one; the report says so.
TEST(Report, WarnsOfAHeadlineKpiThatNoPointHas) {
  const fs::path dir = fresh_directory("report_headline");
  const auto sweep = quoted(
      write_sweep(dir, small_sweep("report_headline", "headline_kpis: [reviews_on_time_share]\n", "2")));
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  std::string resolved = read_file(dir / "batch" / "sweep.resolved.yaml");
  const std::size_t at = resolved.find("reviews_on_time_share");
  ASSERT_NE(at, std::string::npos) << resolved;
  resolved.insert(at + std::string("reviews_on_time_share").size(), ", workload_snapshot_pct_mean");
  write_file(dir / "batch" / "sweep.resolved.yaml", resolved);
  const CommandResult report = run_probsim("report " + quoted(dir / "batch") + " --quiet");
  ASSERT_EQ(report.exit_status, 0) << report.output;
  EXPECT_NE(report.output.find("warning: report: headline KPI 'workload_snapshot_pct_mean' (the sweep's "
                               "headline_kpis) is in no point's results"),
            std::string::npos)
      << report.output;
  EXPECT_EQ(report.output.find("reviews_on_time_share'"), std::string::npos) << report.output;
}
