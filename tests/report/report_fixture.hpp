#pragma once
// A small hand-made run directory with the metrics the interventions (BBR) and RAG work will add, so
// that the report's BBR and RAG sections are tested before any model produces them. The numbers are
// made up; only their names and shapes matter (docs/guides/reports.md gives the matching rules).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace probsim::testing {

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Writes scenario.resolved.yaml, summary.csv, kpis.csv and timeseries.csv into `dir` (created):
// 2 replications, January to June 2024, one region of three PDUs (Alpha, Bravo, Charlie), and
// `rag_status` for each PDU: Alpha always green, Bravo amber from March, Charlie red from April in
// replication 1 and from May in replication 2 (so April's status is a tie, which shows the worse).
inline void write_bbr_rag_run(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  write_text(dir / "scenario.resolved.yaml",
             "# The exact inputs of this run (a hand-made test fixture).\n"
             "# base_seed: 42\n"
             "name: bbr_rag_fixture\n"
             "simulation:\n  report_start: 2024-01-01\n  report_end: 2024-06-30\n");
  const char* const kpis[][2] = {{"caseload_mean", "900"},
                                 {"workload_pct_mean", "95"},
                                 {"bbr_requirements", "120"},
                                 {"bbr_starts", "80"},
                                 {"bbr_completions", "50"},
                                 {"bbr_exits_before_start", "20"},
                                 {"bbr_removed_non_attendance", "10"},
                                 {"bbr_wait_weeks_p50", "12"},
                                 {"bbr_wait_weeks_p90", "30"}};
  std::string summary = "kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\n";
  std::string kpi_rows = "replication,kpi,value\n";
  for (const auto& kpi : kpis) {
    const double mean = std::stod(kpi[1]);
    summary += std::string(kpi[0]) + ",2," + kpi[1] + "," + std::to_string(mean * 0.05) + "," +
               std::to_string(mean * 0.9) + "," + std::to_string(mean * 1.1) + "," +
               std::to_string(mean * 0.95) + "," + kpi[1] + "," + std::to_string(mean * 1.05) + "\n";
    kpi_rows += "1," + std::string(kpi[0]) + "," + std::to_string(mean * 0.95) + "\n";
    kpi_rows += "2," + std::string(kpi[0]) + "," + std::to_string(mean * 1.05) + "\n";
  }
  write_text(dir / "summary.csv", summary);
  write_text(dir / "kpis.csv", kpi_rows);

  const char* const months[] = {"2024-01-31", "2024-02-29", "2024-03-31",
                                "2024-04-30", "2024-05-31", "2024-06-30"};
  const char* const pdus[] = {"Alpha", "Bravo", "Charlie"};
  std::string series = "replication,date,level,unit,metric,value\n";
  for (int r = 1; r <= 2; ++r)
    for (int m = 0; m < 6; ++m) {
      const std::string prefix = std::to_string(r) + "," + months[m] + ",";
      auto row = [&](const std::string& level, const std::string& unit, const std::string& metric,
                     double value) {
        series += prefix + level + "," + unit + "," + metric + "," + std::to_string(value) + "\n";
      };
      double total_waiting = 0;
      for (int p = 0; p < 3; ++p) {
        const double waiting = 10.0 + 3.0 * m + 2.0 * p + r;
        total_waiting += waiting;
        row("pdu", pdus[p], "caseload", 300 + 10 * m + p + r);
        row("pdu", pdus[p], "bbr_waiting_list", waiting);
        const int status = p == 0 ? 0 : p == 1 ? (m >= 2 ? 1 : 0) : (m >= (r == 1 ? 3 : 4) ? 2 : 0);
        row("pdu", pdus[p], "rag_status", status);
      }
      for (const auto& [level, unit] :
           {std::pair<std::string, std::string>{"region", "Testshire"}, {"national", "national"}}) {
        row(level, unit, "caseload", 900 + 30 * m + 3 + 3 * r);
        row(level, unit, "bbr_waiting_list", total_waiting);
        row(level, unit, "bbr_starts", 12 + m % 3 + r);
        row(level, unit, "bbr_completions", 7 + m % 2 + r);
        row(level, unit, "bbr_exits_before_start", 3 + r);
        row(level, unit, "bbr_removed_non_attendance", 1 + m % 2);
      }
    }
  write_text(dir / "timeseries.csv", series);
}

// A batch directory as `batch` + `aggregate` leave it, for the report: sweep.resolved.yaml, points.csv,
// sweep_summary.csv and the first point's scenario.resolved.yaml (whose staff list names the grade that
// `staff.2` is).
inline void write_batch(const std::filesystem::path& dir, const std::string& sweep_extra,
                        const std::vector<std::string>& keys, std::size_t points,
                        const std::vector<std::string>& kpis) {
  std::filesystem::create_directories(dir / "points" / "p0001");
  write_text(dir / "sweep.resolved.yaml", "name: fixture_sweep\nscenarios: [base.yaml]\n" + sweep_extra +
                                              "replications_per_point: 2\nbase_seed: 1\n");
  write_text(dir / "points" / "p0001" / "scenario.resolved.yaml",
             "name: base\nsimulation: {report_start: 2023-01-01, report_end: 2023-12-31}\n"
             "regions:\n  - name: North\n    pdus:\n      Durham:\n        staff:\n"
             "          - {grade: po, headcount: 10}\n          - {grade: pso, headcount: 8}\n"
             "          - {grade: facilitator, headcount: 4}\n");
  std::string index = "point,scenario,base_seed";
  std::string summary = "point,scenario";
  for (const auto& key : keys) {
    index += "," + key;
    summary += "," + key;
  }
  index += "\n";
  summary += ",kpi,n,mean,sd,ci95_low,ci95_high,p5,p50,p95\n";
  for (std::size_t p = 1; p <= points; ++p) {
    char id[16];
    std::snprintf(id, sizeof id, "p%04zu", p);
    std::string values;
    for (std::size_t k = 0; k < keys.size(); ++k) values += "," + std::to_string(p + k);
    index += std::string(id) + ",base.yaml,1" + values + "\n";
    for (std::size_t i = 0; i < kpis.size(); ++i)
      summary += std::string(id) + ",base.yaml" + values + "," + kpis[i] + ",2," +
                 std::to_string(p * 10 + i) + ",1," + std::to_string(p * 10 + i - 1) + "," +
                 std::to_string(p * 10 + i + 1) + ",0,0,0\n";
  }
  write_text(dir / "points.csv", index);
  write_text(dir / "sweep_summary.csv", summary);
}

}  // namespace probsim::testing
