#include "report/report_command.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "output/atomic_file.hpp"
#include "report/chart_specs.hpp"
#include "report/html_page.hpp"
#include "report/report_data.hpp"
#include "runner/stop_signals.hpp"

namespace fs = std::filesystem;

namespace probsim {

int run_report(const ReportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  try {
    const ReportData data = read_report_data(options.path, options.baseline);
    std::vector<std::string> reductions;
    const std::vector<Chart> charts = build_charts(data, reductions);
    const std::string page = render_html_page(data, charts, reductions);
    fs::path out = options.out_file;
    if (out.empty())
      out = fs::is_directory(options.path) ? fs::path(options.path) / "report.html"
                                           : fs::path(options.path).parent_path() / "report.html";
    const fs::path out_dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    if (!fs::is_directory(out_dir))
      throw std::runtime_error(out_dir.string() + ": no such directory to write " + out.filename().string() +
                               " in");
    // From here a stop signal waits for the page to be written whole and renamed (main then notes it),
    // rather than leaving a report.html.tmp.* behind; one that came earlier, while the page was built,
    // has killed the process before anything was written.
    hold_stop_signals_until_exit();
    write_file_atomically(out.string(), page);
    // What a size cap left out of the page: said on stderr too, so that a script sees it.
    for (const auto& reduction : reductions) std::cerr << "warning: report: " << reduction << "\n";
    if (!options.quiet) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << "Report written to " << out.string() << " (" << charts.size()
                << (charts.size() == 1 ? " chart, " : " charts, ") << (page.size() + 512) / 1024 << " KiB, "
                << static_cast<int>(seconds * 1000 + 0.5) << " ms)\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "probsim report: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace probsim
