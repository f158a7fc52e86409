#include "runner/batch_files.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/csv_reader.hpp"

namespace fs = std::filesystem;

namespace probsim {

fs::path canonical_or_self(const fs::path& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path : canonical;
}

bool is_batch_directory(const fs::path& dir) {
  std::error_code error;
  return fs::is_regular_file(dir / kSweepResolvedFile, error);
}

std::string yaml_body(const std::string& text) {
  std::istringstream in(text);
  std::string line, body;
  while (std::getline(in, line))
    if (line.rfind('#', 0) != 0) body += line + "\n";
  return body;
}

std::string first_difference(const std::string& mine, const std::string& theirs) {
  std::istringstream a(mine), b(theirs);
  std::string line_a, line_b;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_b = static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) return "no difference";
    if (!more_a) line_a = "(end of file)";
    if (!more_b) line_b = "(end of file)";
    if (line_a != line_b)
      return "line " + std::to_string(line) + ": '" + line_a + "' now, '" + line_b + "' before";
  }
}

std::string first_yaml_difference(const std::string& mine, const std::string& theirs) {
  // Each text's lines but its comments, with their line numbers in the whole file.
  const auto body_lines = [](const std::string& text) {
    std::vector<std::pair<int, std::string>> lines;
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
      if (line.rfind('#', 0) != 0) lines.emplace_back(number, line);
    return lines;
  };
  const auto a = body_lines(mine), b = body_lines(theirs);
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string line_a = i < a.size() ? a[i].second : "(end of file)";
    const std::string line_b = i < b.size() ? b[i].second : "(end of file)";
    if (line_a == line_b) continue;
    const int number = i < b.size() ? b[i].first : (b.empty() ? 1 : b.back().first + 1);
    return "line " + std::to_string(number) + ": '" + line_a + "' now, '" + line_b + "' before";
  }
  return "no difference";
}

std::optional<std::string> read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  append_stream(content, in);
  return content.str();
}

std::string point_index_csv(const PointIndex& index) {
  std::vector<std::string> header = {"point", "scenario", "base_seed"};
  header.insert(header.end(), index.keys.begin(), index.keys.end());
  std::string text = csv_row(header);
  for (const auto& row : index.points) {
    std::vector<std::string> fields = {row.id, row.scenario, row.base_seed};
    fields.insert(fields.end(), row.values.begin(), row.values.end());
    text += csv_row(fields);
  }
  return text;
}

PointIndex read_point_index(const fs::path& path) {
  CsvReader reader(path, {"point", "scenario", "base_seed"}, /*prefix=*/true);
  PointIndex index;
  index.keys.assign(reader.header().begin() + 3, reader.header().end());
  std::map<std::string, std::size_t> lines;  // point → its line
  while (reader.next()) {
    const auto& fields = reader.fields();
    if (const auto [it, inserted] = lines.try_emplace(fields[0], reader.line()); !inserted)
      reader.fail("point " + fields[0] + " is listed twice (first at line " + std::to_string(it->second) +
                  ")");
    index.points.push_back(
        PointIndexRow{fields[0], fields[1], fields[2], {fields.begin() + 3, fields.end()}});
  }
  return index;
}

std::optional<std::string> recorded_base_seed(const fs::path& run_dir) {
  std::ifstream in(run_dir / "scenario.resolved.yaml");
  std::string line;
  const std::string tag = "# base_seed: ";
  while (std::getline(in, line)) {
    if (line.rfind('#', 0) != 0) break;
    if (line.rfind(tag, 0) == 0) return line.substr(tag.size());
  }
  return std::nullopt;
}

std::string recorded_report_window(const fs::path& run_dir) {
  std::ifstream in(run_dir / "scenario.resolved.yaml");
  std::string line, start, end;
  bool in_simulation = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') in_simulation = line.rfind("simulation:", 0) == 0;
    if (!in_simulation) continue;
    for (auto [tag, value] : {std::pair{"  report_start: ", &start}, std::pair{"  report_end: ", &end}})
      if (line.rfind(tag, 0) == 0) *value = line.substr(std::string(tag).size());
  }
  return start.empty() || end.empty() ? "" : start + " to " + end;
}

std::set<std::string> recorded_pdus(const fs::path& run_dir) {
  std::set<std::string> pdus;
  std::ifstream in(run_dir / "summary.csv");
  std::string line;
  if (!std::getline(in, line) || line.rfind("level,unit,", 0) != 0) return pdus;
  while (std::getline(in, line))
    if (line.rfind("pdu,", 0) == 0) {
      const std::vector<std::string> fields = parse_csv_line(line);
      if (fields.size() > 1) pdus.insert(fields[1]);
    }
  return pdus;
}

std::optional<std::uint64_t> recorded_precision_replications(const fs::path& run_dir) {
  std::ifstream in(run_dir / kPrecisionFile);
  std::string line;
  if (!in || !std::getline(in, line) || !std::getline(in, line)) return std::nullopt;
  const auto fields = parse_csv_line(line);
  if (fields.size() < 2) return std::nullopt;
  try {
    return std::stoull(fields[1]);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace probsim
