#pragma once
// What a report shows, read from a run directory, a batch directory, or a comparison (a run directory
// holding comparison.csv, or a comparison.csv file): a typed model that the chart specifications
// (chart_specs.hpp) are built from. Nothing here knows about HTML or Vega-Lite.

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "output/summary_statistics.hpp"

namespace probsim {

enum class ReportKind { run, batch, comparison };

// Where the numbers came from, for the page's header.
struct ReportProvenance {
  std::string name;  // scenario name (a run) or sweep name (a batch)
  std::string report_start, report_end;
  std::optional<std::size_t> replications;  // per run, or per point of a batch
  std::string base_seed;
  std::string source;  // the path the report was made from, as given
};

// One row of summary.csv.
struct KpiRow {
  std::string kpi;
  SummaryStatistics stats;
};

// One month of one metric for one unit, across replications.
struct SeriesValue {
  std::string date;
  SummaryStatistics stats;
  std::array<std::size_t, 3> status_counts{};  // rag_status only: replications green, amber, red
  double min = 0.0;                            // the lowest replication's value
};
struct SeriesKey {
  std::string metric;
  std::string level;  // national, region or pdu
  std::string unit;
  auto operator<=>(const SeriesKey&) const = default;
};

// One row of comparison.csv.
struct ComparisonRow {
  std::string kpi;
  std::size_t n = 0;
  double base_mean = 0, other_mean = 0, diff_mean = 0, diff_sd = 0, ci95_low = 0, ci95_high = 0;
  bool excludes_zero = false;
};

// One point of a batch as read back for the report: its varied values and its summary.
// (Not config/sweep_loader.hpp's SweepPoint, the point to run; two types of one name broke the ODR.)
struct ReportedSweepPoint {
  std::string id;
  std::string scenario;
  std::vector<std::string> values;  // one per SweepData::keys
  std::vector<KpiRow> kpis;
};
struct SweepData {
  std::vector<std::string> keys;  // the varied keys, as in points.csv
  std::vector<ReportedSweepPoint> points;
};

struct ReportData {
  ReportKind kind = ReportKind::run;
  ReportProvenance provenance;
  std::vector<KpiRow> kpis;                              // summary.csv, in file order
  std::map<SeriesKey, std::vector<SeriesValue>> series;  // timeseries.csv, dates ascending
  std::vector<std::string> metrics;                      // time-series metrics in file order
  std::vector<std::string> regions, pdus;                // units in file order
  bool pdu_series_dropped = false;                       // see kMaxPdusWithSeries
  std::vector<ComparisonRow> comparison;                 // comparison.csv, if any
  std::optional<SweepData> sweep;                        // a batch

  [[nodiscard]] const KpiRow* kpi(const std::string& name) const;
  [[nodiscard]] bool has_metric(const std::string& metric) const;
};

// With more PDUs than this, the page keeps only the regional and national time series (plus
// rag_status for every PDU, which the heat map needs), so that a national run's page stays a few MB.
inline constexpr std::size_t kMaxPdusWithSeries = 30;

// The time-series metric whose per-PDU monthly values (0 green, 1 amber, 2 red) make the RAG heat map.
inline constexpr const char* kRagStatusMetric = "rag_status";

// Reads `path`. Throws std::runtime_error naming the path and what is wrong if it is not a finished
// run, a batch that has been aggregated, or a comparison.
[[nodiscard]] ReportData read_report_data(const std::filesystem::path& path);

}  // namespace probsim
