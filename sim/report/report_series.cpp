#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "output/csv_reader.hpp"
#include "report/report_data.hpp"

// timeseries.csv read for the report: each metric's monthly values per unit over the replications.

namespace probsim {

namespace fs = std::filesystem;

void report_detail::read_timeseries(const fs::path& path, ReportData& data) {
  // metric, level, unit → date → the replications' values
  std::map<SeriesKey, std::map<std::string, std::vector<double>>> values;
  std::set<std::string> seen_metrics, seen_regions, seen_pdus;
  CsvReader reader(path, {"replication", "date", "level", "unit", "metric", "value"});
  ReplicationTable table = read_replication_table(reader, 5);  // key: date, level, unit, metric
  data.timeseries_replications = table.replications.size();
  for (std::size_t k = 0; k < table.keys.size(); ++k) {
    const auto& f = table.keys[k];
    const std::string& level = f[1];
    const std::string& metric = f[3];
    if (seen_metrics.insert(metric).second) data.metrics.push_back(metric);
    if (level == "region" && seen_regions.insert(f[2]).second) data.regions.push_back(f[2]);
    if (level == "pdu" && seen_pdus.insert(f[2]).second) data.pdus.push_back(f[2]);
    values[{metric, level, f[2]}][f[0]] = std::move(table.values[k]);
  }
  data.pdu_series_dropped = data.pdus.size() > kMaxPdusWithSeries;
  for (auto& [key, by_date] : values) {
    if (key.level == "pdu" && data.pdu_series_dropped && key.metric != kRagStatusMetric) continue;
    auto& series = data.series[key];
    for (auto& [date, replication_values] : by_date) {
      SeriesValue value;
      value.date = date;
      if (key.metric == kRagStatusMetric)
        for (const double v : replication_values) {
          if (std::isnan(v)) continue;  // NA: no status that month
          const long status = std::lround(v);
          if (status >= 0 && status <= 2) ++value.status_counts[static_cast<std::size_t>(status)];
        }
      // The lowest value, NA left out as summarise leaves it out (NaN when every value is NA).
      value.min = std::nan("");
      for (const double v : replication_values)
        if (!std::isnan(v) && !(v >= value.min)) value.min = v;
      value.stats = summarise(std::move(replication_values));
      series.push_back(std::move(value));
    }
  }
}

}  // namespace probsim
