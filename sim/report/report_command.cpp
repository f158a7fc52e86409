#include "report/report_command.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <new>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "report/chart_specs.hpp"
#include "report/html_page.hpp"
#include "report/report_data.hpp"
#include "runner/batch_files.hpp"
#include "runner/run_directory_hold.hpp"
#include "runner/run_entries.hpp"
#include "runner/stop_signals.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

// A plan drawn against a baseline run is read as the plan's effect: say when the two cannot be paired
// that way (as `probsim compare` says), without refusing, since a look at two unrelated runs is allowed.
std::vector<std::string> baseline_warnings(const fs::path& run, const fs::path& baseline) {
  std::vector<std::string> warnings;
  std::error_code error;
  if (!fs::is_directory(run, error) || !fs::is_directory(baseline, error)) return warnings;
  if (fs::equivalent(run, baseline, error))
    warnings.push_back("the baseline is the run itself, so every line is drawn against itself");
  const auto seed = recorded_base_seed(run), base_seed = recorded_base_seed(baseline);
  if (seed && base_seed && *seed != *base_seed)
    warnings.push_back(
        "the run and its baseline used different base seeds (" + *seed + " and " + *base_seed +
        "): their difference mixes chance with the plan's effect; re-run with the same --seed");
  const std::set<std::string> pdus = recorded_pdus(run), base_pdus = recorded_pdus(baseline);
  if (!pdus.empty() && !base_pdus.empty() &&
      std::none_of(pdus.begin(), pdus.end(),
                   [&](const std::string& pdu) { return base_pdus.count(pdu) > 0; }))
    warnings.push_back("the run and its baseline share no PDU (" + *pdus.begin() + " ... and " +
                       *base_pdus.begin() +
                       " ...): they are runs of different places, so the baseline's "
                       "lines are not this plan's counterfactual");
  const std::string window = recorded_report_window(run), base_window = recorded_report_window(baseline);
  if (!window.empty() && !base_window.empty() && window != base_window)
    warnings.push_back("the run and its baseline report over different windows (" + window + " and " +
                       base_window + ")");
  return warnings;
}

// A sweep's own headline_kpis that no point has: `batch` checks each against the catalogue and the
// points' programmes and cohort reports, but a KPI that needs another setting on (a snapshot's) passes
// that, and a batch run before those checks passed more; either would leave the chart silently.
std::vector<std::string> headline_warnings(const ReportData& data) {
  std::vector<std::string> warnings;
  if (!data.sweep || data.sweep->headline_reason != kHeadlineNamedBySweep) return warnings;
  std::set<std::string> present;
  for (const auto& point : data.sweep->points)
    for (const auto& row : point.kpis) present.insert(row.kpi);
  for (const auto& kpi : data.sweep->headline_kpis)
    if (!present.count(kpi))
      warnings.push_back("headline KPI '" + kpi +
                         "' (the sweep's headline_kpis) is in no point's results, so the " +
                         "sweep chart leaves it out; docs/reference/outputs.md says which setting writes it");
  return warnings;
}

}  // namespace

int run_report(const ReportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  try {
    // Held from before the run is read until the page is written: a run into it meanwhile would replace
    // what the page is drawn from, and the page with it.
    const RunDirectoryHold read_hold = hold_run_directory(options.path);
    if (!read_hold.refused.empty()) throw std::runtime_error(read_hold.refused);
    if (!read_hold.warning.empty()) std::cerr << "probsim report: warning: " << read_hold.warning << "\n";
    const ReportData data = read_report_data(options.path, options.baseline);
    std::vector<std::string> reductions;
    const std::vector<Chart> charts = build_charts(data, reductions);
    const std::string page = render_html_page(data, charts, reductions);
    fs::path out = options.out_file;
    if (out.empty())
      out = fs::is_directory(options.path) ? fs::path(options.path) / "report.html"
                                           : fs::path(options.path).parent_path() / "report.html";
    if (const std::string why = why_output_would_replace_input(out, options.path); !why.empty())
      throw std::runtime_error("--out: " + why);
    // The comparison a run's page reads, beside the run's own files.
    const fs::path read_from =
        fs::is_directory(options.path) ? fs::path(options.path) : fs::path(options.path).parent_path();
    for (const char* comparison : {"comparison.csv", "comparison_monthly.csv"}) {
      std::error_code same;
      if (fs::exists(read_from / comparison) && fs::equivalent(out, read_from / comparison, same))
        throw std::runtime_error("--out: " + out.string() + " is the " + comparison +
                                 " the page is drawn from; choose another file name");
    }
    if (!options.baseline.empty())
      if (const std::string why = why_output_would_replace_input(out, options.baseline); !why.empty())
        throw std::runtime_error("--out: " + why);
    if (const std::string why = why_output_would_replace_results(out); !why.empty())  // a third run's
      throw std::runtime_error("--out: " + why);
    if (fs::is_directory(out))
      throw std::runtime_error("--out: " + out.string() + " is a directory; give a file name, such as " +
                               (out / "report.html").string());
    const fs::path out_dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    if (!fs::is_directory(out_dir))
      throw std::runtime_error(out_dir.string() + ": no such directory to write " + out.filename().string() +
                               " in");
    // From here a stop signal waits for the page to be written whole and renamed (main then notes it),
    // rather than leaving a report.html.tmp.* behind; one that came earlier, while the page was built,
    // has killed the process before anything was written.
    hold_stop_signals_until_exit();
    // And the run directory the page goes in, when it is another (--out into a second run).
    const RunDirectoryHold write_hold = hold_run_directory_of(out);
    if (!write_hold.refused.empty()) throw std::runtime_error(write_hold.refused);
    if (!write_hold.warning.empty()) std::cerr << "probsim report: warning: " << write_hold.warning << "\n";
    write_file_atomically(out.string(), page);
    // What a size cap left out of the page: said on stderr too, so that a script sees it.
    for (const auto& reduction : reductions) std::cerr << "warning: report: " << reduction << "\n";
    for (const auto& warning : headline_warnings(data)) std::cerr << "warning: report: " << warning << "\n";
    if (!options.baseline.empty())
      for (const auto& warning : baseline_warnings(options.path, options.baseline))
        std::cerr << "warning: report: " << warning << "\n";
    if (!options.quiet) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << "Report written to " << out.string() << " (" << charts.size()
                << (charts.size() == 1 ? " chart, " : " charts, ") << (page.size() + 512) / 1024 << " KiB, "
                << static_cast<int>(seconds * 1000 + 0.5) << " ms)\n";
    }
    return 0;
  } catch (const std::bad_alloc&) {
    throw;  // to main, which says the command ran out of memory and how to ask for less
  } catch (const std::exception& e) {
    std::cerr << "probsim report: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace probsim
