// `probsim compare`: two runs of the same scenario and seed differ by exactly nothing; under common
// random numbers a staffing change shows as a resolved difference while the referrals stay paired;
// anything that is not a finished run is refused.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::vector<std::string>> comparison(const fs::path& csv) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "level,unit,kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero");
  std::map<std::string, std::vector<std::string>> rows;  // the nation's, from kpi on
  while (std::getline(in, line)) {
    auto fields = probsim::parse_csv_line(line);
    if (fields[0] != "national") continue;
    fields.erase(fields.begin(), fields.begin() + 2);
    rows[fields[0]] = fields;
  }
  return rows;
}

const std::string kRun = "run scenarios/example_pdu.yaml --quiet --set simulation.report_end=2023-12-31 ";

}  // namespace

TEST(Compare, IdenticalScenariosGiveZeroDifferences) {
  const auto dir = fresh_directory("compare_identical");
  ASSERT_EQ(run_probsim(kRun + "--reps 4 --seed 3 --out " + quoted(dir / "base")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + "--reps 4 --seed 3 --jobs 1 --out " + quoted(dir / "other")).exit_status, 0);
  const CommandResult r = run_probsim("compare " + quoted(dir / "base") + " " + quoted(dir / "other"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("4 pairs of replications (same base seed 3: common random numbers)"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
  const auto rows = comparison(dir / "other" / "comparison.csv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& [kpi, row] : rows) {
    EXPECT_EQ(row[1], "4") << kpi;
    EXPECT_EQ(row[2], row[3]) << kpi << ": same means";
    for (int column : {4, 5, 6, 7}) EXPECT_EQ(row[column], "0") << kpi << " column " << column;
    EXPECT_EQ(row[8], "false") << kpi;
  }
}

TEST(Compare, AStaffingChangeIsResolvedByThePairing) {
  const auto dir = fresh_directory("compare_staffing");
  ASSERT_EQ(run_probsim(kRun + "--reps 4 --seed 5 --out " + quoted(dir / "base")).exit_status, 0);
  ASSERT_EQ(
      run_probsim(kRun + "--reps 4 --seed 5 --set regions.0.pdus.Southbridge.staff.0.headcount=9 --out " +
                  quoted(dir / "plus4"))
          .exit_status,
      0);
  const CommandResult r = run_probsim("compare " + quoted(dir / "base") + " " + quoted(dir / "plus4") +
                                      " --out " + quoted(dir / "plus4_vs_base.csv"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  const auto rows = comparison(dir / "plus4_vs_base.csv");
  // The same people arrive and leave (common random numbers): no difference at all.
  for (const char* kpi : {"referrals", "caseload_mean", "terminations_early"}) {
    ASSERT_TRUE(rows.count(kpi)) << kpi;
    EXPECT_EQ(rows.at(kpi)[4], "0") << kpi;
    EXPECT_EQ(rows.at(kpi)[8], "false") << kpi;
  }
  // Four more officers share Southbridge's cases: workload falls, and the pairs resolve it.
  const auto& workload = rows.at("workload_pct_mean");
  EXPECT_LT(std::stod(workload[4]), 0.0);
  EXPECT_LT(std::stod(workload[7]), 0.0) << "the whole CI is below 0";
  EXPECT_EQ(workload[8], "true");
  EXPECT_NE(r.output.find("workload_pct_mean"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "plus4" / "comparison.csv")) << "--out was given";
}

TEST(Compare, WarnsWhenTheSeedsDiffer) {
  const auto dir = fresh_directory("compare_seeds");
  ASSERT_EQ(run_probsim(kRun + "--reps 4 --seed 1 --out " + quoted(dir / "a")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + "--seed 2 --reps 3 --out " + quoted(dir / "b")).exit_status, 0);
  const CommandResult r = run_probsim("compare " + quoted(dir / "a") + " " + quoted(dir / "b"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: the runs used different base seeds (1 and 2)"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("only replications present in both are paired"), std::string::npos) << r.output;
  EXPECT_EQ(comparison(dir / "b" / "comparison.csv").at("referrals")[1], "3");
}

// Two runs over different report windows are paired, with a warning: their KPIs are over different
// periods. The same window gives no such warning.
TEST(Compare, WarnsWhenTheReportWindowsDiffer) {
  const auto dir = fresh_directory("compare_windows");
  ASSERT_EQ(run_probsim(kRun + "--reps 2 --out " + quoted(dir / "a")).exit_status, 0);
  ASSERT_EQ(
      run_probsim("run scenarios/example_pdu.yaml --quiet --set simulation.report_end=2023-06-30 --reps 2 "
                  "--out " +
                  quoted(dir / "b"))
          .exit_status,
      0);
  const CommandResult r = run_probsim("compare " + quoted(dir / "a") + " " + quoted(dir / "b"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: the runs report over different windows (2023-01-01 to 2023-12-31 in"),
            std::string::npos)
      << r.output;
  const CommandResult same = run_probsim("compare " + quoted(dir / "a") + " " + quoted(dir / "a"));
  EXPECT_EQ(same.output.find("different windows"), std::string::npos) << same.output;
}

// A run whose scenario.resolved.yaml is gone is still compared, and the warning says the file is missing
// (it used to say the file had no '# base_seed:' line).
TEST(Compare, SaysWhenARunHasNoResolvedScenario) {
  const auto dir = fresh_directory("compare_no_resolved");
  ASSERT_EQ(run_probsim(kRun + "--reps 2 --out " + quoted(dir / "a")).exit_status, 0);
  fs::copy(dir / "a", dir / "b", fs::copy_options::recursive);
  fs::remove(dir / "b" / "scenario.resolved.yaml");
  const CommandResult r = run_probsim("compare " + quoted(dir / "a") + " " + quoted(dir / "b"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("it has no scenario.resolved.yaml"), std::string::npos) << r.output;
}

// Two runs of different places: one warning that they share no PDU (the seed's pairing shares no people
// then), and the KPIs found in one run only summed up in one note per run, not one line each.
TEST(Compare, WarnsOnceWhenTheRunsShareNoPdu) {
  const auto dir = fresh_directory("compare_unrelated");
  ASSERT_EQ(run_probsim(kRun + "--reps 2 --out " + quoted(dir / "a")).exit_status, 0);
  ASSERT_EQ(run_probsim("run scenarios/rag_example.yaml --quiet --reps 2 "
                        "--out " +
                        quoted(dir / "b"))
                .exit_status,
            0);
  const CommandResult r = run_probsim("compare " + quoted(dir / "a") + " " + quoted(dir / "b") + " --by pdu");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("(same base seed 1: common random numbers, but no PDU in common)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("warning: the runs share no PDU"), std::string::npos) << r.output;
  std::size_t notes = 0;
  for (std::size_t at = r.output.find("only in"); at != std::string::npos;
       at = r.output.find("only in", at + 1))
    ++notes;
  EXPECT_EQ(notes, 2u) << r.output;
  EXPECT_NE(r.output.find("KPIs are only in " + (dir / "a").string() + " and not compared: "),
            std::string::npos)
      << r.output;
  // report --baseline warns of the same (it drew the other place's lines as the plan's baseline in silence).
  const CommandResult report =
      run_probsim("report " + quoted(dir / "b") + " --baseline " + quoted(dir / "a") + " --quiet");
  ASSERT_EQ(report.exit_status, 0) << report.output;
  EXPECT_NE(report.output.find("warning: report: the run and its baseline share no PDU"), std::string::npos)
      << report.output;
  const CommandResult same =
      run_probsim("report " + quoted(dir / "a") + " --baseline " + quoted(dir / "a") + " --quiet");
  EXPECT_EQ(same.output.find("share no PDU"), std::string::npos) << same.output;
}

TEST(Compare, RefusesWhatIsNotAFinishedRun) {
  const auto dir = fresh_directory("compare_refuses");
  ASSERT_EQ(run_probsim(kRun + "--reps 2 --out " + quoted(dir / "run")).exit_status, 0);
  const CommandResult missing = run_probsim("compare " + quoted(dir / "run") + " " + quoted(dir / "nowhere"));
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_NE(missing.output.find("no such directory"), std::string::npos) << missing.output;

  const auto sweep = quoted(write_sweep(dir, small_sweep("compare_batch")));
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  const CommandResult batch = run_probsim("compare " + quoted(dir / "batch") + " " + quoted(dir / "run"));
  EXPECT_EQ(batch.exit_status, 1);
  EXPECT_NE(batch.output.find("is a batch directory; compare two of its points"), std::string::npos)
      << batch.output;

  fs::remove(dir / "batch" / "points" / "p0001" / "kpis.csv");
  const CommandResult unfinished =
      run_probsim("compare " + quoted(dir / "batch" / "points" / "p0001") + " " + quoted(dir / "run"));
  EXPECT_EQ(unfinished.exit_status, 1);
  EXPECT_NE(unfinished.output.find("run `probsim aggregate` on the batch first"), std::string::npos)
      << unfinished.output;

  EXPECT_EQ(run_probsim("compare " + quoted(dir / "run")).exit_status, 2);
  EXPECT_EQ(run_probsim("compare --help").exit_status, 0);
}

// `compare --out` or `report --out` naming a file of a run it reads replaced the run's results with a
// comparison or a page (exit 0), and the run was lost. Refused, and the run's files are untouched.
TEST(Compare, AndReportRefuseAnOutThatWouldReplaceARunsOwnFiles) {
  const auto dir = fresh_directory("compare_out_over_run");
  const std::string window = "--set simulation.report_end=2023-03-31 --set simulation.warm_up_weeks=4 ";
  ASSERT_EQ(run_probsim(kRun + window + "--reps 2 --out " + quoted(dir / "base")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + window + "--reps 2 --out " + quoted(dir / "other")).exit_status, 0);
  const std::string kpis = read_file(dir / "base" / "kpis.csv"),
                    summary = read_file(dir / "other" / "summary.csv");
  const CommandResult compare = run_probsim("compare " + quoted(dir / "base") + " " + quoted(dir / "other") +
                                            " --quiet --out " + quoted(dir / "base" / "kpis.csv"));
  EXPECT_EQ(compare.exit_status, 1) << compare.output;
  EXPECT_NE(compare.output.find("probsim compare: --out: " + (dir / "base" / "kpis.csv").string() +
                                " is the run's own kpis.csv in " + (dir / "base").string() +
                                ": writing it would replace the run's results; choose another file name"),
            std::string::npos)
      << compare.output;
  const CommandResult report = run_probsim("report " + quoted(dir / "other") + " --quiet --out " +
                                           quoted(dir / "other" / "summary.csv"));
  EXPECT_EQ(report.exit_status, 1) << report.output;
  EXPECT_NE(report.output.find("probsim report: --out: " + (dir / "other" / "summary.csv").string() +
                               " is the run's own summary.csv"),
            std::string::npos)
      << report.output;
  const CommandResult inside = run_probsim("report " + quoted(dir / "other") + " --quiet --out " +
                                           quoted(dir / "other" / "replications" / "page.html"));
  EXPECT_EQ(inside.exit_status, 1) << inside.output;
  EXPECT_NE(inside.output.find("is inside the run's own replications/"), std::string::npos) << inside.output;
  EXPECT_EQ(read_file(dir / "base" / "kpis.csv"), kpis);
  EXPECT_EQ(read_file(dir / "other" / "summary.csv"), summary);
  EXPECT_FALSE(fs::exists(dir / "other" / "replications" / "page.html"));
  // The defaults, beside the run's files, are still written.
  EXPECT_EQ(
      run_probsim("compare " + quoted(dir / "base") + " " + quoted(dir / "other") + " --quiet").exit_status,
      0);
  EXPECT_EQ(run_probsim("report " + quoted(dir / "other") + " --quiet").exit_status, 0);
  EXPECT_TRUE(fs::exists(dir / "other" / "report.html"));
  // A comparison file read by report: the run it lies in, and the comparison itself, are kept.
  const std::string from_file = "report " + quoted(dir / "other" / "comparison.csv") + " --quiet --out ";
  EXPECT_EQ(run_probsim(from_file + quoted(dir / "other" / "kpis.csv")).exit_status, 1);
  EXPECT_EQ(run_probsim(from_file + quoted(dir / "other" / "comparison.csv")).exit_status, 1);
  const CommandResult drawn_from = run_probsim("report " + quoted(dir / "other") + " --quiet --out " +
                                               quoted(dir / "other" / "comparison.csv"));
  EXPECT_EQ(drawn_from.exit_status, 1) << drawn_from.output;
  EXPECT_NE(drawn_from.output.find("is the comparison.csv the page is drawn from"), std::string::npos)
      << drawn_from.output;
  EXPECT_EQ(read_file(dir / "other" / "kpis.csv").rfind("replication,", 0), 0u);
  EXPECT_EQ(read_file(dir / "other" / "comparison.csv").rfind("level,unit,", 0), 0u);
  // --quiet prints nothing but errors and warnings: a note (the runs' replications differ) is left out, a
  // warning (a run compared with itself) is not.
  ASSERT_EQ(run_probsim(kRun + window + "--reps 3 --out " + quoted(dir / "three")).exit_status, 0);
  const std::string differ = "compare " + quoted(dir / "base") + " " + quoted(dir / "three") + " --out " +
                             quoted(dir / "differ.csv");
  EXPECT_NE(run_probsim(differ).output.find("note: "), std::string::npos);
  const CommandResult quiet = run_probsim(differ + " --quiet");
  EXPECT_EQ(quiet.exit_status, 0) << quiet.output;
  EXPECT_EQ(quiet.output, "") << quiet.output;
  const CommandResult itself = run_probsim("compare " + quoted(dir / "base") + " " + quoted(dir / "base") +
                                           " --quiet --out " + quoted(dir / "itself.csv"));
  EXPECT_NE(itself.output.find("warning: "), std::string::npos) << itself.output;
  EXPECT_NE(itself.output.find("are the same run"), std::string::npos) << itself.output;
}
