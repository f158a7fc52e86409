#include "runner/compare.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <new>
#include <set>
#include <tuple>

#include "config/diagnostics.hpp"
#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/csv_reader.hpp"
#include "output/kpi_console.hpp"
#include "output/paired_comparison.hpp"
#include "runner/batch_files.hpp"
#include "runner/comparison_pairing.hpp"
#include "runner/monthly_comparison.hpp"
#include "runner/run_directory_hold.hpp"
#include "runner/run_entries.hpp"
#include "runner/shell_quoting.hpp"
#include "runner/stop_signals.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

// A KPI of one unit: level, unit, kpi.
using UnitKpi = std::tuple<std::string, std::string, std::string>;

std::string describe(const UnitKpi& key) {
  const auto& [level, unit, kpi] = key;
  return level == "national" ? kpi : kpi + " (" + level + " " + unit + ")";
}

struct RunKpis {
  std::vector<UnitKpi> order;                                 // KPIs in file order
  std::map<UnitKpi, std::map<std::uint64_t, double>> values;  // kpi → replication → value
  std::size_t replications = 0;
  std::set<std::string> pdus;  // every PDU the run reports, whatever --by keeps
};

// One note for the KPIs found in one run only: how many, and the first few (a run of another scenario
// can have hundreds, one note each buried the table).
std::string only_in_note(const std::vector<UnitKpi>& kpis, const std::string& dir) {
  std::string text = "note: " + std::to_string(kpis.size()) + (kpis.size() == 1 ? " KPI is" : " KPIs are") +
                     " only in " + dir + " and not compared: ";
  std::vector<std::string> names;
  for (const UnitKpi& kpi : kpis) names.push_back(describe(kpi));
  return text + first_items(names, 3) + (kpis.size() > 3 ? "" : ".");
}

std::optional<RunKpis> read_run(const std::string& dir, const std::string& by, std::string& error) {
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
  std::string header;
  std::getline(in, header);
  in.close();
  // Runs from before the KPIs by unit have national rows only, without the level and unit columns.
  const bool by_unit = header != "replication,kpi,value";
  RunKpis run;
  std::set<std::uint64_t> replications;
  try {
    CsvReader reader(path, by_unit ? std::vector<std::string>{"replication", "level", "unit", "kpi", "value"}
                                   : std::vector<std::string>{"replication", "kpi", "value"});
    const ReplicationTable table = read_replication_table(reader, by_unit ? 4 : 2);
    for (std::size_t k = 0; k < table.keys.size(); ++k) {
      const UnitKpi key = by_unit ? UnitKpi{table.keys[k][0], table.keys[k][1], table.keys[k][2]}
                                  : UnitKpi{"national", "national", table.keys[k][0]};
      if (std::get<0>(key) == "pdu") run.pdus.insert(std::get<1>(key));
      if (!level_chosen(std::get<0>(key), by)) continue;
      run.order.push_back(key);
      auto& values = run.values[key];
      for (std::size_t i = 0; i < table.replications.size(); ++i) {
        values[table.replications[i]] = table.values[k][i];
        replications.insert(table.replications[i]);
      }
    }
  } catch (const CsvError& e) {
    error = e.what();
    return std::nullopt;
  }
  run.replications = replications.size();
  return run;
}

}  // namespace

int run_compare(const CompareOptions& options) {
  // Both runs held from before they are read until the comparison is written: a run into either
  // meanwhile would replace what is compared (and a comparison written into it).
  const RunDirectoryHold base_hold = hold_run_directory(options.base_dir);
  const RunDirectoryHold other_hold = hold_run_directory(options.other_dir);
  for (const RunDirectoryHold* hold : {&base_hold, &other_hold}) {
    if (!hold->refused.empty()) {
      std::cerr << "probsim compare: " << hold->refused << "\n";
      return 1;
    }
    if (!hold->warning.empty()) std::cerr << "probsim compare: warning: " << hold->warning << "\n";
  }
  std::string error;
  const auto base = read_run(options.base_dir, options.by, error);
  const auto other = base ? read_run(options.other_dir, options.by, error) : std::nullopt;
  if (!base || !other) {
    std::cerr << "probsim compare: " << error << "\n";
    return 1;
  }

  // What pairs the two runs' replications, and what weakens the pairing.
  const ComparisonPairing paired = describe_pairing(options.base_dir, options.other_dir, base->pdus,
                                                    other->pdus, base->replications, other->replications);
  std::vector<std::string> notes = paired.notes;
  const std::string& pairing = paired.description;

  struct Row {
    UnitKpi kpi;
    PairedDifference d;
  };
  std::vector<Row> rows;
  std::vector<UnitKpi> only_in_base, only_in_other;
  for (const auto& kpi : base->order) {
    const auto found = other->values.find(kpi);
    if (found == other->values.end()) {
      only_in_base.push_back(kpi);
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
    if (!base->values.count(kpi)) only_in_other.push_back(kpi);
  if (!only_in_base.empty()) notes.push_back(only_in_note(only_in_base, options.base_dir));
  if (!only_in_other.empty()) notes.push_back(only_in_note(only_in_other, options.other_dir));
  if (rows.empty()) {
    std::cerr << "probsim compare: the two runs have no replication of any KPI in common\n";
    return 1;
  }

  const fs::path out =
      options.out_file.empty() ? fs::path(options.other_dir) / "comparison.csv" : fs::path(options.out_file);
  std::string csv =
      "level,unit,kpi,n,base_mean,other_mean,diff_mean,diff_sd,ci95_low,ci95_high,excludes_zero\n";
  for (const auto& [key, d] : rows)
    csv += csv_row({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::to_string(d.n),
                    format_number(d.base_mean), format_number(d.other_mean), format_number(d.diff_mean),
                    format_number(d.diff_sd), format_number(d.ci95_low), format_number(d.ci95_high),
                    d.excludes_zero ? "true" : "false"});
  // The monthly file is named after the comparison's (comparison_monthly.csv beside comparison.csv): a
  // fixed name made two comparisons written into one folder with --out overwrite each other's. Only a
  // .csv extension is dropped, so plan.csv and plan.txt get two files.
  const fs::path monthly =
      out.parent_path() /
      ((out.extension() == ".csv" ? out.stem() : out.filename()).string() + "_monthly.csv");
  // Said of --out as given: the temporary name the file is first written to meant nothing to the user.
  const fs::path out_dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::error_code out_error;
  if (!out.has_filename() || fs::is_directory(out, out_error) || !fs::is_directory(out_dir, out_error)) {
    std::cerr << "probsim compare: --out: " << out.string();
    if (fs::is_directory(out, out_error))
      std::cerr << " is a directory; give a file name, such as " << (out / "comparison.csv").string();
    else if (!out.has_filename())  // "new/": a directory's name, and no such directory
      std::cerr << " names a directory (it ends in /), and there is no such directory; give a file name in "
                   "one that exists";
    else
      std::cerr << ": no such directory to write " << out.filename().string() << " in";
    std::cerr << "\n";
    return 1;
  }
  for (const fs::path& written : {out, monthly}) {
    std::string why = why_output_would_replace_input(written, options.base_dir);
    if (why.empty()) why = why_output_would_replace_input(written, options.other_dir);
    if (why.empty()) why = why_output_would_replace_results(written);  // a third run's or batch's
    if (!why.empty()) {
      std::cerr << "probsim compare: --out: " << why << "\n";
      return 1;
    }
  }
  // As `report` does: a stop signal from here waits for the files to be written whole (main notes it).
  hold_stop_signals_until_exit();
  // And the run directory the files go in, when it is a third (--out into another run).
  const RunDirectoryHold write_hold = hold_run_directory_of(out);
  if (!write_hold.refused.empty()) {
    std::cerr << "probsim compare: --out: " << write_hold.refused << "\n";
    return 1;
  }
  if (!write_hold.warning.empty()) std::cerr << "probsim compare: warning: " << write_hold.warning << "\n";
  try {
    write_file_atomically(out.string(), csv);
    if (!options.by.empty() && options.by != "national") {
      write_monthly_comparison(options.base_dir, options.other_dir, options.by, monthly);
    } else if (std::error_code gone; fs::remove(monthly, gone)) {
      // The monthly file named after this comparison is the replaced comparison's: left, report would
      // draw its baseline beside these differences of another pair.
      std::cerr << "probsim compare: removed " << monthly.string()
                << ", the monthly comparison of the comparison this one replaces (--by region, pdu, team or "
                   "all writes one)\n";
    }
  } catch (const std::bad_alloc&) {
    throw;  // to main, which says the command ran out of memory and how to ask for less
  } catch (const std::exception& e) {
    std::cerr << "probsim compare: " << e.what() << "\n";
    return 1;
  }

  // --quiet prints nothing but errors and warnings: a note (which runs' KPIs differ) is left out.
  for (const auto& note : notes)
    if (!options.quiet || note.rfind("warning", 0) == 0) std::cerr << note << "\n";
  if (options.quiet) return 0;
  std::size_t pairs = 0;
  for (const auto& row : rows) pairs = std::max(pairs, row.d.n);
  std::cout << "\nPaired comparison, other - base, over " << pairs << " pairs of replications (" << pairing
            << ")\n"
            << "  base:  " << options.base_dir << "\n  other: " << options.other_dir << "\n\n";
  char line[240];
  std::string table;
  // In each unit's table the KPIs in the order --kpis lists them, as `run` prints them.
  std::vector<ConsoleRow> console_rows;
  for (const auto& row : rows)
    console_rows.push_back(
        ConsoleRow{std::get<0>(row.kpi) + '\n' + std::get<1>(row.kpi), std::get<2>(row.kpi)});
  const std::vector<std::size_t> printed = console_order(console_rows, options.console_kpis);
  if (printed.empty()) {  // as `run` says it
    std::cout << "(no KPI matches --kpis";
    for (const auto& pattern : options.console_kpis) std::cout << " " << pattern;
    std::cout << ")\n";
  }
  for (const std::size_t index : printed) {
    const auto& [key, d] = rows[index];
    const auto& [level, unit, kpi] = key;
    if (level + '\n' + unit != table) {
      table = level + '\n' + unit;
      std::cout << "\n" << (level == "national" ? std::string("National") : level + " " + unit) << "\n";
      std::snprintf(line, sizeof line, "  %-36s %13s %13s %13s   %-29s  %s\n", "KPI", "base mean",
                    "other mean", "difference", "95% CI of the difference", "excludes 0");
      std::cout << line;
    }
    std::snprintf(
        line, sizeof line, "  %-36s %s %s %s   [%s, %s]  %s\n", kpi.c_str(),
        format_kpi_value(kpi, d.base_mean, 13).c_str(), format_kpi_value(kpi, d.other_mean, 13).c_str(),
        format_kpi_value(kpi, d.diff_mean, 13).c_str(), format_kpi_value(kpi, d.ci95_low, 12).c_str(),
        format_kpi_value(kpi, d.ci95_high, 12).c_str(),
        d.n < 2           ? "(one pair: no CI)"
        : d.excludes_zero ? "yes"
                          : "no");
    std::cout << line;
  }
  const bool by_unit = !options.by.empty() && options.by != "national";
  std::cout << "\nWritten: " << out.string() << (by_unit ? " and " + monthly.string() : std::string())
            << "\n";
  // `report OTHER_DIR` draws a baseline from OTHER_DIR/comparison_monthly.csv only.
  std::error_code where;
  if (by_unit && !fs::equivalent(monthly, fs::path(options.other_dir) / "comparison_monthly.csv", where))
    std::cout << "To draw this plan against its baseline: probsim report " << shell_quoted(options.other_dir)
              << " --baseline " << shell_quoted(options.base_dir)
              << " (report finds a monthly comparison by itself only as OTHER_DIR/comparison_monthly.csv)\n";
  return 0;
}

}  // namespace probsim
