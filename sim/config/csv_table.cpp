#include "config/csv_table.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "config/counted.hpp"
#include "config/diagnostics.hpp"
#include "config/utf8_text.hpp"

namespace probsim {

std::string CsvProblem::describe() const {
  return file + ":" + std::to_string(line) + ":" + column + ": error: " + message;
}

namespace {

// Splits the text into records, honouring quotes (a quoted field may hold commas, quotes as "" and line
// breaks). Each record keeps the line it starts on and where its text lies. A quote still open at the end
// of the file marks its record `unclosed`, for CsvTable::read to report once, at the column it opened in.
struct RawRecord {
  int line = 0;
  std::vector<std::string> fields;
  bool blank = true;
  int last_line = 0;  // the line it ends on: later than `line` only when a quoted field holds line breaks
  std::size_t begin = 0, end = 0;  // its text: [begin, end) of the file
  bool unclosed = false;
  std::size_t unclosed_field = 0;  // the field the unclosed quote opened in
  int quote_line = 0;              // and its line
};

std::vector<RawRecord> split_records(const std::string& text) {
  std::vector<RawRecord> records;
  RawRecord current{1, {std::string()}, true};
  int line = 1;
  bool quoted = false;
  int quote_line = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        current.fields.back() += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        if (ch == '\n') ++line;
        if (ch != '\r') current.fields.back() += ch;
      }
      continue;
    }
    if (ch == '"') {
      quoted = true;
      quote_line = line;
      current.blank = false;
    } else if (ch == ',') {
      current.fields.emplace_back();
      current.blank = false;
    } else if (ch == '\n') {
      current.last_line = line;
      current.end = i;
      records.push_back(std::move(current));
      ++line;
      current = RawRecord{line, {std::string()}, true};
      current.begin = i + 1;
    } else if (ch != '\r') {
      current.fields.back() += ch;
      if (ch != ' ' && ch != '\t') current.blank = false;
    }
  }
  if (quoted) {
    current.unclosed = true;
    current.unclosed_field = current.fields.size() - 1;
    current.quote_line = quote_line;
  }
  // A line break as the file's last byte ends its last line rather than opening another.
  const bool ends_in_break = !text.empty() && text.back() == '\n';
  current.last_line = quoted && ends_in_break ? line - 1 : line;
  current.end = text.size();
  records.push_back(std::move(current));
  return records;
}

// The lines of a record that a quoted field ran over, each split at every comma with its quotes dropped:
// the best guess at the rows they were meant to be, so that another file's rows naming one of them (a
// staff_id) are not each reported as naming nobody.
std::vector<CsvRow> lines_taken_in(const std::string& text, const RawRecord& record) {
  std::vector<CsvRow> rows;
  int line = record.line;
  std::size_t start = record.begin;
  while (start <= record.end && line <= record.last_line) {
    const std::size_t stop = std::min(text.find('\n', start), record.end);
    CsvRow row{line, {std::string()}};
    for (std::size_t i = start; i < stop; ++i) {
      if (text[i] == ',')
        row.fields.emplace_back();
      else if (text[i] != '"' && text[i] != '\r')
        row.fields.back() += text[i];
    }
    if (stop > start) rows.push_back(std::move(row));
    start = stop + 1;
    ++line;
  }
  return rows;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// A file that is not UTF-8 text with LF or CRLF line ends, as one problem: read as it is, a UTF-16 file
// (every other byte NUL) or one whose lines end in CR alone (one long line) gave an error for every
// column name, and a Latin-1 name one for every row that held it.
std::optional<CsvProblem> encoding_problem(const std::string& text, const std::string& path) {
  const auto line_of = [&](std::size_t offset) {
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };
  const bool utf16_mark = text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0;
  const std::size_t nul = text.find('\0');
  // UTF-16 puts a NUL beside every ASCII character, so the first line holds one. A NUL further down a
  // file whose first line is clean is damage at that row (a truncated copy, a pasted binary), not an
  // encoding: named as the row, so the user does not re-save a file whose header is fine.
  const std::size_t first_break = text.find_first_of("\r\n");  // CR alone ends a line too, to the eye
  // (A NUL in the first two bytes is UTF-16 too, even where its first character is a line end.)
  if (utf16_mark || (nul != std::string::npos && (nul < first_break || nul <= 1)))
    return CsvProblem{path, 1, "header",
                      "the file is UTF-16 or binary, not UTF-8 text (it begins with a UTF-16 byte-order mark "
                      "or holds NUL bytes); save it as CSV in UTF-8"};
  // A CR outside quoted fields that no LF follows (a spreadsheet's "CSV (Macintosh)", which may hold LF
  // inside a quoted cell, or a file pieced together from two): this reader drops CRs, so such a row would
  // run into the next. A run of CRs before an LF (CR CR LF, from a CRLF writer on a text-mode file) ends
  // a row as CRLF does, and CRs at the very end of the file end none.
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;  // "" inside a quoted field toggles twice
    if (quoted || text[i] != '\r') continue;
    std::size_t next = i;
    while (next < text.size() && text[next] == '\r') ++next;
    if (next < text.size() && text[next] != '\n')
      return CsvProblem{path, line_of(i), "row",
                        "a carriage return with no line feed after it (an old Mac format's row end?), which "
                        "this reader does not take as a line end; save the file with LF or CRLF line ends"};
    i = next - 1;
  }
  // After the line ends, which decide what a line is.
  if (nul != std::string::npos)
    return CsvProblem{path, line_of(nul), "row",
                      "the row holds a NUL byte (the file is damaged or has binary data pasted into it); "
                      "remove it, or export the file again as CSV in UTF-8"};
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return CsvProblem{path, line_of(bad), "row",
                      std::string("byte ") + byte +
                          " is not UTF-8 text (the file is in another encoding, such as Latin-1 or "
                          "Windows-1252); save it as CSV in UTF-8"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<CsvTable> CsvTable::read(const std::string& path, const std::vector<CsvColumn>& columns,
                                       std::vector<CsvProblem>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({path, 1, "header", "cannot open the file"});
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // A spreadsheet's UTF-8 byte-order mark; a file re-saved by a tool that adds one regardless has two,
  // and the second, left in, would make the first column's name unknown by an invisible character.
  while (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (const std::optional<CsvProblem> problem = encoding_problem(text, path)) {
    problems.push_back(*problem);
    return std::nullopt;
  }

  CsvTable table;
  table.file_ = path;
  std::vector<RawRecord> records = split_records(text);
  std::size_t first = 0;
  while (first < records.size() && records[first].blank) ++first;
  std::vector<std::string> names;
  for (const CsvColumn& c : columns) names.push_back(c.name);
  std::string expected;
  for (const CsvColumn& c : columns)
    if (c.required) expected += (expected.empty() ? "" : ", ") + c.name;
  if (first == records.size()) {
    problems.push_back(
        {path, 1, "header", "the file is empty; expected a header row with at least " + expected});
    return std::nullopt;
  }

  const RawRecord& header = records[first];
  // A quote in the header still open at the end of the file took every row in: that one problem, not an
  // unknown column named by the whole file's text.
  if (header.unclosed) {
    problems.push_back(
        {path, header.quote_line, "header",
         "a quoted field opened on this line is never closed: the rest of the file was read as "
         "part of the header; is a quote (\") unbalanced?"});
    table.header_ok_ = false;
    return table;
  }
  bool header_ok = true;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = trimmed(header.fields[i]);
    table.header_.push_back(name);
    auto known =
        std::find_if(columns.begin(), columns.end(), [&](const CsvColumn& c) { return c.name == name; });
    if (name.empty()) {
      problems.push_back({path, header.line, "header", "column " + std::to_string(i + 1) + " has no name"});
      header_ok = false;
    } else if (known == columns.end()) {
      std::string message = "unknown column";
      const std::string suggestion = did_you_mean(name, names);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      problems.push_back({path, header.line, name, message});
      header_ok = false;
    } else if (!known->unsupported.empty()) {
      problems.push_back({path, header.line, name, "column not supported: " + known->unsupported});
      header_ok = false;
    } else if (!table.index_.emplace(name, i).second) {
      problems.push_back({path, header.line, name, "the column appears twice in the header"});
      header_ok = false;
    }
  }
  for (const CsvColumn& c : columns)
    if (c.required && !table.index_.count(c.name)) {
      problems.push_back({path, header.line, c.name, "required column is missing from the header"});
      header_ok = false;
    }
  table.header_ok_ = header_ok;
  if (!header_ok) return table;  // rows under a wrong header would only repeat the header's problem

  for (std::size_t r = first + 1; r < records.size(); ++r) {
    RawRecord& record = records[r];
    if (record.blank) continue;
    if (record.unclosed) {
      const std::string column = record.unclosed_field < table.header_.size()
                                     ? table.header_[record.unclosed_field]
                                     : std::string("row");
      const int lines = record.last_line - record.quote_line + 1;
      problems.push_back(
          {path, record.quote_line, column,
           "a quoted field opened on this line is never closed" +
               (lines > 1 ? ": it runs to the end of the file (" + counted(lines, "line") +
                                " read as one field, to line " + std::to_string(record.last_line) + ")"
                          : std::string()) +
               "; is a quote (\") unbalanced?"});
      for (CsvRow& row : lines_taken_in(text, record)) table.malformed_rows_.push_back(std::move(row));
      continue;
    }
    if (record.fields.size() != table.header_.size()) {
      // Named as the row (the fault is a comma too few or too many somewhere in it), and a short row
      // says where it ends, so the user can see which of its values moved into the wrong column.
      const bool short_row = record.fields.size() < table.header_.size();
      std::string message = "the row has " + counted(record.fields.size(), "field") + ", the header " +
                            std::to_string(table.header_.size());
      if (short_row && record.last_line == record.line)
        message += " (it ends before column '" + table.header_[record.fields.size()] + "')";
      // A stray quote pairs with the next one, lines later, and every line between becomes one field of
      // this row: say so, or the user looks for a missing comma on this line alone.
      if (record.last_line > record.line)
        message += "; a quoted field runs from this line to line " + std::to_string(record.last_line) + " (" +
                   std::to_string(record.last_line - record.line + 1) +
                   " lines read as one row): is a quote (\") unbalanced?";
      problems.push_back({path, record.line, "row", message});
      if (record.last_line > record.line)
        for (CsvRow& row : lines_taken_in(text, record)) table.malformed_rows_.push_back(std::move(row));
      else
        table.malformed_rows_.push_back(CsvRow{record.line, std::move(record.fields)});
      continue;
    }
    table.rows_.push_back(CsvRow{record.line, std::move(record.fields)});
  }
  return table;
}

std::string_view CsvTable::field(const CsvRow& row, std::string_view column) const {
  auto it = index_.find(std::string(column));
  if (it == index_.end() || it->second >= row.fields.size()) return {};
  std::string_view text = row.fields[it->second];
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace probsim
