#include "output/csv_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "output/csv.hpp"

namespace fs = std::filesystem;

namespace probsim {

std::optional<double> parse_csv_number(std::string_view text) {
  if (text == "NA") return std::numeric_limits<double>::quiet_NaN();
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::general);
  // from_chars reads "nan" and "inf" as numbers; probsim never writes them (NaN is written NA).
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> parse_csv_count(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

namespace {

std::string joined(const std::vector<std::string>& fields) {
  std::string text;
  for (const auto& field : fields) text += (text.empty() ? "" : ",") + csv_field(field);
  return text;
}

}  // namespace

CsvReader::CsvReader(fs::path path, std::vector<std::string> header, int)
    : path_(std::move(path)), in_(path_, std::ios::binary), header_(std::move(header)) {
  if (!in_) throw CsvError(path_.string() + ": cannot be read: " + std::strerror(errno));
}

CsvReader::CsvReader(fs::path path, const std::vector<std::string>& expected, bool prefix)
    : CsvReader(std::move(path), {}, 0) {
  std::string line;
  if (!std::getline(in_, line)) fail_at(1, "is empty; expected the header " + joined(expected));
  line_ = 1;
  // A byte-order mark, as a spreadsheet adds when it saves a CSV: not part of the first column's name.
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  header_ = parse_csv_line(line);
  const bool matches = prefix ? header_.size() >= expected.size() &&
                                    std::equal(expected.begin(), expected.end(), header_.begin())
                              : header_ == expected;
  if (!matches)
    fail(std::string("the header is ") + joined(header_) + "; expected " + joined(expected) +
         (prefix ? ",..." : ""));
}

CsvReader CsvReader::without_header(fs::path path, std::vector<std::string> columns) {
  return CsvReader(std::move(path), std::move(columns), 0);
}

bool CsvReader::next() {
  std::string line;
  if (!std::getline(in_, line)) {
    if (in_.bad()) fail("cannot be read: " + std::string(std::strerror(errno)));
    return false;
  }
  ++line_;
  fields_ = parse_csv_line(line);
  if (line.empty() || line == "\r") fail("is blank; every line is a row of " + joined(header_));
  if (fields_.size() != header_.size())
    fail("has " + std::to_string(fields_.size()) + " fields; the header " + joined(header_) + " has " +
         std::to_string(header_.size()));
  return true;
}

double CsvReader::number(std::size_t column) const {
  const std::string& text = field(column);
  if (const auto value = parse_csv_number(text)) return *value;
  fail(header_.at(column) + " is '" + text + "', not a number (numbers are written whole; NA for none)");
}

std::uint64_t CsvReader::count(std::size_t column) const {
  const std::string& text = field(column);
  if (const auto value = parse_csv_count(text)) return *value;
  fail(header_.at(column) + " is '" + text + "', not a count (digits only)");
}

void CsvReader::fail_at(std::size_t line, const std::string& message) const {
  throw CsvError(path_.string() + ":" + std::to_string(line) + ": " + message);
}

ReplicationTable read_replication_table(CsvReader& reader, std::size_t value_column) {
  ReplicationTable table;
  std::unordered_map<std::uint64_t, std::size_t> replication_index;
  std::unordered_map<std::string, std::size_t> key_index;  // key fields joined as written → key
  std::vector<std::vector<std::size_t>> lines;             // lines[k][i]: where key k of replication i is
  std::vector<std::size_t> last_line;                      // of each replication
  while (reader.next()) {
    const std::uint64_t replication = reader.count(0);
    if (replication == 0) reader.fail("replication is 0; replications are numbered from 1");
    const auto [r, new_replication] = replication_index.try_emplace(replication, table.replications.size());
    if (new_replication) {
      table.replications.push_back(replication);
      last_line.push_back(0);
    }
    const std::vector<std::string> key(reader.fields().begin() + 1,
                                       reader.fields().begin() + static_cast<std::ptrdiff_t>(value_column));
    const auto [k, new_key] = key_index.try_emplace(joined(key), table.keys.size());
    if (new_key) {
      table.keys.push_back(key);
      table.values.emplace_back();
      lines.emplace_back();
    }
    auto& values = table.values[k->second];
    auto& where = lines[k->second];
    if (where.size() <= r->second) {
      values.resize(table.replications.size(), std::numeric_limits<double>::quiet_NaN());
      where.resize(table.replications.size(), 0);
    }
    if (where[r->second] != 0)
      reader.fail("replication " + std::to_string(replication) + " has a second row for " + k->first +
                  " (the first is at line " + std::to_string(where[r->second]) + ")");
    where[r->second] = reader.line();
    last_line[r->second] = reader.line();
    values[r->second] = reader.number(value_column);
  }
  for (std::size_t k = 0; k < table.keys.size(); ++k) {
    lines[k].resize(table.replications.size(), 0);
    table.values[k].resize(table.replications.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < table.replications.size(); ++i) {
      if (lines[k][i] != 0) continue;
      std::size_t present = 0;
      while (lines[k][present] == 0) ++present;
      reader.fail_at(last_line[i], "replication " + std::to_string(table.replications[i]) +
                                       " ends here without a row for " + joined(table.keys[k]) +
                                       ", which replication " + std::to_string(table.replications[present]) +
                                       " has at line " + std::to_string(lines[k][present]) +
                                       ": a row was dropped or added");
    }
  }
  return table;
}

}  // namespace probsim
