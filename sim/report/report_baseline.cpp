#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>

#include "output/csv_reader.hpp"
#include "report/report_data.hpp"

// The baseline a plan is set against (BaselineSeries): another run's monthly series, or the base means
// of comparison_monthly.csv.

namespace fs = std::filesystem;

namespace probsim::report_detail {

namespace {

std::string scenario_name(const fs::path& run_dir) {
  try {
    const YAML::Node root = YAML::LoadFile((run_dir / "scenario.resolved.yaml").string());
    if (root["name"]) return root["name"].as<std::string>();
  } catch (const YAML::Exception&) {
    // No name: the legend says "baseline" alone.
  }
  return {};
}

// A run whose PDU series the page leaves out (more than kMaxPdusWithSeries PDUs) has its baseline's
// left out too, except rag_status, as read_timeseries does for the run itself.
bool kept(const SeriesKey& key, const ReportData& data) {
  return key.level != "pdu" || !data.pdu_series_dropped || key.metric == kRagStatusMetric;
}

void from_run(const fs::path& baseline, ReportData& data) {
  if (!fs::is_regular_file(baseline / "timeseries.csv") || !fs::is_regular_file(baseline / "summary.csv"))
    throw std::runtime_error(baseline.string() +
                             ": is not a finished run (no summary.csv and timeseries.csv); --baseline "
                             "takes the run directory of the baseline");
  ReportData base;
  read_timeseries(baseline / "timeseries.csv", base);
  BaselineSeries out;
  out.name = scenario_name(baseline);
  out.source = baseline.string();
  out.has_ci = true;
  for (auto& [key, values] : base.series)
    if (kept(key, data)) out.series.emplace(key, std::move(values));
  data.baseline = std::move(out);
}

void from_comparison_monthly(const fs::path& file, ReportData& data) {
  BaselineSeries out;
  out.source = file.string();
  out.has_ci = false;
  CsvReader reader(file, {"level", "unit", "metric", "date", "n", "base_mean"}, /*prefix=*/true);
  while (reader.next()) {
    const auto& f = reader.fields();
    const SeriesKey key{f[2], f[0], f[1]};
    if (!kept(key, data)) continue;
    SeriesValue value;
    value.date = f[3];
    value.stats.n = reader.count(4);
    value.stats.mean = value.stats.ci95_low = value.stats.ci95_high = reader.number(5);
    value.min = value.stats.mean;
    out.series[key].push_back(std::move(value));
  }
  for (auto& [key, values] : out.series)
    std::stable_sort(values.begin(), values.end(),
                     [](const SeriesValue& a, const SeriesValue& b) { return a.date < b.date; });
  if (!out.series.empty()) data.baseline = std::move(out);
}

}  // namespace

void read_baseline(const fs::path& run_dir, const fs::path& baseline, ReportData& data) {
  if (!baseline.empty())
    from_run(baseline, data);
  else if (fs::is_regular_file(run_dir / "comparison_monthly.csv"))
    from_comparison_monthly(run_dir / "comparison_monthly.csv", data);
}

}  // namespace probsim::report_detail
