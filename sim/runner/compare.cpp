#include "runner/compare.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/paired_comparison.hpp"
#include "runner/batch_files.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

struct RunKpis {
  std::vector<std::string> order;                                 // KPIs in file order
  std::map<std::string, std::map<std::uint64_t, double>> values;  // kpi → replication → value
  std::size_t replications = 0;
};

std::optional<RunKpis> read_run(const std::string& dir, std::string& error) {
  const fs::path path = fs::path(dir) / "kpis.csv";
  if (!fs::is_directory(dir)) {
    error = dir + ": no such directory";
    return std::nullopt;
  }
  if (is_batch_directory(dir)) {
    error = dir + " is a batch directory; compare two of its points (or points of two batches), e.g. " +
            (fs::path(dir) / "points" / "p0001").string();
    return std::nullopt;
  }
  std::ifstream in(path);
  if (!in) {
    error = dir + " has no kpis.csv: it is not a finished run" +
            std::string(fs::exists(fs::path(dir) / "replications")
                            ? " (for a point of a batch, run `probsim aggregate` on the batch first)"
                            : "");
    return std::nullopt;
  }
  RunKpis run;
  std::string line;
  std::getline(in, line);
  if (line != "replication,kpi,value") {
    error = path.string() + " does not start with the header replication,kpi,value";
    return std::nullopt;
  }
  std::set<std::uint64_t> replications;
  while (std::getline(in, line)) {
    const auto fields = parse_csv_line(line);
    try {
      if (fields.size() != 3) throw std::invalid_argument("fields");
      const std::uint64_t r = std::stoull(fields[0]);
      auto [it, inserted] = run.values.try_emplace(fields[1]);
      if (inserted) run.order.push_back(fields[1]);
      it->second[r] = std::stod(fields[2]);
      replications.insert(r);
    } catch (const std::exception&) {
      error = "malformed row in " + path.string() + ": " + line;
      return std::nullopt;
    }
  }
  run.replications = replications.size();
  return run;
}

}  // namespace

int run_compare(const CompareOptions& options) {
  std::string error;
  const auto base = read_run(options.base_dir, error);
  const auto other = base ? read_run(options.other_dir, error) : std::nullopt;
  if (!base || !other) {
    std::cerr << "probsim compare: " << error << "\n";
    return 1;
  }

  std::vector<std::string> notes;
  const auto base_seed = recorded_base_seed(options.base_dir);
  const auto other_seed = recorded_base_seed(options.other_dir);
  std::string pairing;
  if (base_seed && other_seed && *base_seed == *other_seed) {
    pairing = "same base seed " + *base_seed + ": common random numbers";
  } else if (base_seed && other_seed) {
    pairing = "different base seeds";
    notes.push_back(
        "warning: the runs used different base seeds (" + *base_seed + " and " + *other_seed +
        "), so replication r of one shares no random numbers with replication r of the other. The "
        "paired CI is still valid, but no tighter than comparing two independent samples; re-run "
        "with the same --seed for a paired comparison.");
  } else {
    pairing = "base seeds unknown";
    notes.push_back(
        "warning: cannot read the base seed of " +
        std::string(base_seed ? options.other_dir : options.base_dir) +
        " (scenario.resolved.yaml has no '# base_seed:' line), so cannot tell whether the pairs share "
        "their random numbers.");
  }
  if (base->replications != other->replications)
    notes.push_back("note: " + options.base_dir + " has " + std::to_string(base->replications) +
                    " replications and " + options.other_dir + " has " + std::to_string(other->replications) +
                    "; only replications present in both are paired.");

  struct Row {
    std::string kpi;
    PairedDifference d;
  };
  std::vector<Row> rows;
  for (const auto& kpi : base->order) {
    const auto found = other->values.find(kpi);
    if (found == other->values.end()) {
      notes.push_back("note: KPI " + kpi + " is only in " + options.base_dir + "; not compared.");
      continue;
    }
    std::vector<double> b, o;
    for (const auto& [r, value] : base->values.at(kpi)) {
      const auto paired = found->second.find(r);
      if (paired == found->second.end()) continue;
      b.push_back(value);
      o.push_back(paired->second);
    }
    if (b.empty()) continue;
    rows.push_back(Row{kpi, paired_difference(b, o)});
  }
  for (const auto& kpi : other->order)
    if (!base->values.count(kpi))
      notes.push_back("note: KPI " + kpi + " is only in " + options.other_dir + "; not compared.");
  if (rows.empty()) {
    std::cerr << "probsim compare: the two runs have no replication of any KPI in common\n";
    return 1;
  }

  const fs::path out =
      options.out_file.empty() ? fs::path(options.other_dir) / "comparison.csv" : fs::path(options.out_file);
  std::string csv = "kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n";
  for (const auto& [kpi, d] : rows)
    csv += csv_row({kpi, std::to_string(d.n), format_number(d.base_mean), format_number(d.other_mean),
                    format_number(d.diff_mean), format_number(d.diff_sd), format_number(d.ci95_low),
                    format_number(d.ci95_high), d.excludes_zero ? "true" : "false"});
  try {
    write_file_atomically(out.string(), csv);
  } catch (const std::exception& e) {
    std::cerr << "probsim compare: " << e.what() << "\n";
    return 1;
  }

  for (const auto& note : notes) std::cerr << note << "\n";
  if (options.quiet) return 0;
  std::size_t pairs = 0;
  for (const auto& row : rows) pairs = std::max(pairs, row.d.n);
  std::cout << "\nPaired comparison, other - base, over " << pairs << " pairs of replications (" << pairing
            << ")\n"
            << "  base:  " << options.base_dir << "\n  other: " << options.other_dir << "\n\n";
  char line[200];
  std::snprintf(line, sizeof line, "  %-32s %13s %13s %13s   %-29s  %s\n", "KPI", "base mean", "other mean",
                "difference", "95% CI of the difference", "excludes 0");
  std::cout << line;
  for (const auto& [kpi, d] : rows) {
    std::snprintf(line, sizeof line, "  %-32s %13.2f %13.2f %13.2f   [%12.2f, %12.2f]  %s\n", kpi.c_str(),
                  d.base_mean, d.other_mean, d.diff_mean, d.ci95_low, d.ci95_high,
                  d.n < 2           ? "(one pair: no CI)"
                  : d.excludes_zero ? "yes"
                                    : "no");
    std::cout << line;
  }
  std::cout << "\nWritten: " << out.string() << "\n";
  return 0;
}

}  // namespace probsim
