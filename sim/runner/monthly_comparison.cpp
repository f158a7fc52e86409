#include "runner/monthly_comparison.hpp"

#include <fstream>
#include <map>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
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
  const fs::path path = fs::path(dir) / "timeseries.csv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  RunSeries run;
  std::string line;
  std::getline(in, line);
  if (line != "replication,date,level,unit,metric,value")
    throw std::runtime_error(path.string() + " does not start with replication,date,level,unit,metric,value");
  while (std::getline(in, line)) {
    const auto f = parse_csv_line(line);
    if (f.size() != 6) throw std::runtime_error("malformed row in " + path.string() + ": " + line);
    if (!level_chosen(f[2], by)) continue;
    const SeriesPoint key{f[2], f[3], f[4], f[1]};
    auto [it, inserted] = run.values.try_emplace(key);
    if (inserted) run.order.push_back(key);
    it->second[std::stoull(f[0])] = std::stod(f[5]);
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
