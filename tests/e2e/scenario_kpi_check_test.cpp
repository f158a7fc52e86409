// kpi_the_scenario_does_not_write (sim/runner/scenario_kpi_check.hpp) says before a run which KPIs the run
// will not write, from the scenario's settings. Its rules are held here to what runs write: for every
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
