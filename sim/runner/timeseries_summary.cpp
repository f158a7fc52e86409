#include "runner/timeseries_summary.hpp"

#include <fstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/summary_statistics.hpp"

namespace fs = std::filesystem;

namespace probsim {

void write_timeseries_summary(const fs::path& timeseries_csv, const fs::path& out) {
  std::ifstream in(timeseries_csv);
  if (!in) throw std::runtime_error("cannot read " + timeseries_csv.string());
  std::string line;
  std::getline(in, line);  // replication,date,level,unit,metric,value
  struct Series {
    std::vector<std::string> fields;  // level, unit, metric, date
    std::vector<double> values;       // one per replication
  };
  std::vector<Series> series;
  std::unordered_map<std::string, std::size_t> index;  // "date,level,unit,metric" as written → series
  while (std::getline(in, line)) {
    const std::size_t first = line.find(',');
    const std::size_t last = line.rfind(',');
    if (first == std::string::npos || last <= first)
      throw std::runtime_error("malformed row in " + timeseries_csv.string() + ": " + line);
    const std::string key = line.substr(first + 1, last - first - 1);
    auto [it, inserted] = index.try_emplace(key, series.size());
    if (inserted) {
      const auto f = parse_csv_line(line);
      if (f.size() != 6)
        throw std::runtime_error("malformed row in " + timeseries_csv.string() + ": " + line);
      series.push_back(Series{{f[2], f[3], f[4], f[1]}, {}});
    }
    series[it->second].values.push_back(std::stod(line.substr(last + 1)));
  }
  AtomicFile file(out.string());
  file.stream() << kTimeseriesSummaryHeader;
  for (auto& s : series) {
    const SummaryStatistics st = summarise(std::move(s.values));
    file.stream() << csv_row({s.fields[0], s.fields[1], s.fields[2], s.fields[3], std::to_string(st.n),
                              format_number(st.mean), format_number(st.sd), format_number(st.ci95_low),
                              format_number(st.ci95_high), format_number(st.p5), format_number(st.p50),
                              format_number(st.p95)});
  }
  file.commit();
}

}  // namespace probsim
