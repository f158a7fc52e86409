#include "runner/leave_red.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "prioritisation/rag_status.hpp"

namespace fs = std::filesystem;

namespace probsim {

std::vector<PduLeaveRed> leave_red_by_pdu(const fs::path& timeseries_csv, std::string* last_month) {
  // `run` and `aggregate` call this after write_timeseries_summary has read the same file strictly
  // (CsvReader: whole rows, one per replication and key), so the rag_status rows are picked out fast.
  std::ifstream in(timeseries_csv);
  if (!in) throw std::runtime_error(timeseries_csv.string() + ": cannot be read: " + os_reason(errno));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> order;
  // pdu → replication → date → red?
  std::map<std::string, std::map<std::string, std::map<std::string, bool>>> red;
  std::string last;
  const std::string red_code = std::to_string(static_cast<int>(RagStatus::red));
  while (std::getline(in, line)) {
    if (line.find(",rag_status,") == std::string::npos) continue;
    const auto f = parse_csv_line(line);  // replication,date,level,unit,metric,value
    if (f.size() != 6 || f[2] != "pdu" || f[4] != "rag_status") continue;
    auto [it, inserted] = red.try_emplace(f[3]);
    if (inserted) order.push_back(f[3]);
    it->second[f[0]][f[1]] = f[5] == red_code;
    last = std::max(last, f[1]);
  }
  if (last_month) *last_month = last;
  std::vector<PduLeaveRed> rows;
  for (const auto& pdu : order) {
    PduLeaveRed row;
    row.pdu = pdu;
    std::vector<std::string> left_on;
    for (const auto& [replication, by_date] : red.at(pdu)) {
      ++row.replications;
      // Dates ascend (ISO dates in a map): the last red month end, and the month end after it.
      std::string last_red;
      for (const auto& [date, is_red] : by_date)
        if (is_red) last_red = date;
      if (last_red.empty()) {
        ++row.never_red;
      } else if (last_red == by_date.rbegin()->first) {
        ++row.still_red_at_end;
      } else {
        ++row.left_red;
        left_on.push_back(by_date.upper_bound(last_red)->first);
      }
    }
    if (!left_on.empty()) {
      std::sort(left_on.begin(), left_on.end());
      row.leave_red_month_median = left_on[(left_on.size() - 1) / 2];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void write_leave_red(const fs::path& path, const std::vector<PduLeaveRed>& rows,
                     const std::string& last_month) {
  std::string text = kLeaveRedHeader;
  for (const auto& r : rows)
    text += csv_row({r.pdu, std::to_string(r.replications), std::to_string(r.never_red),
                     std::to_string(r.left_red), std::to_string(r.still_red_at_end), r.leave_red_month_median,
                     last_month});
  write_file_atomically(path.string(), text);
}

void print_leave_red(std::ostream& out, const std::vector<PduLeaveRed>& rows, const std::string& last_month) {
  char line[200];
  out << "\nWhen each PDU leaves red (month ends; replications out of "
      << (rows.empty() ? 0 : rows[0].replications) << "):\n";
  std::snprintf(line, sizeof line, "  %-28s %10s %10s %16s %22s\n", "PDU", "never red", "left red",
                ("red " + last_month).c_str(), "left red, median month");
  out << line;
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "  %-28s %10zu %10zu %16zu %22s\n", r.pdu.c_str(), r.never_red,
                  r.left_red, r.still_red_at_end,
                  r.leave_red_month_median.empty() ? "-" : r.leave_red_month_median.c_str());
    out << line;
  }
}

}  // namespace probsim
