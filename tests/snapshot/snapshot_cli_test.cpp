// warm_start: snapshot driven as a user would (issue 21): a bad CSV runs nothing and leaves nothing
// behind; two scenarios from one snapshot see the same people; a simulated day written by
// `probsim snapshot` starts a new run.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <map>
#include <set>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;

namespace {
// events.csv rows of referrals and initial cases, without the practitioner (which staffing may change).
std::multiset<std::string> arrivals(const std::filesystem::path& events_csv, std::size_t* initial) {
  std::multiset<std::string> rows;
  for (auto f : csv_rows(events_csv)) {
    if (f[5] != "referral" && f[5] != "initial") continue;
    if (f[5] == "initial") ++*initial;
    f[12].clear();
    std::string key;
    for (const auto& field : f) key += field + "|";
    rows.insert(key);
  }
  return rows;
}
}  // namespace

TEST(SnapshotCli, ABadCsvRunsNothingAndLeavesNothingBehind) {
  const auto dir = fresh_directory("snapshot_bad");
  write_file(dir / "staff.csv", "staff_id,pdu,grade,fte\nS1,Northgate,po,1.0\nS1,Eastmoor,po,1.0\n");
  write_file(dir / "caseload.csv",
             "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner\n"
             "P1,Northgate,licence,2022-06-01,2023-06-01,medium,B2,male,S1\n"
             "P2,Nowhere,licence,2022-06-31,2023-06-01,medium,B2,male,S1\n");
  write_file(dir / "scenario.yaml", "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
                                        "\nsimulation: {caseload_csv: caseload.csv, staff_csv: staff.csv}\n");
  const auto out = dir / "results";
  const CommandResult r =
      run_probsim("run '" + (dir / "scenario.yaml").string() + "' --reps 1 --out '" + out.string() + "'");
  EXPECT_NE(r.exit_status, 0);
  const std::string staff = (dir / "staff.csv").string(), caseload = (dir / "caseload.csv").string();
  EXPECT_NE(r.output.find(staff + ":3:staff_id: error: duplicate staff id 'S1' (first on line 2)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(caseload + ":3:pdu: error: PDU 'Nowhere' is not in the scenario"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(caseload +
                          ":3:sentence_start_date: error: 2022-06-31 is not a day: June 2022 has 30 days"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("3 problems found"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(out));
  // Nothing else appeared beside the inputs either.
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.insert(entry.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"caseload.csv", "scenario.yaml", "staff.csv"}));
}

TEST(SnapshotCli, TwoScenariosFromOneSnapshotSeeTheSamePeople) {
  const auto dir = fresh_directory("snapshot_crn");
  const std::string common = " --reps 2 --quiet --events --seed 11";
  const CommandResult base = run_probsim("run scenarios/example_region_snapshot.yaml" + common + " --out '" +
                                         (dir / "base").string() + "'");
  ASSERT_EQ(base.exit_status, 0) << base.output;
  // A plan that changes who holds new cases: medium-RoSH cases to probation officers only.
  const CommandResult plan = run_probsim("run scenarios/example_region_snapshot.yaml" + common +
                                         " --set 'allocation.eligible_grades_by_rosh.medium=[po]' --out '" +
                                         (dir / "plan").string() + "'");
  ASSERT_EQ(plan.exit_status, 0) << plan.output;
  std::size_t initial_base = 0, initial_plan = 0;
  const auto base_rows = arrivals(dir / "base" / "events.csv", &initial_base);
  const auto plan_rows = arrivals(dir / "plan" / "events.csv", &initial_plan);
  EXPECT_EQ(initial_base, 2u * 1140u);  // every imported case, in both replications
  EXPECT_GT(base_rows.size(), initial_base + 1000u);
  EXPECT_EQ(base_rows, plan_rows);
  // The plan did change who holds the new cases.
  EXPECT_TRUE(read_file(dir / "base" / "events.csv") != read_file(dir / "plan" / "events.csv"));
}

TEST(SnapshotCli, ASimulatedDayStartsANewRun) {
  const auto dir = fresh_directory("snapshot_continue");
  const CommandResult run = run_probsim("run scenarios/example_pdu.yaml --reps 1 --quiet --seed 4 --out '" +
                                        (dir / "run").string() + "'");
  ASSERT_EQ(run.exit_status, 0) << run.output;
  const CommandResult snap = run_probsim("snapshot '" + (dir / "run").string() +
                                         "' --date 2023-06-30 --out '" + (dir / "snap").string() + "'");
  ASSERT_EQ(snap.exit_status, 0) << snap.output;
  const auto cases = csv_rows(dir / "snap" / "caseload.csv");
  const auto staff = csv_rows(dir / "snap" / "staff.csv");
  EXPECT_GT(cases.size(), 800u);
  EXPECT_GT(staff.size(), 60u);
  // The run's caseload at the end of 2023-06-30, less the cases that end on 2023-07-01 itself.
  double caseload_then = -1;
  for (const auto& row : csv_rows(dir / "run" / "timeseries.csv"))
    if (row[1] == "2023-06-30" && row[2] == "national" && row[4] == "caseload")
      caseload_then = std::stod(row[5]);
  EXPECT_LE(static_cast<double>(cases.size()), caseload_then);
  EXPECT_GE(static_cast<double>(cases.size()), caseload_then - 10);

  write_file(
      dir / "continued.yaml",
      "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
          "\nsimulation: {report_start: 2023-07-01, report_end: 2023-12-31, caseload_csv: snap/caseload.csv,"
          " staff_csv: snap/staff.csv}\n"
          // The run had interventions on, so the snapshot has its BBR list and groups: imported with them on.
          "interventions: {enabled: true}\n");
  const CommandResult next = run_probsim("run '" + (dir / "continued.yaml").string() +
                                         "' --reps 1 --quiet --out '" + (dir / "next").string() + "'");
  ASSERT_EQ(next.exit_status, 0) << next.output;
  double start = -1;
  for (const auto& row : csv_rows(dir / "next" / "kpis.csv"))
    if (row[1] == "national" && row[3] == "caseload_start") start = std::stod(row[4]);
  EXPECT_EQ(start, static_cast<double>(cases.size()));

  // Checked before the replay: a replication the run does not have, a negative one, an --out that is a file.
  const std::string snapshot = "snapshot '" + (dir / "run").string() + "' --date 2023-06-30 ";
  const CommandResult missing =
      run_probsim(snapshot + "--replication 2 --out '" + (dir / "r2").string() + "'");
  EXPECT_EQ(missing.exit_status, 2) << missing.output;
  EXPECT_NE(missing.output.find("--replication 2 is not in " + (dir / "run").string() +
                                ", which has 1 replication (1..1)"),
            std::string::npos)
      << missing.output;
  const CommandResult negative = run_probsim(snapshot + "-r -1 --out '" + (dir / "r2").string() + "'");
  EXPECT_EQ(negative.exit_status, 2) << negative.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "r2"));
  write_file(dir / "afile", "x\n");
  const CommandResult file = run_probsim(snapshot + "--out '" + (dir / "afile").string() + "'");
  EXPECT_EQ(file.exit_status, 1) << file.output;
  EXPECT_NE(file.output.find("exists and is not a directory"), std::string::npos) << file.output;
  EXPECT_EQ(file.output.find("xbt_exception"), std::string::npos) << file.output;
}

namespace {
// replication → value of a national metric on `date` in a run's timeseries.csv.
std::map<int, double> national_on(const std::filesystem::path& timeseries, const std::string& date,
                                  const std::string& metric) {
  std::map<int, double> values;
  for (const auto& row : csv_rows(timeseries))
    if (row[1] == date && row[2] == "national" && row[4] == metric)
      values[std::stoi(row[0])] = std::stod(row[5]);
  return values;
}
struct Moments {
  double mean = 0.0, variance = 0.0;
};
Moments moments(const std::vector<double>& xs) {
  Moments m;
  for (double x : xs) m.mean += x / static_cast<double>(xs.size());
  for (double x : xs) m.variance += (x - m.mean) * (x - m.mean) / static_cast<double>(xs.size() - 1);
  return m;
}
}  // namespace

// A run continued from a snapshot of another on 2023-06-30 follows it in distribution over the next
// year: each replication of example_pdu is written out at the end of 2023-06-30 (with its BBR list and
// groups) and continued as a snapshot scenario with another seed; the caseload, mean WMT %, BBR waiting
// list and men attending of the continuations at two month ends agree with the originals' within 3.5
// standard errors of the difference (8 + 8 independent replications; fixed seeds, so the test is
// deterministic).
TEST(SnapshotCli, AContinuedRunFollowsTheOriginalInDistribution) {
  const auto dir = fresh_directory("snapshot_distribution");
  const int reps = 8;
  const CommandResult original = run_probsim(
      "run scenarios/example_pdu.yaml --reps 8 --quiet --seed 21 "
      "--set simulation.report_end=2024-06-30 --out '" +
      (dir / "original").string() + "'");
  ASSERT_EQ(original.exit_status, 0) << original.output;
  const std::vector<std::string> metrics = {"caseload", "workload_pct_mean", "bbr_waiting_list",
                                            "bbr_attending"};
  std::map<std::string, std::vector<double>> continued[2];
  const std::string dates[2] = {"2023-12-31", "2024-06-30"};
  for (int r = 1; r <= reps; ++r) {
    const std::string snap = "snap" + std::to_string(r);
    const CommandResult s =
        run_probsim("snapshot '" + (dir / "original").string() + "' --date 2023-06-30 --replication " +
                    std::to_string(r) + " --out '" + (dir / snap).string() + "'");
    ASSERT_EQ(s.exit_status, 0) << s.output;
    const auto scenario = dir / (snap + ".yaml");
    write_file(scenario,
               "extends: " + source_path("scenarios/example_region_snapshot.yaml") +
                   "\nsimulation: {report_start: 2023-07-01, report_end: 2024-06-30, caseload_csv: " + snap +
                   "/caseload.csv, staff_csv: " + snap + "/staff.csv}\ninterventions: {enabled: true}\n");
    const auto out = dir / ("next" + std::to_string(r));
    const CommandResult next = run_probsim("run '" + scenario.string() + "' --reps 1 --quiet --seed " +
                                           std::to_string(100 + r) + " --out '" + out.string() + "'");
    ASSERT_EQ(next.exit_status, 0) << next.output;
    for (int d = 0; d < 2; ++d)
      for (const std::string& metric : metrics)
        continued[d][metric].push_back(national_on(out / "timeseries.csv", dates[d], metric).at(1));
  }
  for (int d = 0; d < 2; ++d) {
    for (const std::string& metric : metrics) {
      std::vector<double> originals;
      for (const auto& [r, v] : national_on(dir / "original" / "timeseries.csv", dates[d], metric))
        originals.push_back(v);
      ASSERT_EQ(originals.size(), static_cast<std::size_t>(reps));
      const Moments a = moments(originals), b = moments(continued[d][metric]);
      const double se = std::sqrt(a.variance / reps + b.variance / reps);
      EXPECT_LE(std::abs(a.mean - b.mean), 3.5 * se) << metric << " on " << dates[d] << ": original "
                                                     << a.mean << ", continued " << b.mean << ", se " << se;
      std::cout << metric << " on " << dates[d] << ": original " << a.mean << ", continued " << b.mean
                << " (se of the difference " << se << ")\n";
    }
  }
}
