// The national validation of docs/validation.md: runs scenarios/england_wales_2022.yaml and checks each
// calibration target marked `asserted` in tests/validation/england_wales_2022_targets.csv (CT-1..CT-4,
// with their CT-n IDs) against the simulated mean, within the tolerance stated there and in the
// document: at most 5 percentage points on a share, 15% on a count. CT-4 is read literally (§9): the
// starters' exited share and their completed share; the order-ended reading is a diagnostic only.
//
// It is meant to be able to fail: PROBSIM_VALIDATION_EXTRA_ARGS adds arguments to the run, e.g.
//   PROBSIM_VALIDATION_EXTRA_ARGS='--set interventions.bbr.attendance_probability=0.7'
// in the environment of build/tests/cli_tests --gtest_filter='Validation.*'
// (docs/validation.md records what such a perturbation gives).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

namespace probsim::testing {
namespace {

// Rows of a CSV with a header, as maps from column name to value.
std::vector<std::map<std::string, std::string>> read_table(const std::filesystem::path& path) {
  std::vector<std::map<std::string, std::string>> rows;
  const std::string text = read_file(path);
  std::vector<std::string> header;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::string line = text.substr(at, end - at);
    at = end == std::string::npos ? text.size() : end + 1;
    if (line.empty() || line[0] == '#') continue;
    const auto fields = parse_csv_line(line);
    if (header.empty()) {
      header = fields;
      continue;
    }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// CT-6 (SI-6) counts referrals and completions from 1 April 2022 to 13 February 2023, after the
// scenario's window (it ends with 2022, CT-10's December workforce): its rows are checked by their own
// run, extended to that day, with the structured interventions' cohort report
// (docs/validation/09-bbr-delivery.md §9.7).
const std::string kStructuredInterventions = "CT-6";

// CT-17 read as written (docs/validation/10-workload.md §10.8): the national mean WMT % in the week to
// 7 Feb 2023 (PUB-14), a one-day snapshot at the end of 7 Feb. It is after the 2022 window, so it is read
// from the CT-6 run, which runs on to 13 Feb 2023, with simulation.workload_snapshot_on set.
const std::string kWorkloadSnapshotKpi = "workload_snapshot_pct_mean";

// CT-13 read as written (docs/validation/10-workload.md §10.16): of the DA cases under supervision at the end
// of the same day, begun in the run, the share whose start SARA is done. Read from the same run.
const std::string kSaraSnapshotKpi = "sara_snapshot_completed_share";
// TS-1 read the same way (§10.16's addendum): of the DA cases begun 26 to 30 weeks before that day (the
// inspection sample's age), the share whose home visit is done.
const std::string kHomeVisitSnapshotKpi = "home_visit_snapshot_sample_completed_share";
// AR-6 (§10.16's addendum 2): of the same sample, the share whose start SARA is done.
const std::string kSaraSampleKpi = "sara_snapshot_sample_completed_share";
// MS-1 and VIC-3 (§9.17): of the same sample, the share with a DA intervention begun, and with a BBR
// requirement made.
const std::string kInterventionSampleStartedKpi = "intervention_sample_started_share";
const std::string kInterventionSampleBbrKpi = "intervention_sample_bbr_required_share";
// IS-2 (§9.18): of the requirements whose start was recorded 7 to 9 months before, the share with a second.
const std::string kSecondStartKpi = "intervention_started_sample_second_start_share";

// CT-17's year (PUB-15: "about 120%" across 2023, from the monthly snapshots on the first day of each
// month). Not a KPI of the run: the test averages the national month-end workload_pct_mean of
// 31 Dec 2022 .. 30 Nov 2023 (the states at the start of 1 Jan .. 1 Dec 2023) in each replication of
// scenarios/england_wales_2023.yaml, as scripts/wmt_loss.py does, then over the replications.
const std::string kWorkload2023MonthlyKpi = "workload_2023_monthly_snapshots_pct_mean";

// The rows of `id` checked against `mean`: the asserted ones within their tolerance, the others printed
// with their gap. Returns how many were asserted.
int check_targets(const std::map<std::string, double>& mean, const std::string& id,
                  const std::string& only_kpi = "") {
  int asserted = 0;
  for (const auto& target : read_table(source_path("tests/validation/england_wales_2022_targets.csv"))) {
    if (target.at("id") != id || (!only_kpi.empty() && target.at("kpi") != only_kpi)) continue;
    const std::string& kpi = target.at("kpi");
    const double want = std::stod(target.at("target"));
    if (target.at("asserted") != "true") {
      if (mean.count(kpi))
        std::cout << "not asserted: " << target.at("id") << " " << kpi << " simulated " << mean.at(kpi)
                  << ", target " << want << " (gap " << mean.at(kpi) - want << ")\n";
      continue;
    }
    EXPECT_TRUE(mean.count(kpi)) << "no KPI " << kpi << " in summary.csv";
    if (!mean.count(kpi)) continue;
    const double got = mean.at(kpi), tolerance = std::stod(target.at("tolerance"));
    const std::string what = target.at("id") + " " + kpi + ": simulated mean " + std::to_string(got) +
                             ", target " + target.at("target") + " (" + target.at("source") + ")";
    if (target.at("tolerance_kind") == "absolute") {
      EXPECT_LE(std::abs(got - want), tolerance) << what << ", tolerance ±" << target.at("tolerance");
    } else {
      EXPECT_EQ(target.at("tolerance_kind"), "relative") << "unknown tolerance_kind for " << kpi;
      EXPECT_LE(std::abs(got / want - 1.0), tolerance)
          << what << ", tolerance ±" << target.at("tolerance") << " of the target";
    }
    ++asserted;
  }
  return asserted;
}

// A row read on the snapshot day: the run produced its KPI, the targets file has it, and it is checked.
void check_snapshot_row(const std::map<std::string, double>& mean, const std::string& id,
                        const std::string& kpi) {
  EXPECT_TRUE(mean.count(kpi)) << "no " << kpi << " in summary.csv";
  bool found = false;
  for (const auto& target : read_table(source_path("tests/validation/england_wales_2022_targets.csv")))
    found = found || (target.at("id") == id && target.at("kpi") == kpi);
  EXPECT_TRUE(found) << id << " " << kpi << " is in the targets file";
  check_targets(mean, id, kpi);
}

TEST(Validation, EnglandWales2022MatchesTheNationalBbrPipelineWithinTolerance) {
  const auto out = fresh_directory("validation") / "run";
  const char* extra = std::getenv("PROBSIM_VALIDATION_EXTRA_ARGS");
  // Six replications on two cores: 10–15 s alone (docs/validation.md, "The test"). CT-4's split
  // varies most between replications (completed: sd 3 points), so fewer would test the seeds' luck.
  const CommandResult r =
      run_probsim("run scenarios/england_wales_2022.yaml --reps 6 --jobs 2 --quiet --out '" + out.string() +
                  "' " + (extra != nullptr ? extra : ""));
  ASSERT_EQ(r.exit_status, 0) << r.output;

  std::map<std::string, double> mean;
  for (const auto& row : read_table(out / "summary.csv"))
    if (row.at("level") == "national") mean[row.at("kpi")] = std::stod(row.at("mean"));

  int asserted = 0;
  for (const auto& target : read_table(source_path("tests/validation/england_wales_2022_targets.csv"))) {
    if (target.at("asserted") != "true" || target.at("id") == kStructuredInterventions ||
        target.at("kpi") == kWorkloadSnapshotKpi || target.at("kpi") == kWorkload2023MonthlyKpi)
      continue;
    const std::string& kpi = target.at("kpi");
    ASSERT_TRUE(mean.count(kpi)) << "no KPI " << kpi << " in summary.csv";
    const double want = std::stod(target.at("target"));
    const double tolerance = std::stod(target.at("tolerance"));
    const double got = mean.at(kpi);
    const std::string& kind = target.at("tolerance_kind");
    const std::string what = target.at("id") + " " + kpi + ": simulated mean " + std::to_string(got) +
                             ", target " + target.at("target") + " (" + target.at("source") + ")";
    if (kind == "absolute") {
      EXPECT_LE(std::abs(got - want), tolerance) << what << ", tolerance ±" << target.at("tolerance");
    } else {
      ASSERT_EQ(kind, "relative") << "unknown tolerance_kind for " << kpi;
      EXPECT_LE(std::abs(got / want - 1.0), tolerance)
          << what << ", tolerance ±" << target.at("tolerance") << " of the target";
    }
    ++asserted;
  }
  // CT-1, CT-2's three shares, CT-3, and CT-4's exited and completed shares of starters (literal reading).
  EXPECT_GE(asserted, 7);

  // The rows not asserted are documented mismatches or input checks (docs/validation.md §6,
  // validation/09-bbr-delivery.md §9.6, validation/10-workload.md §10.6):
  // each run reports its measured gap, so a change that closes (or widens) one is seen. CT-17's national mean
  // WMT % must be among them, with the tolerance stated in §10.1.
  bool workload_reported = false;
  for (const auto& target : read_table(source_path("tests/validation/england_wales_2022_targets.csv"))) {
    if (target.at("asserted") == "true" || !mean.count(target.at("kpi")) ||
        target.at("kpi") == kWorkloadSnapshotKpi)
      continue;
    const double got = mean.at(target.at("kpi"));
    std::cout << "not asserted: " << target.at("id") << " " << target.at("kpi") << " simulated " << got
              << ", target " << target.at("target") << " (gap " << got - std::stod(target.at("target"))
              << ")\n";
    if (target.at("id") == "CT-17" && target.at("kpi") == "workload_pct_mean") {
      workload_reported = true;
      EXPECT_EQ(target.at("tolerance_kind"), "absolute");
      EXPECT_EQ(target.at("tolerance"), "5")
          << "docs/validation/10-workload.md §10.1: within 5 points of WMT %";
    }
  }
  EXPECT_TRUE(workload_reported) << "CT-17's national mean is in the targets file";
}

// Also CT-17's week to 7 Feb 2023 (kWorkloadSnapshotKpi), which this run is the first to reach.
TEST(Validation, EnglandWales2022StructuredInterventionsAgainstCt6) {
  const auto out = fresh_directory("validation_ct6") / "run";
  const char* extra = std::getenv("PROBSIM_VALIDATION_EXTRA_ARGS");
  // Four replications: the SI counts' CIs are within a tenth of their gaps
  // (docs/validation/09-bbr-delivery.md §9.7).
  const CommandResult r = run_probsim(
      "run scenarios/england_wales_2022.yaml --reps 4 --jobs 2 --quiet --set "
      "simulation.report_end=2023-02-13 --set simulation.workload_snapshot_on=2023-02-07 "
      "--set 'interventions.si_cohort_report={requirements_from: 2022-04-01, requirements_to: 2023-02-13, "
      "status_on: 2023-02-13}' --out '" +
      out.string() + "' " + (extra != nullptr ? extra : ""));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  std::map<std::string, double> mean;
  std::map<std::string, double> region_snapshot;  // CT-17's regions, 7 Feb 2023
  for (const auto& row : read_table(out / "summary.csv")) {
    if (row.at("level") == "national") mean[row.at("kpi")] = std::stod(row.at("mean"));
    if (row.at("level") == "region" && row.at("kpi") == kWorkloadSnapshotKpi)
      region_snapshot[row.at("unit")] = std::stod(row.at("mean"));
  }
  // Every CT-6 row is measured here (asserted or reported with its gap).
  int rows = 0;
  for (const auto& target : read_table(source_path("tests/validation/england_wales_2022_targets.csv")))
    if (target.at("id") == kStructuredInterventions) {
      EXPECT_TRUE(mean.count(target.at("kpi"))) << target.at("kpi");
      ++rows;
    }
  EXPECT_GE(rows, 6);
  check_targets(mean, kStructuredInterventions);

  // The rows read on the snapshot day, 7 Feb 2023, each asserted or reported with its gap like any other:
  // CT-17's week (§10.8), CT-13's SARAs, TS-1's home visits and AR-6's SARAs (§10.16), MS-1's and VIC-3's
  // DA interventions (§9.17) and IS-2's second starts (§9.18; shares, so within [0, 1]).
  check_snapshot_row(mean, "CT-17", kWorkloadSnapshotKpi);
  for (const auto& [id, kpi] :
       {std::pair{"CT-13", kSaraSnapshotKpi}, std::pair{"TS-1", kHomeVisitSnapshotKpi},
        std::pair{"AR-6", kSaraSampleKpi}, std::pair{"MS-1", kInterventionSampleStartedKpi},
        std::pair{"VIC-3", kInterventionSampleBbrKpi}, std::pair{"IS-2", kSecondStartKpi}}) {
    check_snapshot_row(mean, id, kpi);
    if (!mean.count(kpi)) continue;
    EXPECT_GE(mean.at(kpi), 0.0) << kpi;
    EXPECT_LE(mean.at(kpi), 1.0) << kpi;
  }

  // CT-17's regions (PUB-14: 8 of 12 above 110%, London highest at 126.8%): a documented mismatch
  // (docs/validation/10-workload.md §10.8), reported with its gap on every run, not asserted.
  ASSERT_EQ(region_snapshot.size(), 12u);
  int above_110 = 0, london_rank = 1;
  for (const auto& [region, pct] : region_snapshot) {
    above_110 += pct > 110.0 ? 1 : 0;
    if (region != "London" && pct > region_snapshot.at("London")) ++london_rank;
  }
  std::cout << "not asserted: CT-17 regions above 110% on 7 Feb 2023: " << above_110
            << " of 12 (target 8); London's rank " << london_rank << " at " << region_snapshot.at("London")
            << " (target 1st at 126.8)\n";
}

// CT-17's 2023 (PUB-15), read as written: the mean of 2023's twelve monthly snapshots, from the national
// scenario run on to the end of 2023 (docs/validation/10-workload.md §10.8, §10.10, §10.22).
TEST(Validation, EnglandWales2023MonthlyWorkloadAgainstPub15) {
  const auto out = fresh_directory("validation_2023") / "run";
  const char* extra = std::getenv("PROBSIM_VALIDATION_EXTRA_ARGS");
  const CommandResult r =
      run_probsim("run scenarios/england_wales_2023.yaml --reps 4 --jobs 2 --quiet --out '" + out.string() +
                  "' " + (extra != nullptr ? extra : ""));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  std::vector<std::string> snapshot_days = {"2022-12-31"};
  for (const char* day : {"2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31", "2023-06-30",
                          "2023-07-31", "2023-08-31", "2023-09-30", "2023-10-31", "2023-11-30"})
    snapshot_days.emplace_back(day);
  std::map<std::string, std::map<std::string, double>> by_replication;  // replication -> day -> WMT %
  for (const auto& row : read_table(out / "timeseries.csv"))
    if (row.at("level") == "national" && row.at("metric") == "workload_pct_mean")
      by_replication[row.at("replication")][row.at("date")] = std::stod(row.at("value"));
  ASSERT_EQ(by_replication.size(), 4u);
  double sum = 0;
  for (const auto& [replication, monthly] : by_replication) {
    double replication_sum = 0;
    for (const auto& day : snapshot_days) {
      ASSERT_TRUE(monthly.count(day)) << "no national workload_pct_mean on " << day << " in " << replication;
      replication_sum += monthly.at(day);
    }
    sum += replication_sum / static_cast<double>(snapshot_days.size());
  }
  const std::map<std::string, double> mean = {
      {kWorkload2023MonthlyKpi, sum / static_cast<double>(by_replication.size())}};
  // Asserted or reported with its gap, as its row of the targets file says (docs/validation/10-workload.md
  // §10.22).
  check_snapshot_row(mean, "CT-17", kWorkload2023MonthlyKpi);
}

}  // namespace
}  // namespace probsim::testing
