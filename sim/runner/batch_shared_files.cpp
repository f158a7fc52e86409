#include "runner/batch_shared_files.hpp"

#include <charconv>
#include <sstream>

#include "output/atomic_file.hpp"
#include "runner/batch_files.hpp"
#include "runner/input_checksums.hpp"
#include "runner/replication_scheduler.hpp"
#include "runner/shell_quoting.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

// sweep.resolved.yaml's header: where the sweep came from and which command started the batch. Comments,
// so a shard started by another command still agrees with it.
std::string sweep_header(const SweepSpec& sweep, const std::string& command_line) {
  std::error_code ignored;
  const fs::path sweep_file = fs::absolute(sweep.path, ignored);
  std::ostringstream out;
  out << "# The sweep of this batch with every default filled in. Every shard checks that it runs this\n"
      << "# same sweep; only the comments may differ. Scenario paths are relative to the sweep file.\n"
      << "# program: probsim " << PROBSIM_VERSION << "\n"
      << "# sweep file: " << shell_quoted(sweep_file.string()) << "\n"
      << "# command (of the first process to start this batch): " << command_line << "\n";
  return out.str();
}

// The `run` options that apply a sweep's precision rule to one point: without them the re-run stopped at
// the minimum, not at the replications the rule took.
std::string precision_options(const SweepSpec& sweep) {
  if (!sweep.precision) return "";
  char width[32];
  const auto written = std::to_chars(width, width + sizeof width, sweep.precision->relative_half_width);
  std::string options = " --precision " + std::string(width, written.ptr);
  if (!sweep.precision->kpis.empty()) {
    std::string kpis;
    for (const std::string& kpi : sweep.precision->kpis) kpis += (kpis.empty() ? "" : ",") + kpi;
    options += " --precision-kpis " + shell_quoted(kpis);
  }
  return options + " --max-reps " + std::to_string(sweep.precision->max_replications);
}

// A point's scenario.resolved.yaml header: what the point is, and how to re-run it alone.
std::string point_header(const SweepSpec& sweep, const SweepPoint& point) {
  std::error_code ignored;
  std::ostringstream out;
  out << "# The exact inputs of point " << point.id << " of sweep " << sweep.name << ": "
      << shell_quoted(sweep.scenarios[point.scenario])
      << " after the sweep's `set` and the point's own values.\n"
      << "# Re-run this point alone with: probsim run <this file> --reps " << sweep.replications_per_point
      << " --seed " << point.base_seed << precision_options(sweep) << "\n"
      << "# program: probsim " << PROBSIM_VERSION << "\n"
      << "# sweep file: " << shell_quoted(fs::absolute(sweep.path, ignored).string()) << "\n"
      << "# point: " << point.id << ": " << point.describe() << "\n"
      << "# base_seed: " << point.base_seed << "\n";
  if (sweep.precision)
    out << "# replications: from " << sweep.replications_per_point
        << " until the precision rule decides, at most " << sweep.precision->max_replications
        << " (see precision.csv)\n";
  else
    out << "# replications: " << sweep.replications_per_point << " (replication r uses the seed derived from "
        << "(base_seed, r))\n";
  return out.str();
}

// Writes a file that every shard writes with the same content, unless it is there already; if it is,
// its content (without comments, for YAML) must be ours. Returns a message if it is not.
// `normalise` (for a point's record, without_csv_paths) is applied to both texts before they are compared.
std::optional<std::string> publish_shared(const fs::path& path, const std::string& content, bool yaml,
                                          bool write = true,
                                          std::string (*normalise)(const std::string&) = nullptr) {
  if (std::error_code none; !write && !fs::exists(path, none)) return std::nullopt;
  if (write && write_file_if_absent(path.string(), content)) return std::nullopt;
  const auto read = read_text_file(path);
  if (!read) return "cannot read " + path.string();
  const std::string ours = normalise ? normalise(content) : content;
  const std::string existing = normalise ? normalise(*read) : *read;
  const std::string mine = yaml ? yaml_body(ours) : ours;
  const std::string theirs = yaml ? yaml_body(existing) : existing;
  if (mine == theirs) return std::nullopt;
  return path.string() + " differs from what this sweep gives (" +
         (yaml ? first_yaml_difference(ours, existing) : first_difference(mine, theirs)) + ")";
}

// A point's record with its snapshot CSV paths set aside, line for line: they are written absolute (from
// session 33; relative before, which named no file from the point's folder), through whichever path a
// shard was started by, and what the files hold is pinned by the '# input' checksums changed_inputs checks.
// Compared as written, a batch begun before, or a shard started through a link, was refused its resume.
std::string without_csv_paths(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind("  caseload_csv: ", 0) == 0 || line.rfind("  staff_csv: ", 0) == 0)
      line = line.substr(0, line.find(':') + 1) + " (checked by its '# input' checksum)";
    out += line + "\n";
  }
  return out;
}

PointIndex make_index(const SweepSpec& sweep, const std::vector<LoadedPoint>& points) {
  PointIndex index;
  index.keys = sweep.varied_keys();
  for (const auto& p : points) {
    PointIndexRow row{p.point.id, sweep.scenarios[p.point.scenario], std::to_string(p.point.base_seed), {}};
    const ConfigNode resolved = p.resolved(sweep);
    // A key this point does not set is shown with the value it has in the point's scenario.
    for (const auto& key : index.keys) {
      const ConfigNode* value = find_at_path(resolved, key);
      row.values.push_back(value != nullptr ? emit_yaml_inline(*value) : "");
    }
    index.points.push_back(std::move(row));
  }
  return index;
}

std::optional<std::string> shared_files(const fs::path& out, const SweepSpec& sweep,
                                        const std::vector<LoadedPoint>& points,
                                        const std::string& command_line, bool write) {
  if (auto problem = publish_shared(out / kSweepResolvedFile,
                                    sweep_header(sweep, command_line) + sweep.resolved_yaml(), true, write))
    return out.string() + " holds another sweep: " + *problem +
           ". Use another --out, or remove the directory to start again.";
  if (auto problem =
          publish_shared(out / kPointIndexFile, point_index_csv(make_index(sweep, points)), false, write))
    return *problem;
  for (const auto& p : points) {
    const fs::path dir = point_directory(out, p.point.id);
    if (write) ensure_directory(dir / "replications");
    // A snapshot CSV edited between two shards would make one point of two inputs.
    if (const auto changed = changed_inputs(dir / "scenario.resolved.yaml", true); !changed.empty()) {
      std::string message = "point " + p.point.id + "'s earlier replications read another file:";
      for (const auto& one : changed) message += "\n  " + one;
      return message +
             "\nOr, to run with the file as it is now, use another --out, or remove the directory to "
             "start again.";
    }
    if (auto problem = publish_shared(
            dir / "scenario.resolved.yaml",
            point_header(sweep, p.point) + input_checksum_lines(p.scenario) + emit_yaml(p.resolved(sweep)),
            true, write, without_csv_paths))
      return "point " + p.point.id + "'s scenario is not the one its earlier replications used: " + *problem +
             ". Did a scenario file change? Use another --out, or remove the directory to start again.";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> publish_shared_files(const fs::path& out, const SweepSpec& sweep,
                                                const std::vector<LoadedPoint>& points,
                                                const std::string& command_line) {
  return shared_files(out, sweep, points, command_line, true);
}

std::optional<std::string> check_shared_files(const fs::path& out, const SweepSpec& sweep,
                                              const std::vector<LoadedPoint>& points) {
  return shared_files(out, sweep, points, "", false);
}

}  // namespace probsim
