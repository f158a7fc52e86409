#include "runner/monthly_comparison.hpp"

#include <fstream>
#include <map>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/csv_reader.hpp"
#include "output/kpi_console.hpp"
#include "output/paired_comparison.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

using SeriesPoint =
    std::tuple<std::string, std::string, std::string, std::string>;  // level, unit, metric, date

struct RunSeries {
  std::vector<SeriesPoint> order;  // first appearance
  std::map<SeriesPoint, std::map<std::uint64_t, double>> values;
};

RunSeries read_series(const std::string& dir, const std::string& by) {
  CsvReader reader(fs::path(dir) / "timeseries.csv",
                   {"replication", "date", "level", "unit", "metric", "value"});
  const ReplicationTable table = read_replication_table(reader, 5);  // key: date, level, unit, metric
  RunSeries run;
  for (std::size_t k = 0; k < table.keys.size(); ++k) {
    const auto& f = table.keys[k];
    if (!level_chosen(f[1], by)) continue;
    const SeriesPoint key{f[1], f[2], f[3], f[0]};
    run.order.push_back(key);
    auto& values = run.values[key];
    for (std::size_t i = 0; i < table.replications.size(); ++i)
      values[table.replications[i]] = table.values[k][i];
  }
  return run;
}

}  // namespace

void write_monthly_comparison(const std::string& base_dir, const std::string& other_dir,
                              const std::string& by, const fs::path& out) {
  const RunSeries base = read_series(base_dir, by);
  const RunSeries other = read_series(other_dir, by);
  std::string csv = kMonthlyComparisonHeader;
  for (const auto& key : base.order) {
    const auto found = other.values.find(key);
    if (found == other.values.end()) continue;
    std::vector<double> b, o;
    for (const auto& [r, value] : base.values.at(key)) {
      const auto paired = found->second.find(r);
      if (paired == found->second.end()) continue;
      b.push_back(value);
      o.push_back(paired->second);
    }
    if (b.empty()) continue;
    const PairedDifference d = paired_difference(b, o);
    const auto& [level, unit, metric, date] = key;
    csv +=
        csv_row({level, unit, metric, date, std::to_string(d.n), format_number(d.base_mean),
                 format_number(d.other_mean), format_number(d.diff_mean), format_number(d.diff_sd),
                 format_number(d.ci95_low), format_number(d.ci95_high), d.excludes_zero ? "true" : "false"});
  }
  write_file_atomically(out.string(), csv);
}

}  // namespace probsim
