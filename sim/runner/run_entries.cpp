#include "runner/run_entries.hpp"

#include <fstream>
#include <iterator>

#include "runner/batch_files.hpp"
#include "runner/leave_red.hpp"
#include "runner/timeseries_summary.hpp"

namespace probsim {

namespace fs = std::filesystem;

const std::set<std::string>& run_directory_entries() {
  static const std::set<std::string> entries = {
      "kpis.csv",     "summary.csv", "timeseries.csv", kTimeseriesSummaryFile,   "events.csv",
      kPrecisionFile, kLeaveRedFile, "warnings.txt",   "scenario.resolved.yaml", "replications"};
  return entries;
}

const std::set<std::string>& batch_directory_entries() {
  static const std::set<std::string> entries = {kSweepResolvedFile, kPointIndexFile, kSweepSummaryFile,
                                                "points"};
  return entries;
}

bool lies_within(const fs::path& file, const fs::path& dir) {
  auto in_dir = file.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++in_dir)
    if (in_dir == file.end() || *in_dir != *d) return false;
  return true;
}

std::string why_output_would_replace_input(const fs::path& out, const fs::path& input) {
  std::error_code error;
  const fs::path file = fs::weakly_canonical(fs::absolute(out, error), error);
  fs::path dir = fs::weakly_canonical(fs::absolute(input, error), error);
  if (file.empty() || dir.empty()) return "";
  // A file read (report's comparison.csv): itself, and the run or batch it lies in.
  if (fs::is_regular_file(dir, error)) {
    if (file == dir) return out.string() + " is the file the command reads; choose another --out";
    dir = dir.parent_path();
  }
  // A batch's point: the batch's own files too (compare --out BATCH/points.csv replaced the point index),
  // for a file outside the point (inside it, the point's own entries are checked below, as a run's).
  if (dir.parent_path().filename() == "points" && !lies_within(file, dir) &&
      fs::exists(dir.parent_path().parent_path() / kSweepResolvedFile, error))
    if (std::string why = why_output_would_replace_input(out, dir.parent_path().parent_path()); !why.empty())
      return why;
  if (!lies_within(file, dir)) return "";
  // The step of `file` just below `dir`.
  auto in_dir = std::next(file.begin(), std::distance(dir.begin(), dir.end()));
  if (in_dir == file.end()) return out.string() + " is the directory the command reads; give a file name";
  const std::string entry = in_dir->string();
  const bool is_run =
      fs::exists(dir / "scenario.resolved.yaml", error) && run_directory_entries().count(entry);
  const bool is_batch = fs::exists(dir / kSweepResolvedFile, error) && batch_directory_entries().count(entry);
  if (!is_run && !is_batch) return "";
  const std::string owner = is_run ? "the run's" : "the batch's";
  if (std::next(in_dir) != file.end()) {
    // A file in one of a batch's points is judged as in a run's directory: the point's own results are
    // guarded, and a comparison or a page beside them (compare's and report's default) is the user's.
    if (is_batch && entry == "points" && std::next(in_dir, 2) != file.end())
      return why_output_would_replace_input(out, dir / "points" / *std::next(in_dir));
    // Under one of the directory's own folders (replications/, points/), or under one of its files, taken
    // for a folder by an --out that goes through it.
    if (entry == "replications" || entry == "points")
      return out.string() + " is inside " + owner + " own " + entry + "/ in " + dir.string() +
             ", which holds its results; write it elsewhere";
    return out.string() + " lies under " + owner + " own " + entry + " in " + dir.string() +
           ", a results file, not a folder; write it elsewhere";
  }
  return out.string() + " is " + owner + " own " + entry + " in " + dir.string() +
         ": writing it would replace " + owner + " results; choose another file name";
}

std::string why_output_would_replace_results(const fs::path& out) {
  std::error_code error;
  const fs::path file = fs::weakly_canonical(fs::absolute(out, error), error);
  if (file.empty()) return "";
  for (fs::path dir = file.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "scenario.resolved.yaml", error) || fs::exists(dir / kSweepResolvedFile, error))
      if (std::string why = why_output_would_replace_input(out, dir); !why.empty()) return why;
    if (dir == dir.root_path()) break;
  }
  return "";
}

std::string why_run_would_replace_batch_point(const fs::path& out_dir) {
  std::error_code error;
  const fs::path dir = fs::weakly_canonical(fs::absolute(out_dir, error), error);
  if (dir.empty() || !dir.has_parent_path() || dir.parent_path().filename() != "points") return "";
  const fs::path batch = dir.parent_path().parent_path();
  if (!fs::exists(batch / kSweepResolvedFile, error)) return "";
  return out_dir.string() + " is point " + dir.filename().string() + " of the batch in " + batch.string() +
         ": the batch writes its replications and aggregate merges them, so a run there would pass as the "
         "point's. Run the batch, or give another --out";
}

bool is_batch_point_record(const fs::path& resolved_yaml, const std::string& id) {
  std::ifstream in(resolved_yaml);
  std::string line;
  while (std::getline(in, line) && line.rfind('#', 0) == 0)
    if (line.rfind("# point: " + id + ":", 0) == 0) return true;
  return false;
}

}  // namespace probsim
