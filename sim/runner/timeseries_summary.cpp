#include "runner/timeseries_summary.hpp"

#include <fstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/csv_reader.hpp"
#include "output/summary_statistics.hpp"

namespace fs = std::filesystem;

namespace probsim {

void write_timeseries_summary(const fs::path& timeseries_csv, const fs::path& out) {
  CsvReader reader(timeseries_csv, {"replication", "date", "level", "unit", "metric", "value"});
  ReplicationTable table = read_replication_table(reader, 5);  // key: date, level, unit, metric
  AtomicFile file(out.string());
  file.stream() << kTimeseriesSummaryHeader;
  for (std::size_t k = 0; k < table.keys.size(); ++k) {
    const auto& f = table.keys[k];  // date, level, unit, metric
    const SummaryStatistics st = summarise(std::move(table.values[k]));
    file.stream() << csv_row({f[1], f[2], f[3], f[0], std::to_string(st.n), format_number(st.mean),
                              format_number(st.sd), format_number(st.ci95_low), format_number(st.ci95_high),
                              format_number(st.p5), format_number(st.p50), format_number(st.p95)});
  }
  file.commit();
}

}  // namespace probsim
