#pragma once
// Reading back the CSV files probsim writes (kpis.csv, timeseries.csv, summary.csv, points.csv, ...) for
// `aggregate`, `compare` and `report`. Nothing is accepted silently (issue 23): every row has the
// header's number of fields, numbers are read whole ("1613x" is refused, not read as 1613), "nan" and
// "inf" are refused, "NA" (what probsim writes for NaN) is a missing value, and every error names the
// file and the line: "PATH:LINE: message".

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace probsim {

class CsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A decimal number written out whole, or "NA" (NaN). Refuses "", "1613x", " 1", "nan", "inf", "0x10".
[[nodiscard]] std::optional<double> parse_csv_number(std::string_view text);
// Digits only ("-1", "+1", "1.0", "1e3" are refused), within 64 bits.
[[nodiscard]] std::optional<std::uint64_t> parse_csv_count(std::string_view text);

class CsvReader {
 public:
  // Opens `path` and reads its header; refuses a missing or empty file. `expected` are the columns the
  // reader needs: the header must be exactly these (or begin with them, when `prefix`).
  CsvReader(std::filesystem::path path, const std::vector<std::string>& expected, bool prefix = false);
  // A file written without a header line (a replication's rep-NNNNN.kpis.csv): `columns` name its fields.
  static CsvReader without_header(std::filesystem::path path, std::vector<std::string> columns);

  // Moves to the next row; false at the end. Blank lines are refused, as is a row whose number of
  // fields differs from the header's.
  bool next();
  [[nodiscard]] const std::vector<std::string>& fields() const { return fields_; }
  [[nodiscard]] const std::string& field(std::size_t column) const { return fields_.at(column); }
  [[nodiscard]] double number(std::size_t column) const;  // "NA" is NaN
  [[nodiscard]] std::uint64_t count(std::size_t column) const;
  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // "PATH:LINE: message", as a CsvError.
  [[noreturn]] void fail(const std::string& message) const { fail_at(line_, message); }
  [[noreturn]] void fail_at(std::size_t line, const std::string& message) const;

 private:
  CsvReader(std::filesystem::path path, std::vector<std::string> header, int);
  std::filesystem::path path_;
  std::ifstream in_;
  std::vector<std::string> header_;
  std::vector<std::string> fields_;
  std::size_t line_ = 0;
};

// A results file in long form: one row per replication and key, e.g. kpis.csv (replication, level,
// unit, kpi, value) or timeseries.csv (replication, date, level, unit, metric, value). Read with the
// checks that make a summary over replications honest: each (replication, key) appears once, and every
// key appears in every replication (a dropped or duplicated row is refused, naming its lines).
struct ReplicationTable {
  std::vector<std::vector<std::string>> keys;  // the key columns' fields, in order of first appearance
  std::vector<std::uint64_t> replications;     // in order of first appearance
  std::vector<std::vector<double>> values;     // values[k][i]: key k in replications[i] (NaN for NA)
};

// Reads every row of `reader`: the replication in column 0, the key in columns [1, value_column), the
// value in `value_column`.
[[nodiscard]] ReplicationTable read_replication_table(CsvReader& reader, std::size_t value_column);

}  // namespace probsim
