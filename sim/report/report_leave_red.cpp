// The report's reader of leave_red.csv, the table of when each PDU leaves red that `probsim run` writes
// when the RAG framework is on (runner/leave_red.hpp; docs/outputs-by-unit.md).
#include <cmath>

#include "output/csv_reader.hpp"
#include "report/report_data.hpp"

namespace fs = std::filesystem;

namespace probsim::report_detail {

namespace {

std::size_t count_at(const CsvReader& reader, std::size_t column) {
  const double value = reader.number(column);
  if (!(value >= 0.0) || value != std::floor(value))
    reader.fail("a count must be a whole number, found " + reader.field(column));
  return static_cast<std::size_t>(value);
}

}  // namespace

void read_leave_red(const fs::path& run_dir, ReportData& data) {
  const fs::path path = run_dir / "leave_red.csv";
  if (!fs::is_regular_file(path)) return;
  CsvReader reader(path, {"pdu", "replications", "never_red", "left_red", "still_red_at_end",
                          "leave_red_month_median", "last_month"});
  while (reader.next()) {
    LeaveRedRow row;
    row.pdu = reader.field(0);
    row.replications = count_at(reader, 1);
    row.never_red = count_at(reader, 2);
    row.left_red = count_at(reader, 3);
    row.still_red_at_end = count_at(reader, 4);
    if (row.never_red + row.left_red + row.still_red_at_end != row.replications)
      reader.fail("never_red + left_red + still_red_at_end must equal replications");
    row.median_month = reader.field(5);
    data.leave_red_last_month = reader.field(6);
    data.leave_red.push_back(std::move(row));
  }
}

}  // namespace probsim::report_detail
