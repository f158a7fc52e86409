#include "report/report_data.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>

#include "output/csv.hpp"
#include "runner/batch_files.hpp"

namespace fs = std::filesystem;

namespace probsim {

const KpiRow* ReportData::kpi(const std::string& name) const {
  for (const auto& row : kpis)
    if (row.kpi == name) return &row;
  return nullptr;
}

bool ReportData::has_metric(const std::string& metric) const {
  return std::find(metrics.begin(), metrics.end(), metric) != metrics.end();
}

namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what) {
  throw std::runtime_error(path.string() + ": " + what);
}

double number(const fs::path& path, const std::string& text) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
    return value;
  } catch (const std::exception&) {
    if (text == "nan" || text == "NaN") return std::nan("");
    fail(path, "'" + text + "' is not a number");
  }
}

std::size_t count(const fs::path& path, const std::string& text) {
  const double value = number(path, text);
  if (!(value >= 0 && value < 1e15) || value != std::floor(value))
    fail(path, "'" + text + "' is not a count of replications");
  return static_cast<std::size_t>(value);
}

// Reads a CSV whose header must begin with `expected` (the columns the report needs, in order).
// Calls row(fields) for every data row with at least header-many fields.
template <typename Row>
void read_csv(const fs::path& path, const std::vector<std::string>& expected, Row&& row,
              std::vector<std::string>* header_out = nullptr) {
  std::ifstream in(path);
  if (!in) fail(path, "cannot be read");
  std::string line;
  if (!std::getline(in, line)) fail(path, "is empty");
  const auto header = parse_csv_line(line);
  std::string wanted;
  for (const auto& column : expected) wanted += (wanted.empty() ? "" : ",") + column;
  if (header.size() < expected.size() || !std::equal(expected.begin(), expected.end(), header.begin()))
    fail(path, "does not start with the header " + wanted);
  if (header_out) *header_out = header;
  std::size_t line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    auto fields = parse_csv_line(line);
    if (fields.size() != header.size())
      fail(path, "line " + std::to_string(line_number) + " has " + std::to_string(fields.size()) +
                     " fields; the header has " + std::to_string(header.size()));
    row(fields);
  }
}

SummaryStatistics summary_from(const fs::path& path, const std::vector<std::string>& f, std::size_t at) {
  SummaryStatistics s;
  s.n = count(path, f[at]);
  s.mean = number(path, f[at + 1]);
  s.sd = number(path, f[at + 2]);
  s.ci95_low = number(path, f[at + 3]);
  s.ci95_high = number(path, f[at + 4]);
  s.p5 = number(path, f[at + 5]);
  s.p50 = number(path, f[at + 6]);
  s.p95 = number(path, f[at + 7]);
  return s;
}

const std::vector<std::string> kSummaryColumns = {"n",         "mean", "sd",  "ci95_low",
                                                  "ci95_high", "p5",   "p50", "p95"};

// Whether a file starts with the columns level,unit (summary.csv and comparison.csv by unit,
// docs/outputs-by-unit.md); files written before them start with kpi.
bool has_unit_columns(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  return std::getline(in, line) && line.rfind("level,unit,", 0) == 0;
}

// The report's headline cards and comparison are national: rows of other units are skipped.
std::vector<KpiRow> read_summary(const fs::path& path) {
  const std::size_t at = has_unit_columns(path) ? 2 : 0;
  std::vector<std::string> columns = {"kpi"};
  if (at) columns = {"level", "unit", "kpi"};
  columns.insert(columns.end(), kSummaryColumns.begin(), kSummaryColumns.end());
  std::vector<KpiRow> rows;
  read_csv(path, columns, [&](const std::vector<std::string>& f) {
    if (at && f[0] != "national") return;
    rows.push_back({f[at], summary_from(path, f, at + 1)});
  });
  return rows;
}

void read_timeseries(const fs::path& path, ReportData& data) {
  // metric, level, unit → date → the replications' values
  std::map<SeriesKey, std::map<std::string, std::vector<double>>> values;
  std::set<std::string> seen_metrics, seen_regions, seen_pdus;
  read_csv(path, {"replication", "date", "level", "unit", "metric", "value"},
           [&](const std::vector<std::string>& f) {
             const std::string& level = f[2];
             const std::string& metric = f[4];
             if (seen_metrics.insert(metric).second) data.metrics.push_back(metric);
             if (level == "region" && seen_regions.insert(f[3]).second) data.regions.push_back(f[3]);
             if (level == "pdu" && seen_pdus.insert(f[3]).second) data.pdus.push_back(f[3]);
             values[{metric, level, f[3]}][f[1]].push_back(number(path, f[5]));
           });
  data.pdu_series_dropped = data.pdus.size() > kMaxPdusWithSeries;
  for (auto& [key, by_date] : values) {
    if (key.level == "pdu" && data.pdu_series_dropped && key.metric != kRagStatusMetric) continue;
    auto& series = data.series[key];
    for (auto& [date, replication_values] : by_date) {
      SeriesValue value;
      value.date = date;
      if (key.metric == kRagStatusMetric)
        for (const double v : replication_values) {
          const long status = std::lround(v);
          if (status >= 0 && status <= 2) ++value.status_counts[static_cast<std::size_t>(status)];
        }
      value.min = *std::min_element(replication_values.begin(), replication_values.end());
      value.stats = summarise(std::move(replication_values));
      series.push_back(std::move(value));
    }
  }
}

// name, report window: from a run's scenario.resolved.yaml.
void read_resolved_scenario(const fs::path& path, ReportProvenance& provenance) {
  try {
    const YAML::Node root = YAML::LoadFile(path.string());
    if (root["name"]) provenance.name = root["name"].as<std::string>();
    if (const YAML::Node simulation = root["simulation"]) {
      if (simulation["report_start"]) provenance.report_start = simulation["report_start"].as<std::string>();
      if (simulation["report_end"]) provenance.report_end = simulation["report_end"].as<std::string>();
    }
  } catch (const YAML::Exception& e) {
    fail(path, std::string("cannot be read as YAML: ") + e.what());
  }
  if (auto seed = recorded_base_seed(path.parent_path())) provenance.base_seed = *seed;
}

std::vector<ComparisonRow> read_comparison(const fs::path& path) {
  std::vector<ComparisonRow> rows;
  const std::size_t at = has_unit_columns(path) ? 2 : 0;
  std::vector<std::string> columns = {"kpi",     "n",        "base_mean", "other_mean",   "diff_mean",
                                      "diff_sd", "ci95_low", "ci95_high", "excludes_zero"};
  if (at) columns.insert(columns.begin(), {"level", "unit"});
  read_csv(path, columns, [&](std::vector<std::string> f) {
    if (at && f[0] != "national") return;
    f.erase(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(at));
    ComparisonRow row;
    row.kpi = f[0];
    row.n = count(path, f[1]);
    row.base_mean = number(path, f[2]);
    row.other_mean = number(path, f[3]);
    row.diff_mean = number(path, f[4]);
    row.diff_sd = number(path, f[5]);
    row.ci95_low = number(path, f[6]);
    row.ci95_high = number(path, f[7]);
    row.excludes_zero = f[8] == "true";
    rows.push_back(std::move(row));
  });
  return rows;
}

std::optional<std::size_t> replications_of(const std::vector<KpiRow>& kpis) {
  std::optional<std::size_t> n;
  for (const auto& row : kpis) n = std::max(n.value_or(0), row.stats.n);
  return n;
}

bool is_run_directory(const fs::path& dir) {
  return fs::is_regular_file(dir / "summary.csv") && fs::is_regular_file(dir / "timeseries.csv");
}

void read_run(const fs::path& dir, ReportData& data) {
  data.kpis = read_summary(dir / "summary.csv");
  read_timeseries(dir / "timeseries.csv", data);
  if (fs::is_regular_file(dir / "scenario.resolved.yaml"))
    read_resolved_scenario(dir / "scenario.resolved.yaml", data.provenance);
  data.provenance.replications = replications_of(data.kpis);
}

void read_batch(const fs::path& dir, ReportData& data) {
  data.kind = ReportKind::batch;
  const fs::path summary = dir / kSweepSummaryFile;
  if (!fs::is_regular_file(summary))
    fail(dir, std::string("is a batch without ") + kSweepSummaryFile +
                  ": it is incomplete or not aggregated (run `probsim aggregate " + dir.string() + "`)");
  try {
    const YAML::Node sweep = YAML::LoadFile((dir / kSweepResolvedFile).string());
    if (sweep["name"]) data.provenance.name = sweep["name"].as<std::string>();
    if (sweep["base_seed"]) data.provenance.base_seed = sweep["base_seed"].as<std::string>();
  } catch (const YAML::Exception& e) {
    fail(dir / kSweepResolvedFile, std::string("cannot be read as YAML: ") + e.what());
  }
  const PointIndex index = read_point_index(dir / kPointIndexFile);
  SweepData sweep;
  sweep.keys = index.keys;
  std::map<std::string, std::size_t> position;
  for (const auto& row : index.points) {
    position[row.id] = sweep.points.size();
    sweep.points.push_back({row.id, row.scenario, row.values, {}});
  }
  std::vector<std::string> columns = {"point", "scenario"};
  columns.insert(columns.end(), index.keys.begin(), index.keys.end());
  columns.emplace_back("kpi");
  columns.insert(columns.end(), kSummaryColumns.begin(), kSummaryColumns.end());
  const std::size_t kpi_at = 2 + index.keys.size();
  read_csv(summary, columns, [&](const std::vector<std::string>& f) {
    const auto it = position.find(f[0]);
    if (it == position.end()) fail(summary, "names point " + f[0] + ", which points.csv does not list");
    sweep.points[it->second].kpis.push_back({f[kpi_at], summary_from(summary, f, kpi_at + 1)});
  });
  if (!sweep.points.empty()) {
    const fs::path first = point_directory(dir, sweep.points.front().id);
    ReportProvenance point;
    if (fs::is_regular_file(first / "scenario.resolved.yaml"))
      read_resolved_scenario(first / "scenario.resolved.yaml", point);
    data.provenance.report_start = point.report_start;
    data.provenance.report_end = point.report_end;
    data.provenance.replications = replications_of(sweep.points.front().kpis);
  }
  data.sweep = std::move(sweep);
}

}  // namespace

ReportData read_report_data(const fs::path& path) {
  ReportData data;
  data.provenance.source = path.string();
  if (!fs::exists(path)) fail(path, "no such file or directory");
  if (fs::is_regular_file(path)) {
    // A comparison.csv written elsewhere with `compare --out`: the comparison alone, with its run's
    // context if it sits in a run directory.
    data.kind = ReportKind::comparison;
    data.comparison = read_comparison(path);
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (fs::is_regular_file(dir / "scenario.resolved.yaml"))
      read_resolved_scenario(dir / "scenario.resolved.yaml", data.provenance);
    if (data.provenance.name.empty()) data.provenance.name = path.filename().string();
    if (!data.comparison.empty()) data.provenance.replications = data.comparison.front().n;
    return data;
  }
  if (!fs::is_directory(path)) fail(path, "is neither a directory nor a comparison.csv file");
  if (is_batch_directory(path)) {
    read_batch(path, data);
    return data;
  }
  if (!is_run_directory(path)) {
    std::string hint =
        "is not a finished run, an aggregated batch or a comparison: it has no summary.csv "
        "and timeseries.csv (a run), no sweep.resolved.yaml (a batch) and no comparison.csv";
    if (fs::exists(path / "replications"))
      hint += " (for a point of a batch, run `probsim aggregate` on the batch first)";
    if (fs::is_regular_file(path / "comparison.csv")) {
      data.kind = ReportKind::comparison;
      data.comparison = read_comparison(path / "comparison.csv");
      if (!data.comparison.empty()) data.provenance.replications = data.comparison.front().n;
      data.provenance.name = path.filename().string();
      return data;
    }
    fail(path, hint);
  }
  read_run(path, data);
  if (fs::is_regular_file(path / "comparison.csv")) {
    data.kind = ReportKind::comparison;
    data.comparison = read_comparison(path / "comparison.csv");
  }
  return data;
}

}  // namespace probsim
