#include "runner/run_files.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "config/config_node.hpp"
#include "config/diagnostics.hpp"
#include "output/atomic_file.hpp"
#include "output/case_event_log.hpp"
#include "output/csv.hpp"
#include "output/csv_reader.hpp"
#include "output/kpi_console.hpp"
#include "runner/batch_files.hpp"
#include "runner/leave_red.hpp"
#include "runner/run_entries.hpp"
#include "runner/timeseries_summary.hpp"

namespace fs = std::filesystem;

namespace probsim {

std::string replication_file(const fs::path& run_dir, std::uint64_t replication, const std::string& suffix) {
  char name[64];
  std::snprintf(name, sizeof name, "rep-%05llu.%s", static_cast<unsigned long long>(replication),
                suffix.c_str());
  return (run_dir / "replications" / name).string();
}

void write_replication_files(const fs::path& run_dir, std::uint64_t replication,
                             const ReplicationResult& result) {
  const std::string r = std::to_string(replication);
  {
    AtomicFile file(replication_file(run_dir, replication, "timeseries.csv"));
    for (const auto& row : result.timeseries)
      file.stream() << r << ',' << row.date << ',' << row.level << ',' << csv_field(row.unit) << ','
                    << row.metric << ',' << format_number(row.value) << '\n';
    file.commit();
  }
  // The kpis file is written last: its presence marks the replication complete.
  AtomicFile file(replication_file(run_dir, replication, "kpis.csv"));
  for (const auto& kpi : result.kpis)
    file.stream() << r << ',' << kpi.level << ',' << csv_field(kpi.unit) << ',' << kpi.name << ','
                  << format_number(kpi.value) << '\n';
  file.commit();
}

namespace {
void concatenate(const fs::path& run_dir, std::uint64_t replications, const std::string& suffix,
                 const char* header) {
  AtomicFile merged((run_dir / suffix).string());
  merged.stream() << header;
  for (std::uint64_t r = 1; r <= replications; ++r) {
    std::ifstream part(replication_file(run_dir, r, suffix), std::ios::binary);
    if (!part)
      throw std::runtime_error(replication_file(run_dir, r, suffix) + ": cannot be read (" +
                               os_reason(errno) + "): replication " + std::to_string(r) + " left no " +
                               suffix);
    append_stream(merged.stream(), part);
  }
  merged.commit();
}
}  // namespace

void merge_replications(const fs::path& run_dir, std::uint64_t replications, bool events) {
  concatenate(run_dir, replications, "timeseries.csv", kTimeseriesHeader);
  concatenate(run_dir, replications, "kpis.csv", kKpisHeader);
  if (events) concatenate(run_dir, replications, "events.csv", CaseEventLog::header());
}

std::vector<KpiSummary> summarise_kpis(const fs::path& kpis_csv) {
  CsvReader reader(kpis_csv, {"replication", "level", "unit", "kpi", "value"});
  const ReplicationTable table = read_replication_table(reader, 4);
  std::vector<KpiSummary> summary;
  for (std::size_t k = 0; k < table.keys.size(); ++k)
    summary.push_back(
        KpiSummary{table.keys[k][0], table.keys[k][1], table.keys[k][2], summarise(table.values[k])});
  return summary;
}

void write_summary(const fs::path& path, const std::vector<KpiSummary>& summary) {
  AtomicFile file(path.string());
  file.stream() << kSummaryHeader;
  for (const auto& k : summary) {
    const SummaryStatistics& s = k.statistics;
    file.stream() << csv_row({k.level, k.unit, k.kpi, std::to_string(s.n), format_number(s.mean),
                              format_number(s.sd), format_number(s.ci95_low), format_number(s.ci95_high),
                              format_number(s.p5), format_number(s.p50), format_number(s.p95)});
  }
  file.commit();
}

std::string safe_directory_name(const std::string& name) {
  std::string out;
  for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  if (out.empty()) return "run";
  // A file name may be 255 bytes, and the run works in `<dir>.partial-<host>-<pid>`: a long name failed
  // only when the run began, and at a length that depended on the host's name. Past 100 bytes it is cut,
  // with a hash of the whole name so that two long names sharing their first 91 bytes stay apart.
  constexpr std::size_t kLongest = 100;
  if (out.size() <= kLongest) return out;
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%08x", hash);
  return out.substr(0, kLongest - 9) + suffix;
}

bool is_replaceable_run_directory(const fs::path& dir) {
  if (!fs::is_directory(dir)) return false;
  return fs::is_empty(dir) || fs::exists(dir / "scenario.resolved.yaml");
}

std::optional<std::string> scenario_name_of_run(const fs::path& dir) {
  Diagnostics ignored;  // an unreadable file is no name, not an error: the caller only compares names
  const std::optional<ConfigNode> root =
      parse_config_file((dir / "scenario.resolved.yaml").string(), ignored);
  const ConfigNode* name = root ? root->find("name") : nullptr;
  if (name == nullptr || name->kind != ConfigNode::Kind::scalar) return std::nullopt;
  return name->scalar;
}

std::vector<std::string> entries_a_run_does_not_write(const fs::path& dir) {
  const std::set<std::string>& kRunEntries = run_directory_entries();
  std::vector<std::string> others;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
    if (const std::string name = it->path().filename().string(); !kRunEntries.count(name))
      others.push_back(name + (it->is_directory(error) ? "/" : ""));
  std::sort(others.begin(), others.end());
  return others;
}

bool publish_run_directory(const fs::path& staging, const fs::path& target) {
  std::error_code error;
  fs::path previous;
  if (fs::exists(target)) {
    previous = target.string() + ".replaced-" + std::to_string(::getpid());
    fs::rename(target, previous, error);
    if (error) return false;
  }
  fs::rename(staging, target, error);
  if (error) {
    if (!previous.empty()) fs::rename(previous, target, error);
    return false;
  }
  if (!previous.empty()) fs::remove_all(previous, error);
  return true;
}

void print_summary_table(std::ostream& out, const Scenario& scenario, const RunOptions& options,
                         const std::vector<KpiSummary>& summary, const fs::path& out_dir) {
  char line[200];
  out << "\n"
      << scenario.name << ": " << scenario.window.report_start.iso() << " to "
      << scenario.window.report_end.iso() << ", " << options.replications << " replication"
      << (options.replications == 1 ? "" : "s") << ", seed " << options.base_seed << "\n";
  // One table per unit: the nation, then the units --by asks for, in file order; in each, the KPIs in
  // the order --kpis lists them.
  std::vector<ConsoleRow> rows;
  std::vector<const KpiSummary*> of_row;
  for (const auto& k : summary) {
    if (!level_chosen(k.level, options.by)) continue;
    rows.push_back(ConsoleRow{k.level + '\n' + k.unit, k.kpi});
    of_row.push_back(&k);
  }
  std::string table;  // level + unit of the table being printed
  std::size_t printed = 0;
  for (const std::size_t row : console_order(rows, options.console_kpis)) {
    const KpiSummary& k = *of_row[row];
    if (k.level + '\n' + k.unit != table) {
      table = k.level + '\n' + k.unit;
      out << "\n" << (k.national() ? std::string("National") : k.level + " " + k.unit) << "\n";
      std::snprintf(line, sizeof line, "  %-36s %14s   %-29s\n", "KPI", "mean", "95% CI");
      out << line;
    }
    const SummaryStatistics& s = k.statistics;
    const std::string mean = format_kpi_value(k.kpi, s.mean, 14);
    if (s.n >= 2)
      std::snprintf(line, sizeof line, "  %-36s %s   [%s, %s]\n", k.kpi.c_str(), mean.c_str(),
                    format_kpi_value(k.kpi, s.ci95_low, 12).c_str(),
                    format_kpi_value(k.kpi, s.ci95_high, 12).c_str());
    else
      std::snprintf(line, sizeof line, "  %-36s %s   (one replication: no CI)\n", k.kpi.c_str(),
                    mean.c_str());
    out << line;
    ++printed;
  }
  if (printed == 0) {
    out << "\n(no KPI matches --kpis";
    for (const auto& pattern : options.console_kpis) out << " " << pattern;
    out << ")\n";
  }
  out << "\nResults in " << out_dir.string()
      << "/: summary.csv, kpis.csv, timeseries.csv, timeseries_summary.csv"
      << (options.events ? ", events.csv" : "") << (options.precision ? ", precision.csv" : "")
      << (scenario.caseload.prioritisation.enabled ? ", leave_red.csv" : "")
      << (fs::exists(out_dir / "warnings.txt") ? ", warnings.txt" : "") << ", scenario.resolved.yaml\n";
}

}  // namespace probsim
