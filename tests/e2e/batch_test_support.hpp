#pragma once
// Sweeps for the batch tests: small, quick, and varied enough that striping tasks over 2 or 3 shards
// splits points between shards.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

namespace probsim::testing {

// example_pdu over half a year: 2 × 2 grid plus one explicit point = 5 points.
inline std::string small_sweep(const std::string& name, const std::string& extra = "",
                               const std::string& replications = "3") {
  return "name: " + name + "\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
         "]\n"
         "set: {simulation.report_end: 2023-06-30, simulation.warm_up_weeks: 8}\n"
         "parameters:\n"
         "  regions.0.pdus.Southbridge.staff.0.headcount: [5, 9]\n"
         "  regions.0.pdus.Northgate.referrals_per_week: [5, 7]\n"
         "points:\n"
         "  - {regions.0.pdus.Eastmoor.referrals_per_week: 2}\n"
         "replications_per_point: " +
         replications + "\nbase_seed: 7\n" + extra;
}

inline std::filesystem::path write_sweep(const std::filesystem::path& dir, const std::string& text) {
  const auto path = dir / "sweep.yaml";
  write_file(path, text);
  return path;
}

inline std::filesystem::path replications_of(const std::filesystem::path& batch, const std::string& point) {
  return batch / "points" / point / "replications";
}

inline std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

// Runs `probsim compare` of the runs `other` against `base` (both in `dir`: other minus base, pair by pair)
// and returns the comparison CSV it wrote there.
inline std::filesystem::path compare_runs(const std::filesystem::path& dir, const std::string& base,
                                          const std::string& other) {
  const std::filesystem::path out = dir / (other + "_vs_" + base + ".csv");
  const CommandResult r = run_probsim("compare " + quoted(dir / base) + " " + quoted(dir / other) +
                                      " --quiet --out " + quoted(out));
  EXPECT_EQ(r.exit_status, 0) << r.output;
  return out;
}

// A comparison CSV's national rows, by KPI, each from `kpi` on: kpi, n, base mean, other mean, difference
// mean, its sd, CI low, CI high, excludes zero.
inline std::map<std::string, std::vector<std::string>> national_comparison(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    auto fields = probsim::parse_csv_line(line);
    if (fields[0] != "national") continue;
    fields.erase(fields.begin(), fields.begin() + 2);  // level, unit
    rows[fields[0]] = fields;
  }
  return rows;
}

// The fields of a national_comparison() row by index, its KPI name being field 0 (comparison.csv's
// columns after `level` and `unit`).
namespace comparison_field {
inline constexpr int base_mean = 2, other_mean = 3, diff_mean = 4, ci95_low = 6, ci95_high = 7;
}  // namespace comparison_field

// Field `index` of `kpi`'s row of a national_comparison() (a failure, and 0, if the KPI is not there).
inline double comparison_column(const std::map<std::string, std::vector<std::string>>& rows, const char* kpi,
                                int index) {
  EXPECT_TRUE(rows.count(kpi)) << kpi;
  return rows.count(kpi) ? std::stod(rows.at(kpi)[static_cast<std::size_t>(index)]) : 0.0;
}

// The CSV files of a batch directory a sharding-independent result must reproduce: points.csv,
// sweep_summary.csv, and each point's kpis.csv, timeseries.csv and summary.csv. (The replications
// are compared too where a test says so.)
inline std::map<std::string, std::string> batch_results(const std::filesystem::path& dir,
                                                        bool with_replications = false) {
  std::map<std::string, std::string> files = files_under(dir, ".csv");
  if (!with_replications)
    for (auto it = files.begin(); it != files.end();)
      it = it->first.find("replications/") != std::string::npos ? files.erase(it) : std::next(it);
  return files;
}

}  // namespace probsim::testing
