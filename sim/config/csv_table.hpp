#pragma once
// Reading an input CSV (RFC 4180: quoted fields, "" for a quote; a UTF-8 BOM and CRLF line ends
// accepted) against a declared set of columns. Every problem is collected, none stops the reading, and
// each names the file, the line and the column: `FILE:LINE:COLUMN: error: message`.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace probsim {

struct CsvProblem {
  std::string file;
  int line = 0;        // 1-based; the header is line 1
  std::string column;  // a column name, "header" for the file as a whole, or "row" for the row as a whole
  std::string message;

  [[nodiscard]] std::string describe() const;  // "FILE:LINE:COLUMN: error: message"
};

struct CsvRow {
  int line = 0;  // of the file, counting the header and any blank lines
  std::vector<std::string> fields;
};

// A column a schema knows. A column that is declared but `unsupported` names something the model
// cannot represent yet: it is refused with `unsupported` as the reason, never silently ignored.
struct CsvColumn {
  std::string name;
  bool required = false;
  std::string unsupported;  // empty: supported
};

class CsvTable {
 public:
  // Reads the file and checks its header against `columns`: unknown (with a did-you-mean), unsupported,
  // repeated and missing required columns are problems, and then no row is read (each would only repeat
  // the header's problem). Rows with the wrong number of fields are problems and are left out of rows(),
  // kept in malformed_rows(). Returns nullopt if the file cannot be read or is empty.
  static std::optional<CsvTable> read(const std::string& path, const std::vector<CsvColumn>& columns,
                                      std::vector<CsvProblem>& problems);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::vector<CsvRow>& rows() const { return rows_; }
  // The rows left out for their number of fields or an unbalanced quote (already reported): another file's
  // rows that name one of them (a staff_id) can be spared a second, misleading problem. Lines a quoted
  // field ran over are here one row a line, split at every comma with quotes dropped.
  [[nodiscard]] const std::vector<CsvRow>& malformed_rows() const { return malformed_rows_; }
  [[nodiscard]] bool has_column(std::string_view name) const { return index_.count(std::string(name)) > 0; }
  // False when the header had problems: then no rows were read, and rows() is empty whatever the file holds.
  [[nodiscard]] bool header_ok() const { return header_ok_; }
  // False when the header could not even be split into names (a quote in it is never closed): then no
  // column can be said to be missing.
  [[nodiscard]] bool header_read() const { return !header_.empty(); }
  // The field of `row` under `column`, trimmed of surrounding spaces; empty when the column is absent
  // (or, in a malformed row, past its last field).
  [[nodiscard]] std::string_view field(const CsvRow& row, std::string_view column) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  std::vector<CsvRow> rows_;
  std::vector<CsvRow> malformed_rows_;
  bool header_ok_ = true;
};

}  // namespace probsim
