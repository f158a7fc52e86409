#include "runner/aggregate_point.hpp"

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "config/counted.hpp"
#include "config/diagnostics.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_reader.hpp"
#include "runner/batch_files.hpp"
#include "runner/input_checksums.hpp"
#include "runner/leave_red.hpp"
#include "runner/replication_scheduler.hpp"
#include "runner/run_entries.hpp"
#include "runner/timeseries_summary.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

class AggregateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Copies a file whole (temporary name, then rename).
void copy_atomically(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  if (!in) throw AggregateError(from.string() + ": cannot be read: " + os_reason(errno));
  AtomicFile out(to.string());
  append_stream(out.stream(), in);
  out.commit();
}

// Each replication's kpis file as it stands, before the merge: a file cut short or altered by hand is
// named itself, at its line, rather than as a line of the merged file it would have spoilt.
// Returns its rows.
std::size_t check_replication_kpis(const fs::path& point, std::uint64_t replication) {
  const fs::path file = replication_file(point, replication, "kpis.csv");
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (in && in.tellg() > 0) {
    in.seekg(-1, std::ios::end);
    if (in.get() != '\n')
      throw AggregateError(file.string() +
                           ": is cut short (its last line has no end); remove it and run the "
                           "batch again to redo replication " +
                           std::to_string(replication));
  }
  // Every row must be this replication's, and there must be one: an empty file (a full disk) or one
  // with another replication's rows used to be merged, or blamed on the merged file's line.
  CsvReader reader = CsvReader::without_header(file, {"replication", "level", "unit", "kpi", "value"});
  std::size_t rows = 0;
  while (reader.next()) {  // throws "FILE:LINE: ..." on a malformed row
    if (reader.field(0) != std::to_string(replication))
      reader.fail("a row of replication '" + reader.field(0) + "' in the file of replication " +
                  std::to_string(replication) + "; remove it and run the batch again to redo it");
    (void)reader.number(4);
    ++rows;
  }
  if (rows == 0)
    throw AggregateError(file.string() +
                         ": has no rows; remove it and run the batch again to redo replication " +
                         std::to_string(replication));
  return rows;
}

// Every replication of a point writes the same KPIs, so the same rows: a file cut at a line's end passes
// the checks above, and was found only in the merged kpis.csv, after it had replaced the last good one.
// A file whose count differs from the one most files share is named; with no such majority (two files
// that differ) every count is given, as either file may be the altered one.
void check_same_rows(const fs::path& point, const std::vector<std::size_t>& rows) {
  std::map<std::size_t, std::size_t> replications_with;
  for (std::size_t r = 1; r < rows.size(); ++r) ++replications_with[rows[r]];
  if (replications_with.size() < 2) return;
  std::size_t usual = 0, most = 0, ties = 0;
  for (const auto& [count, replications] : replications_with) {
    if (replications > most) std::tie(usual, most, ties) = std::tuple{count, replications, 0};
    if (replications == most) ++ties;
  }
  if (ties > 1) {
    std::string counts;
    for (std::size_t r = 1; r < rows.size(); ++r)
      counts += (counts.empty() ? "" : ", ") + replication_file(point, r, "kpis.csv") + " " +
                std::to_string(rows[r]);
    throw AggregateError("the replications' kpis files have different rows (" + counts +
                         "), where every replication writes the same KPIs: one was cut short or altered; "
                         "remove the one that is wrong and run the batch again to redo it");
  }
  for (std::size_t r = 1; r < rows.size(); ++r)
    if (rows[r] != usual)
      throw AggregateError(replication_file(point, r, "kpis.csv") + ": has " + std::to_string(rows[r]) +
                           " rows where the point's other replications have " + std::to_string(usual) +
                           " (cut short or altered); remove it and run the batch again to redo replication " +
                           std::to_string(r));
}

std::string list_of(const std::vector<std::uint64_t>& numbers) {
  std::vector<std::string> texts;
  for (std::uint64_t n : numbers) texts.push_back(std::to_string(n));
  return first_items(texts, 8);
}

}  // namespace

PointOutcome PointAggregator::point(const std::string& id) {
  PointOutcome outcome;
  const fs::path target = point_directory(out_, id);
  std::vector<fs::path> dirs;
  for (const auto& source : sources_) dirs.push_back(point_directory(source, id));

  std::uint64_t n = sweep_.replications_per_point;
  if (sweep_.precision) {
    std::optional<std::uint64_t> decided;
    for (const auto& dir : dirs)
      if ((decided = recorded_precision_replications(dir))) break;
    if (!decided) {
      std::size_t complete = 0;
      for (std::uint64_t r = 1; r <= sweep_.precision->max_replications; ++r)
        for (const auto& dir : dirs)
          if (replication_complete(dir, r)) {
            ++complete;
            break;
          }
      outcome.why_incomplete =
          "the precision rule has not decided yet (" + counted(complete, "replication") + " complete)";
      return outcome;
    }
    n = *decided;
  }

  // Shards written to separate directories each record the snapshot CSVs they read: one point must not
  // merge replications of two different files.
  const fs::path* first_with_inputs = nullptr;
  std::vector<std::string> first_inputs;
  for (const auto& dir : dirs) {
    // A run written into the point with probsim run --out merged as the point's, values and all.
    if (fs::exists(dir / "scenario.resolved.yaml") &&
        !is_batch_point_record(dir / "scenario.resolved.yaml", id))
      throw AggregateError("point " + id + ": " + (dir / "scenario.resolved.yaml").string() +
                           " is not the batch's record of the point (it has no '# point: " + id +
                           ":' line): a run was written into it; run the batch again into a fresh --out");
    const auto inputs = recorded_inputs(dir / "scenario.resolved.yaml");
    if (inputs.empty()) continue;
    if (first_with_inputs == nullptr) {
      first_with_inputs = &dir;
      first_inputs = inputs;
    } else if (inputs != first_inputs) {
      throw AggregateError("point " + id + ": " + first_with_inputs->string() + " and " + dir.string() +
                           " record different snapshot CSVs in their scenario.resolved.yaml ('" +
                           first_inputs.front() + "' against '" + inputs.front() +
                           "'): their replications read different files");
    }
  }

  std::vector<const fs::path*> holder(n + 1, nullptr);
  std::vector<std::uint64_t> missing;
  for (std::uint64_t r = 1; r <= n; ++r) {
    for (const auto& dir : dirs) {
      if (!replication_complete(dir, r)) continue;
      if (holder[r] == nullptr) {
        holder[r] = &dir;
      } else if (read_text_file(replication_file(dir, r, "kpis.csv")) !=
                 read_text_file(replication_file(*holder[r], r, "kpis.csv"))) {
        throw AggregateError("replication " + std::to_string(r) + " of point " + id + " differs between " +
                             holder[r]->string() + " and " + dir.string() +
                             ": they cannot come from the same sweep and seeds");
      }
    }
    if (holder[r] == nullptr) missing.push_back(r);
  }
  if (!missing.empty()) {
    outcome.why_incomplete =
        std::to_string(n - missing.size()) + " of " + counted(n, "replication") + " complete (missing " +
        (missing.size() == 1 ? "replication " : "replications ") + list_of(missing) + ")";
    return outcome;
  }

  ensure_directory(target / "replications");
  for (const char* file : {"scenario.resolved.yaml", kPrecisionFile}) {
    if (fs::exists(target / file)) continue;
    for (const auto& dir : dirs)
      if (fs::exists(dir / file)) {
        copy_atomically(dir / file, target / file);
        break;
      }
  }
  const fs::path canonical_target = canonical_or_self(target);
  for (std::uint64_t r = 1; r <= n; ++r) {
    if (canonical_or_self(*holder[r]) == canonical_target) continue;
    // The kpis file last: it marks the copy complete.
    for (const char* suffix : {"timeseries.csv", "events.csv", "kpis.csv"}) {
      const fs::path from = replication_file(*holder[r], r, suffix);
      if (std::string(suffix) == "events.csv" && !fs::exists(from)) continue;
      copy_atomically(from, replication_file(target, r, suffix));
    }
  }
  try {
    std::vector<std::size_t> rows(n + 1, 0);
    for (std::uint64_t r = 1; r <= n; ++r) rows[r] = check_replication_kpis(target, r);
    check_same_rows(target, rows);
    merge_replications(target, n, sweep_.events);
    outcome.summary = summarise_kpis(target / "kpis.csv");
    write_summary(target / "summary.csv", outcome.summary);
    write_timeseries_summary(target / "timeseries.csv", target / kTimeseriesSummaryFile);
    std::string last_month;  // leave_red.csv only where the RAG framework was on (a rag_status series)
    if (const auto leave_red = leave_red_by_pdu(target / "timeseries.csv", &last_month); !leave_red.empty())
      write_leave_red(target / kLeaveRedFile, leave_red, last_month);
  } catch (const std::exception& e) {
    throw AggregateError("point " + id + ": " + e.what());
  }
  outcome.complete = true;
  return outcome;
}

}  // namespace probsim
