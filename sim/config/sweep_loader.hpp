#pragma once
// A sweep file (docs/guides/sweeps-and-batches.md) → experiment points. A sweep names base scenarios, the
// parameters to vary (a grid, a list of explicit points, or both), the replications per point, a base
// seed and, optionally, a precision target. It is read and checked like a scenario: every problem is
// reported with its file, line, column and key, and unknown keys get a did-you-mean. Every point's
// scenario is then built and fully validated before anything runs, so a bad point never starts a batch.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config_node.hpp"
#include "config/scenario_loader.hpp"

namespace probsim {

// One `key.path: value` of a sweep, in the syntax of --set. The value keeps its own place in the sweep
// file, so an error the scenario reader finds in it points at the sweep, not at the scenario.
struct SweepAssignment {
  std::string key_path;
  ConfigNode value;
  SourceLocation key_where;

  [[nodiscard]] std::string value_text() const { return emit_yaml_inline(value); }
};

// Which replication seeds the points share (docs/reference/commands.md, "Reproducibility").
enum class PointSeeds {
  common,       // every point uses the base seed: common random numbers across points (the default)
  independent,  // each point's seed is derived from the base seed and the point's scenario and values
};

struct PrecisionTarget {
  double relative_half_width = 0.05;      // 95% CI half-width ≤ this × |mean|, for every chosen KPI
  std::vector<std::string> kpis;          // empty: every KPI
  std::vector<SourceLocation> kpi_where;  // each name's place in the sweep file, for messages
  std::uint64_t max_replications = 100;
};

struct SweepParameter {
  std::string key_path;
  SourceLocation key_where;
  std::vector<ConfigNode> values;
};

struct SweepSpec {
  std::string path;  // the sweep file as given
  std::string name;
  std::string description;
  std::vector<std::string> scenarios;  // as written: relative to the sweep file's directory
  std::vector<SourceLocation> scenario_locations;
  std::vector<SweepAssignment> common;               // `set`: applied to every point before its own values
  std::vector<SweepParameter> grid;                  // `parameters`: the cartesian product of their values
  std::vector<std::vector<SweepAssignment>> points;  // `points`: explicit points, after the grid's
  std::uint64_t replications_per_point = 0;          // the minimum, with a precision target
  std::uint64_t base_seed = 1;
  PointSeeds point_seeds = PointSeeds::common;
  std::optional<PrecisionTarget> precision;
  bool events = false;
  // How a report shows the sweep (docs/guides/sweeps-and-batches.md, "Labels and headline KPIs"):
  std::vector<std::string> headline_kpis;  // `headline_kpis`: the KPIs a report shows first; empty: chosen
  std::vector<SourceLocation> headline_kpi_where;  // each name's place in the sweep file, for messages
  std::vector<std::pair<std::string, std::string>> key_labels;  // `labels`: varied key path → short name
  std::vector<std::string> point_labels;  // one per `points` item: its `label`, or empty
  // One per `points` item: where it is, for a message about an item with no key of its own (`{}`).
  std::vector<SourceLocation> point_locations;

  [[nodiscard]] std::filesystem::path scenario_file(std::size_t index) const;
  // The keys that points vary, in order of first appearance: the grid's, then the explicit points'.
  [[nodiscard]] std::vector<std::string> varied_keys() const;
  // The sweep with every default filled in, as YAML that read_sweep reads back. Equal sweeps give
  // equal text whatever their layout or comments, so it identifies a batch's inputs.
  [[nodiscard]] std::string resolved_yaml() const;
};

struct SweepPoint {
  std::string id;                            // p0001, p0002, … in sweep order
  std::size_t scenario = 0;                  // index into SweepSpec::scenarios
  std::vector<SweepAssignment> assignments;  // this point's own values, in order
  std::uint64_t base_seed = 0;               // replication r uses replication_seed(base_seed, r)
  std::string label;                         // an explicit point's `label`, or empty

  // The scenario and values as written, as one line: what an independent point's seed is derived from.
  // Whether two points are the same point is same_point_key's question (config/sweep_same_values.hpp),
  // which reads 6 and 6.0 as one value.
  [[nodiscard]] std::string identity(const SweepSpec& sweep) const;
  // "key=value, key=value", or "the scenario as it is".
  [[nodiscard]] std::string describe() const;
};

// What a sweep with problems gives back. `none`: nothing, whatever the problem. `past_unknown_keys`: the
// sweep itself when its only problems are unknown top-level keys and missing keys no point depends on
// (`name`, `replications_per_point`: a misspelt `replication_per_point` is both), so that `batch` can
// check its points in the same pass and a user fixes the file once, not twice. The points are then as the
// file stands: a misspelt `set`, `parameters` or `points` is not applied to them. The problems are in the
// diagnostics either way, and a caller must not run a sweep that has any.
enum class SweepWithProblems { none, past_unknown_keys };

// Reads a sweep already parsed (a sweep file, or a batch's sweep.resolved.yaml).
[[nodiscard]] std::optional<SweepSpec> read_sweep(const ConfigNode& root, const std::string& path,
                                                  Diagnostics& diagnostics,
                                                  SweepWithProblems with_problems = SweepWithProblems::none);
[[nodiscard]] std::optional<SweepSpec> load_sweep_file(
    const std::string& path, Diagnostics& diagnostics,
    SweepWithProblems with_problems = SweepWithProblems::none);

// Every point, in order: for each scenario, the grid (first parameter outermost, last fastest), then
// the explicit points; with no grid and no points, the scenario itself. Duplicate points are errors
// (numbers compared by value: config/sweep_same_values.hpp).
[[nodiscard]] std::vector<SweepPoint> expand_points(const SweepSpec& sweep, Diagnostics& diagnostics);

// A point built and checked, ready to run. Its merged tree is not kept but rebuilt when it is written: a
// node for every value, each with its file's path twice, the tree was 95% of what a point held (2.9 MiB
// of a national scenario's point, 0.22 MiB of example_pdu's), so a 20,000-point grid took 4.7 GB before
// anything ran. The points of one scenario share its file's tree.
struct LoadedPoint {
  SweepPoint point;
  Scenario scenario;
  std::shared_ptr<const ConfigNode> base;  // the point's scenario file after `extends`

  // The merged tree, as load_points built and checked it: the base, the sweep's `set`, the point's values.
  [[nodiscard]] ConfigNode resolved(const SweepSpec& sweep) const;
};

// The values (scalars, lists and maps) of each of the sweep's scenario files after `extends`, in the
// order of SweepSpec::scenarios: what a built point's size follows (runner/sweep_memory.hpp). 0 for a file
// that does not load; load_points names its problems.
[[nodiscard]] std::vector<std::size_t> scenario_value_counts(const SweepSpec& sweep);

// The data rows of the two CSVs a warm_start: snapshot point continues from (simulation.caseload_csv and
// simulation.staff_csv), which a built point holds parsed beside its scenario (runner/sweep_memory.hpp).
// Counted as lines past the header, not parsed: a blank line or a quoted line break counts as a row, so
// the count errs high. The file empty when the point has no snapshot, or when it cannot be read (missing,
// a directory, a pipe, unreadable): load_points then names it, at its key and with the loader's words.
struct SnapshotCsvRows {
  std::string caseload_file, staff_file;  // as the loader resolves them; empty when not counted
  std::size_t caseload = 0, staff = 0;

  [[nodiscard]] std::size_t total() const { return caseload + staff; }
};

// Per point of `points`, in order: the rows of the CSVs that point reads. A point's CSVs are found in its
// own tree (the scenario file, the sweep's `set`, then the point's values), so a grid or point that sets
// simulation.warm_start, simulation.caseload_csv or simulation.staff_csv (or the whole `simulation`) is
// counted with the files it names; each file is read once however many points name it.
[[nodiscard]] std::vector<SnapshotCsvRows> point_snapshot_csv_rows(const SweepSpec& sweep,
                                                                   const std::vector<SweepPoint>& points);

// Builds and validates every point's scenario (the base file with its `extends`, then `set`, then the
// point's values). A problem shared by many points is reported once, naming the first and how many.
[[nodiscard]] std::optional<std::vector<LoadedPoint>> load_points(const SweepSpec& sweep,
                                                                  const std::vector<SweepPoint>& points,
                                                                  Diagnostics& diagnostics);

}  // namespace probsim
