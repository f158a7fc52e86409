#include "report/report_data.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>

#include "output/csv.hpp"
#include "output/csv_reader.hpp"
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

// Reads a CSV whose header must begin with `expected` (the columns the report needs, in order), and
// calls row(reader) for every data row (CsvReader: whole rows, whole numbers, errors at FILE:LINE).
template <typename Row>
void read_csv(const fs::path& path, const std::vector<std::string>& expected, Row&& row) {
  CsvReader reader(path, expected, /*prefix=*/true);
  while (reader.next()) row(reader);
}

SummaryStatistics summary_from(const CsvReader& reader, std::size_t at) {
  SummaryStatistics s;
  s.n = reader.count(at);
  s.mean = reader.number(at + 1);
  s.sd = reader.number(at + 2);
  s.ci95_low = reader.number(at + 3);
  s.ci95_high = reader.number(at + 4);
  s.p5 = reader.number(at + 5);
  s.p50 = reader.number(at + 6);
  s.p95 = reader.number(at + 7);
  return s;
}

// Refuses a second row for the same key (a duplicated row would silently replace the first).
class UniqueKeys {
 public:
  void check(const CsvReader& reader, const std::string& key) {
    const auto [it, inserted] = lines_.try_emplace(key, reader.line());
    if (!inserted)
      reader.fail("a second row for " + key + " (the first is at line " + std::to_string(it->second) + ")");
  }

 private:
  std::map<std::string, std::size_t> lines_;
};

const std::vector<std::string> kSummaryColumns = {"n",         "mean", "sd",  "ci95_low",
                                                  "ci95_high", "p5",   "p50", "p95"};

// Whether a file has level,unit first (docs/outputs-by-unit.md): all but one written before them, which
// starts with kpi. A damaged header is read as the current layout, so its message gives the right one.
bool has_unit_columns(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  return !(std::getline(in, line) && line.rfind("kpi,", 0) == 0);
}

// The report's headline cards and comparison are national: rows of other units are skipped.
std::vector<KpiRow> read_summary(const fs::path& path) {
  const std::size_t at = has_unit_columns(path) ? 2 : 0;
  std::vector<std::string> columns = {"kpi"};
  if (at) columns = {"level", "unit", "kpi"};
  columns.insert(columns.end(), kSummaryColumns.begin(), kSummaryColumns.end());
  std::vector<KpiRow> rows;
  UniqueKeys unique;
  read_csv(path, columns, [&](const CsvReader& r) {
    const auto& f = r.fields();
    unique.check(r, csv_row({f.begin(), f.begin() + static_cast<std::ptrdiff_t>(at + 1)}));
    if (at && f[0] != "national") return;
    rows.push_back({f[at], summary_from(r, at + 1)});
  });
  return rows;
}

}  // namespace

namespace {

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
  UniqueKeys unique;
  read_csv(path, columns, [&](const CsvReader& r) {
    std::vector<std::string> f = r.fields();
    unique.check(r, csv_row({f.begin(), f.begin() + static_cast<std::ptrdiff_t>(at + 1)}));
    const std::size_t c = at;  // the kpi column
    ComparisonRow row;
    if (at) {
      row.level = f[0];
      row.unit = f[1];
    }
    row.kpi = f[c];
    row.n = r.count(c + 1);
    row.base_mean = r.number(c + 2);
    row.other_mean = r.number(c + 3);
    row.diff_mean = r.number(c + 4);
    row.diff_sd = r.number(c + 5);
    row.ci95_low = r.number(c + 6);
    row.ci95_high = r.number(c + 7);
    if (f[c + 8] != "true" && f[c + 8] != "false")
      r.fail("excludes_zero is '" + f[c + 8] + "', not true or false");
    row.excludes_zero = f[c + 8] == "true";
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
  report_detail::read_timeseries(dir / "timeseries.csv", data);
  if (fs::is_regular_file(dir / "scenario.resolved.yaml"))
    read_resolved_scenario(dir / "scenario.resolved.yaml", data.provenance);
  data.provenance.replications = replications_of(data.kpis);
  // A time series cut short (at a replication's end, or in its first) drew part of the run under the
  // summary's count of replications.
  if (data.provenance.replications && *data.provenance.replications != data.timeseries_replications)
    fail(dir / "timeseries.csv",
         "holds " + std::to_string(data.timeseries_replications) + " of the " +
             std::to_string(*data.provenance.replications) +
             " replications summary.csv summarises: it is cut short or from another run");
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
    sweep.points.push_back({row.id, row.id, row.scenario, row.values, {}});
  }
  std::vector<std::string> columns = {"point", "scenario"};
  columns.insert(columns.end(), index.keys.begin(), index.keys.end());
  columns.emplace_back("kpi");
  columns.insert(columns.end(), kSummaryColumns.begin(), kSummaryColumns.end());
  const std::size_t kpi_at = 2 + index.keys.size();
  UniqueKeys unique;
  read_csv(summary, columns, [&](const CsvReader& r) {
    const auto& f = r.fields();
    const auto it = position.find(f[0]);
    if (it == position.end()) r.fail("names point " + f[0] + ", which points.csv does not list");
    unique.check(r, csv_row({f[0], f[kpi_at]}));
    sweep.points[it->second].kpis.push_back({f[kpi_at], summary_from(r, kpi_at + 1)});
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
  report_detail::describe_sweep(dir, sweep);
  data.sweep = std::move(sweep);
}

}  // namespace

ReportData read_report_data(const fs::path& path, const fs::path& baseline) {
  ReportData data;
  data.provenance.source = path.string();
  if (!fs::exists(path)) fail(path, "no such file or directory");
  if (!baseline.empty() && !is_run_directory(path))
    fail(path, "is not a run directory; --baseline sets a run (the plan) against another (the baseline)");
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
  report_detail::read_baseline(path, baseline, data);
  report_detail::read_leave_red(path, data);
  return data;
}

}  // namespace probsim
