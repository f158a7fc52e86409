// Inputs that used to be accepted and then ignored, run for hours or exhaust memory (issue 23), each
// driven through the probsim executable as a user would: the command must be refused with a message
// naming the option, file, line or key, and leave nothing behind; or, where the input is given a
// meaning instead, the run must show that meaning.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// A national KPI's value in a run's kpis.csv for replication 1.
std::string kpi_value(const fs::path& run_dir, const std::string& name) {
  for (const auto& row : national_kpi_rows(csv_rows(run_dir / "kpis.csv")))
    if (row.size() >= 3 && row[0] == "1" && row[1] == name) return row[2];
  return "";
}

TEST(CountOptions, NegativeMalformedAndHugeCountsAreRefusedNamingTheOption) {
  const fs::path dir = fresh_directory("count-options");
  struct Case {
    const char* arguments;
    const char* message;
  } cases[] = {
      {"--reps -1", "the argument ('-1') for option '--reps' is not a whole number"},
      {"--reps 3x", "the argument ('3x') for option '--reps' is not a whole number"},
      {"--jobs 200000", "the argument ('200000') for option '--jobs' is above the limit of 100000"},
      {"--threads -2", "the argument ('-2') for option '--threads' is not a whole number"},
      {"--reps 1000000000", "the argument ('1000000000') for option '--reps' is above the limit of 100000"},
      {"--seed -1",
       "the argument ('-1') for option '--seed' is not a whole number from 0 to 18446744073709551615"},
      {"--seed 18446744073709551616", "for option '--seed' is not a whole number from 0"},
      {"--set simulation.warm_up_weeks", "--set takes key.path=value, not 'simulation.warm_up_weeks'"},
      {"--set =5", "--set takes key.path=value, not '=5'"},
  };
  for (const Case& c : cases) {
    const fs::path out = dir / "out";
    const CommandResult result = run_probsim(std::string("run scenarios/example_pdu.yaml --out '") +
                                             out.string() + "' " + c.arguments);
    EXPECT_EQ(result.exit_status, 2) << c.arguments << "\n" << result.output;
    EXPECT_TRUE(contains(result.output, c.message)) << c.arguments << "\n" << result.output;
    EXPECT_TRUE(fs::is_empty(dir)) << c.arguments;
  }
}

// A directory where a file is expected is called a directory, not a missing file.
TEST(Paths, ADirectoryGivenAsAScenarioOrExtendsOrCsvIsNamedAsOne) {
  const fs::path dir = fresh_directory("directory-paths");
  fs::create_directories(dir / "d");
  const CommandResult scenario = run_probsim("validate '" + (dir / "d").string() + "'");
  EXPECT_EQ(scenario.exit_status, 1) << scenario.output;
  EXPECT_TRUE(contains(scenario.output, "is a directory, not a scenario file")) << scenario.output;
  write_file(dir / "e.yaml", "extends: d\nname: x\n");
  const CommandResult extends = run_probsim("validate '" + (dir / "e.yaml").string() + "'");
  EXPECT_EQ(extends.exit_status, 1) << extends.output;
  EXPECT_TRUE(contains(extends.output, "e.yaml:1:10: error: key 'extends': the path it names is a directory"))
      << extends.output;
  const CommandResult csv = run_probsim(
      "validate scenarios/example_region_snapshot.yaml --set "
      "simulation.staff_csv='" +
      dir.string() + "'");
  EXPECT_EQ(csv.exit_status, 1) << csv.output;
  EXPECT_TRUE(contains(csv.output, "key 'simulation.staff_csv': is a directory, not a CSV file"))
      << csv.output;
}

TEST(SweepLimits, AGridOfTwoToTheSixtyFourPointsIsRefusedNotRunAsOnePoint) {
  const fs::path dir = fresh_directory("sweep-2-64");
  std::string sweep = "name: huge\nscenarios: ['" + source_path("scenarios/example_pdu.yaml") +
                      "']\nreplications_per_point: 1\nparameters:\n";
  for (int k = 0; k < 64; ++k) sweep += "  simulation.key" + std::to_string(k) + ": [1, 2]\n";
  write_file(dir / "huge.yaml", sweep);
  const CommandResult result = run_probsim("batch '" + (dir / "huge.yaml").string() + "' --dry-run --out '" +
                                           (dir / "out").string() + "'");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, (dir / "huge.yaml").string() + ":4:")) << result.output;
  EXPECT_TRUE(contains(result.output, "more than 100000 points")) << result.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(SweepLimits, TenMillionPointsAreRefusedEvenForADryRun) {
  const fs::path dir = fresh_directory("sweep-10-7");
  std::string values = "[";
  for (int v = 0; v < 10; ++v) values += (v ? ", " : "") + std::to_string(v + 1);
  values += "]";
  std::string sweep = "name: big\nscenarios: ['" + source_path("scenarios/example_pdu.yaml") +
                      "']\nreplications_per_point: 1\nparameters:\n";
  for (int k = 0; k < 7; ++k) sweep += "  simulation.key" + std::to_string(k) + ": " + values + "\n";
  write_file(dir / "big.yaml", sweep);
  const CommandResult result = run_probsim("batch '" + (dir / "big.yaml").string() + "' --dry-run");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "more than 100000 points")) << result.output;
}

TEST(SweepLimits, OneScenarioSpeltTwoWaysIsRefused) {
  const fs::path dir = fresh_directory("sweep-same-scenario");
  const std::string sweep = "name: twice\nscenarios:\n  - '" + source_path("scenarios/example_pdu.yaml") +
                            "'\n  - '" + source_path("scenarios/../scenarios/./example_pdu.yaml") +
                            "'\nreplications_per_point: 1\n";
  write_file(dir / "twice.yaml", sweep);
  const CommandResult result = run_probsim("batch '" + (dir / "twice.yaml").string() + "' --dry-run");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, (dir / "twice.yaml").string() + ":4:")) << result.output;
  EXPECT_TRUE(contains(result.output, "is the scenario already listed at line 3")) << result.output;
}

// The referral trend compounds from report_start; the warm start before it is flat. So the starting
// caseload does not depend on the trend at all (the same people arrive before report_start, under
// common random numbers), even at the range's ends, where it used to grow 10^7-fold and hang.
TEST(ReferralTrend, TheWarmStartIsTheSameWhateverTheTrend) {
  const fs::path dir = fresh_directory("trend-warm-start");
  std::string caseload_start[3];
  double referrals[3] = {};
  const char* trends[3] = {"0", "-99", "1000"};
  for (int i = 0; i < 3; ++i) {
    const fs::path out = dir / (std::string("trend") + std::to_string(i));
    const CommandResult result = run_probsim(
        "run scenarios/example_pdu.yaml --reps 1 --quiet --set simulation.report_end=2023-03-31 --set "
        "referrals.trend_pct_per_year=" +
        std::string(trends[i]) + " --out '" + out.string() + "'");
    ASSERT_EQ(result.exit_status, 0) << result.output;
    caseload_start[i] = kpi_value(out, "caseload_start");
    ASSERT_FALSE(caseload_start[i].empty());
    referrals[i] = std::stod(kpi_value(out, "referrals"));
  }
  EXPECT_EQ(caseload_start[1], caseload_start[0]);
  EXPECT_EQ(caseload_start[2], caseload_start[0]);
  // ...and the trend does act inside the window: fewer referrals at -99% a year, more at +1000%.
  EXPECT_LT(referrals[1], referrals[0]);
  EXPECT_GT(referrals[2], referrals[0]);
}

TEST(EventLog, ARunWithNoCaseEventsWritesAnEventsFileWithItsHeaderOnly) {
  const fs::path dir = fresh_directory("no-events");
  const fs::path out = dir / "out";
  const CommandResult result = run_probsim(
      "run scenarios/example_pdu.yaml --reps 2 --quiet --events --set simulation.warm_start=empty "
      "--set simulation.report_end=2023-02-28 --set regions.0.pdus.Northgate.referrals_per_week=0 --set "
      "regions.0.pdus.Eastmoor.referrals_per_week=0 --set regions.0.pdus.Southbridge.referrals_per_week=0 "
      "--out '" +
      out.string() + "'");
  ASSERT_EQ(result.exit_status, 0) << result.output;
  EXPECT_TRUE(fs::exists(out / "events.csv"));
  EXPECT_TRUE(csv_rows(out / "events.csv").empty());
}

// `weights` given in a derived file over a base `uniform` used to be merged beside it and ignored.
TEST(Extends, WeightsOverABaseUniformReplaceItAndAreCheckedAsAWhole) {
  const fs::path dir = fresh_directory("weights-over-uniform");
  write_file(dir / "derived.yaml",
             "extends: '" + source_path("scenarios/example_pdu.yaml") +
                 "'\ncase_mix:\n  sentence_length_months:\n    licence: {weights: [1, 2]}\n");
  const CommandResult result = run_probsim("validate '" + (dir / "derived.yaml").string() + "'");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "case_mix.sentence_length_months.licence")) << result.output;
}

// An --out that cannot be written is said of the path as given: the temporary or lock file beside it
// ("cannot rename nonempty.tmp.vm.393", "cannot create /proc/x.lock") meant nothing to the user.
TEST(OutPaths, AnUnwritableOutIsNamedAsGivenNotByItsTemporaryFile) {
  const fs::path dir = fresh_directory("out-paths");
  const std::string window = " --set simulation.report_end=2023-03-31 --set simulation.warm_up_weeks=4 ";
  ASSERT_EQ(run_probsim("run scenarios/example_pdu.yaml -q --reps 2" + window + "--out '" +
                        (dir / "base").string() + "'")
                .exit_status,
            0);
  fs::create_directories(dir / "folder");
  const std::string compare =
      "compare '" + (dir / "base").string() + "' '" + (dir / "base").string() + "' -q";
  const CommandResult folder = run_probsim(compare + " --out '" + (dir / "folder").string() + "'");
  EXPECT_EQ(folder.exit_status, 1) << folder.output;
  EXPECT_TRUE(contains(folder.output,
                       "--out: " + (dir / "folder").string() + " is a directory; give a file name, such as"))
      << folder.output;
  const CommandResult nowhere =
      run_probsim(compare + " --out '" + (dir / "nowhere" / "x.csv").string() + "'");
  EXPECT_EQ(nowhere.exit_status, 1) << nowhere.output;
  EXPECT_TRUE(contains(nowhere.output, "no such directory to write x.csv in")) << nowhere.output;
  const CommandResult proc =
      run_probsim("run scenarios/example_pdu.yaml -q --reps 1" + window + "--out /proc/probsim-out");
  EXPECT_EQ(proc.exit_status, 1) << proc.output;
  EXPECT_TRUE(contains(proc.output, "cannot write the results directory /proc/probsim-out (--out)"))
      << proc.output;
  EXPECT_FALSE(contains(folder.output + nowhere.output + proc.output, ".tmp")) << "no temporary names";
  EXPECT_FALSE(contains(proc.output, ".lock")) << proc.output;
}

// A key path step that is one list item's index and another's name used to reach the first of them in
// the list's order, so with PDUs named '2' (item 0) and '0' (item 2), pdus.2 and pdus.0 both set item 0.
TEST(KeyPaths, AStepThatIsOneItemsIndexAndAnothersNameIsRefused) {
  const fs::path dir = fresh_directory("numbered-names");
  std::string text = read_file(source_path("scenarios/example_pdu.yaml"));
  for (const auto& [from, to] :
       {std::pair{"name: Northgate", "name: '2'"}, std::pair{"name: Southbridge", "name: '0'"}})
    text.replace(text.find(from), std::string(from).size(), to);
  text.replace(text.find("extends: "), 9, "extends: " + source_path("scenarios") + "/");
  write_file(dir / "numbered.yaml", text);
  const std::string validate = "validate '" + (dir / "numbered.yaml").string() + "' --set regions.0.pdus.";
  const CommandResult two = run_probsim(validate + "2.referrals_per_week=7");
  EXPECT_EQ(two.exit_status, 1) << two.output;
  EXPECT_TRUE(contains(two.output, "'2' is both the index of list item 2 and the name of item 0"))
      << two.output;
  const CommandResult zero = run_probsim(validate + "0.referrals_per_week=7");
  EXPECT_EQ(zero.exit_status, 1) << zero.output;
  EXPECT_TRUE(contains(zero.output, "'0' is both the index of list item 0 and the name of item 2"))
      << zero.output;
  // A step that is an index alone, or a name alone, reaches its one item.
  EXPECT_EQ(run_probsim(validate + "1.referrals_per_week=7").exit_status, 0);
  EXPECT_EQ(run_probsim(validate + "Eastmoor.referrals_per_week=7").exit_status, 0);
}

// Weights that are each finite but overflow when summed were all divided by infinity, to 0: the memory
// estimate (which reads the lengths' mean) fell by a quarter. They are read in proportion, as [1, 1].
TEST(Distributions, WeightsWhoseSumOverflowsAreReadInProportion) {
  const auto estimate = [](const std::string& weights) {
    const CommandResult r = run_probsim(
        "validate scenarios/example_pdu.yaml --set 'case_mix.sentence_length_months.licence={values: [1, "
        "12], "
        "weights: " +
        weights + "}'");
    EXPECT_EQ(r.exit_status, 0) << r.output;
    return r.output.substr(r.output.find("estimated memory"));
  };
  EXPECT_EQ(estimate("[1e308, 1e308]"), estimate("[1, 1]"));
}

// Three refusals a probe found worded for the program, not the user: an empty key path step was "unknown
// key" with no key, report's --out of a directory was a failed rename of a temporary name, and an empty
// name in --precision-kpis (an unset shell variable) was skipped, so the rule did not wait for that KPI.
TEST(Wording, AnEmptyStepADirectoryAsReportOutAndAnEmptyPrecisionKpiAreNamed) {
  const CommandResult step =
      run_probsim("validate scenarios/example_pdu.yaml --set .simulation.report_end=2023-03-31");
  EXPECT_EQ(step.exit_status, 1) << step.output;
  EXPECT_TRUE(contains(step.output, "the key path has an empty step")) << step.output;
  const fs::path dir = fresh_directory("wording-refusals");
  ASSERT_EQ(run_probsim(
                "run scenarios/example_pdu.yaml -q --reps 1 --set simulation.report_end=2023-03-31 --out '" +
                (dir / "run").string() + "'")
                .exit_status,
            0);
  fs::create_directories(dir / "pages");
  const CommandResult page =
      run_probsim("report '" + (dir / "run").string() + "' -q --out '" + (dir / "pages").string() + "'");
  EXPECT_EQ(page.exit_status, 1) << page.output;
  EXPECT_TRUE(contains(page.output, (dir / "pages").string() + " is a directory; give a file name"))
      << page.output;
  EXPECT_FALSE(contains(page.output, ".tmp")) << page.output;
  for (const char* list : {"referrals,,caseload_mean", "referrals,", ",referrals"}) {
    const CommandResult kpis = run_probsim(
        std::string("run scenarios/example_pdu.yaml -q --reps 2 --precision 0.1 --precision-kpis ") + list);
    EXPECT_EQ(kpis.exit_status, 2) << list << "\n" << kpis.output;
    EXPECT_TRUE(contains(kpis.output, "has an empty name, before, between or after its commas"))
        << kpis.output;
  }
}

// A list of one item: its one index is "index 0", not "indices 0-0".
TEST(Wording, AOneItemListHasIndexZero) {
  const CommandResult r = run_probsim("validate scenarios/example_pdu.yaml --set regions.3.name=x");
  EXPECT_EQ(r.exit_status, 1) << r.output;
  EXPECT_TRUE(contains(r.output, "no list item has that index or name (index 0; names 'Example region')"))
      << r.output;
}

// A value too large (or small) for the machine to hold was called "not a whole number" or "not a
// number"; it is a value out of the key's range, and the range is said.
TEST(Wording, ANumberBeyondWhatCanBeHeldIsOutOfTheKeysRange) {
  const std::pair<const char*, const char*> cases[] = {
      {"regions.0.pdus.0.staff.0.headcount=4294967297",
       "expected a whole number between 0 and 100000, found "
       "4294967297"},
      {"simulation.warm_up_weeks=18446744073709551617", "expected a whole number between 0 and 2600"},
      {"regions.0.pdus.0.referrals_per_week=1e400", "found 1e400, beyond what a number can hold here"},
      {"regions.0.pdus.0.referrals_per_week=1e-400", "found 1e-400, beyond what a number can hold here"},
  };
  for (const auto& [set, message] : cases) {
    const CommandResult r = run_probsim(std::string("validate scenarios/example_pdu.yaml --set ") + set);
    EXPECT_EQ(r.exit_status, 1) << set << "\n" << r.output;
    EXPECT_TRUE(contains(r.output, message)) << set << "\n" << r.output;
  }
}

// bench printed the threads asked for, 100000, where the offices' day runs on one a PDU at most.
TEST(Wording, BenchPrintsTheThreadsItUsedAndCountsInTheSingular) {
  const CommandResult r =
      run_probsim("bench scenarios/example_pdu.yaml --threads 100000 --set simulation.report_end=2023-01-31");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_TRUE(contains(r.output, "example_pdu (1 region, 3 PDUs)")) << r.output;
  EXPECT_TRUE(contains(r.output, "threads             3 (running the PDU offices' day; 100000 asked for"))
      << r.output;
}

}  // namespace
}  // namespace probsim::testing
