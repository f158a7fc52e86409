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

#include "output/metric_names.hpp"
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
  std::string level = "national";  // national, region, pdu or team (files before units: national)
  std::string unit = "national";
  std::string kpi;
  std::size_t n = 0;
  double base_mean = 0, other_mean = 0, diff_mean = 0, diff_sd = 0, ci95_low = 0, ci95_high = 0;
  bool excludes_zero = false;
};

// One point of a batch as read back for the report: its varied values and its summary.
// (Not config/sweep_loader.hpp's SweepPoint, the point to run; two types of one name broke the ODR.)
struct ReportedSweepPoint {
  std::string id;
  std::string label;  // the sweep's `label` for the point, or one derived from its values
  std::string scenario;
  std::vector<std::string> values;  // one per SweepData::keys
  std::vector<KpiRow> kpis;
};
// SweepData::headline_reason when the sweep file named its headline KPIs.
inline constexpr const char* kHeadlineNamedBySweep = "named by the sweep file (headline_kpis)";
struct SweepData {
  std::vector<std::string> keys;        // the varied keys, as in points.csv
  std::vector<std::string> key_labels;  // one per key: the sweep's `labels`, or a short unique suffix
  std::vector<ReportedSweepPoint> points;
  std::vector<std::string> headline_kpis;  // the sweep's `headline_kpis`, or chosen (see headline_reason)
  std::string headline_reason;
};

// The baseline a plan is set against, per unit and month (issue 20: "plan and baseline overlaid"):
// from `probsim report PLAN --baseline BASE` (BASE's own series, with CIs), or else from the
// comparison_monthly.csv that `compare --by` wrote beside comparison.csv (the base means only).
struct BaselineSeries {
  std::string name;     // its scenario's name, for the legend
  std::string source;   // the directory or file read
  bool has_ci = false;  // false: means only (comparison_monthly.csv)
  std::map<SeriesKey, std::vector<SeriesValue>> series;
};

// One row of a run's leave_red.csv (runner/leave_red.hpp): when a PDU left red, over replications.
struct LeaveRedRow {
  std::string pdu;
  std::size_t replications = 0, never_red = 0, left_red = 0, still_red_at_end = 0;
  std::string median_month;  // the median month end at which it left red; empty if it never did
};

struct ReportData {
  ReportKind kind = ReportKind::run;
  ReportProvenance provenance;
  std::vector<KpiRow> kpis;                              // summary.csv, in file order
  std::map<SeriesKey, std::vector<SeriesValue>> series;  // timeseries.csv, dates ascending
  std::vector<std::string> metrics;                      // time-series metrics in file order
  std::vector<std::string> regions, pdus;                // units in file order
  bool pdu_series_dropped = false;                       // see kMaxPdusWithSeries
  std::size_t timeseries_replications = 0;               // the replications timeseries.csv holds
  std::vector<ComparisonRow> comparison;                 // comparison.csv, if any: every unit, file order
  std::optional<BaselineSeries> baseline;                // the run this one is a plan against, if known
  std::optional<SweepData> sweep;                        // a batch
  std::vector<LeaveRedRow> leave_red;                    // leave_red.csv, if the run has one (RAG on)
  std::string leave_red_last_month;                      // the series' last month end

  [[nodiscard]] const KpiRow* kpi(const std::string& name) const;
  [[nodiscard]] bool has_metric(const std::string& metric) const;
};

// With more PDUs than this, the page keeps only the regional and national time series (plus
// rag_status for every PDU, which the heat map needs), so that a national run's page stays a few MB.
inline constexpr std::size_t kMaxPdusWithSeries = 30;

// The time-series metric whose per-PDU monthly values (0 green, 1 amber, 2 red) make the RAG heat map.
inline constexpr const char* kRagStatusMetric = metric_name::rag_status;

// Reads `path`. Throws std::runtime_error naming the path and what is wrong if it is not a finished
// run, a batch that has been aggregated, or a comparison.
// With `baseline` (a run directory), its monthly series are read as the baseline the run at `path` is
// a plan against.
[[nodiscard]] ReportData read_report_data(const std::filesystem::path& path,
                                          const std::filesystem::path& baseline = {});

// Internal to the report's readers (report_data.cpp, report_baseline.cpp, report_sweep_data.cpp).
namespace report_detail {
// timeseries.csv into data.series, data.metrics and the unit lists.
void read_timeseries(const std::filesystem::path& path, ReportData& data);
// A batch's point labels, key labels and headline KPIs, from its sweep.resolved.yaml and the first
// point's scenario.resolved.yaml (for the names of the list items a key path steps through).
void describe_sweep(const std::filesystem::path& batch_dir, SweepData& sweep);
// The baseline for the run in data (see BaselineSeries); nothing when neither source exists.
void read_baseline(const std::filesystem::path& run_dir, const std::filesystem::path& baseline,
                   ReportData& data);
// The run's leave_red.csv into data.leave_red; nothing when the run has none (RAG off).
void read_leave_red(const std::filesystem::path& run_dir, ReportData& data);
}  // namespace report_detail

}  // namespace probsim
