// `probsim report` as a reader gets it: the page of a shipped scenario's runs (a comparison of two
// staffings), of a sweep, and of a hand-made run with BBR and RAG metrics, each loaded in headless
// Chromium (Debian's `chromium`) with the network unusable. Each must draw every expected chart with
// marks in it, log nothing to the console, reference no address, and leave a screenshot in
// build/tests/test_output/report/<test>/. Without chromium these tests are skipped, saying why
// (scripts/setup.sh --test installs it). Bad input is refused without writing a page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>
#include <set>

#include "e2e/batch_test_support.hpp"
#include "report/report_fixture.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

std::string chromium_binary() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    const CommandResult found = run_shell(std::string("command -v ") + name);
    if (found.exit_status == 0 && !found.output.empty())
      return found.output.substr(0, found.output.find('\n'));
  }
  return "";
}

fs::path output_directory(const std::string& test) {
  const fs::path dir = fs::path(PROBSIM_TEST_OUTPUT_DIR) / "report" / test;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct BrowserResult {
  std::string dom;  // the document after the scripts ran (--dump-dom)
  std::string log;  // Chromium's stderr, with console messages as "CONSOLE" lines
};

// Loads `page` in headless Chromium with a fresh profile, no network (every request goes to an
// unusable proxy) and a virtual time budget long enough for every chart to be drawn; writes a
// screenshot of it to `screenshot`.
BrowserResult load_in_chromium(const std::string& chromium, const fs::path& page,
                               const fs::path& screenshot) {
  const fs::path profile = fresh_directory("chromium-profile");
  const std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
      " --disable-component-update --disable-sync --disable-extensions --proxy-server=127.0.0.1:9"
      " --host-resolver-rules=\"MAP * ~NOTFOUND\""
      " --user-data-dir=" +
      quoted(profile) + " --virtual-time-budget=15000 --window-size=1366,2000";
  const fs::path dom = screenshot.parent_path() / "dom.html", log = screenshot.parent_path() / "chromium.log";
  const std::string url = "'file://" + fs::absolute(page).string() + "'";
  run_shell("timeout 120 " + chromium + flags + " --enable-logging=stderr --v=0 --dump-dom " + url + " > " +
            quoted(dom) + " 2> " + quoted(log));
  run_shell("timeout 120 " + chromium + flags + " --hide-scrollbars --screenshot=" + quoted(screenshot) +
            " " + url + " > /dev/null 2>&1");
  return {read_file(dom), read_file(log)};
}

std::string attribute(const std::string& element, const std::string& name) {
  std::smatch match;
  if (std::regex_search(element, match, std::regex(" " + name + "=\"([^\"]*)\""))) return match[1];
  return "";
}

// The report at `page` draws exactly `expected` charts, each with data marks, and logs nothing.
void expect_page_renders(const fs::path& page, const std::set<std::string>& expected, const fs::path& out) {
  const std::string chromium = chromium_binary();
  if (chromium.empty())
    GTEST_SKIP() << "chromium is not installed (apt-get install chromium; scripts/setup.sh --test does it)";
  const std::string html = read_file(page);
  ASSERT_GT(html.size(), 500000u);  // the libraries are inside
  // Self-contained: no element loads anything from a file or an address.
  for (const char* outside :
       {"<script src", "<link ", " src=\"http", " href=\"http", "url(http", "<iframe", "@import"})
    EXPECT_EQ(html.find(outside), std::string::npos)
        << "the page references something outside itself: " << outside;

  const fs::path screenshot = out / "screenshot.png";
  const BrowserResult browser = load_in_chromium(chromium, page, screenshot);

  std::smatch body;
  ASSERT_TRUE(std::regex_search(browser.dom, body, std::regex("<body[^>]*data-charts-expected[^>]*>")))
      << "the page's script did not run; Chromium's log:\n"
      << browser.log;
  const std::string body_tag = body[0];
  EXPECT_EQ(attribute(body_tag, "data-charts-expected"), std::to_string(expected.size()));
  EXPECT_EQ(attribute(body_tag, "data-charts-rendered"), std::to_string(expected.size()))
      << "not every chart was drawn within the time budget";
  EXPECT_EQ(attribute(body_tag, "data-console-errors"), "0") << browser.dom.substr(0, 4000);

  std::set<std::string> found;
  const std::regex chart_element("<div class=\"chart[^\"]*\" id=\"(chart-[a-z-]+)\"[^>]*>");
  for (auto it = std::sregex_iterator(browser.dom.begin(), browser.dom.end(), chart_element);
       it != std::sregex_iterator(); ++it) {
    const std::string element = (*it)[0], id = (*it)[1];
    found.insert(id);
    EXPECT_EQ(attribute(element, "data-rendered"), "true") << id;
    const std::string marks = attribute(element, "data-marks");
    EXPECT_GT(marks.empty() ? 0 : std::stoi(marks), 0) << id << " has no marks";
  }
  EXPECT_EQ(found, expected);

  // Console messages of any level (Vega's warnings included) mean something is wrong with a chart.
  std::string console;
  std::istringstream lines(browser.log);
  for (std::string line; std::getline(lines, line);)
    if (line.find(":CONSOLE") != std::string::npos) console += line + "\n";
  EXPECT_EQ(console, "");

  ASSERT_TRUE(fs::exists(screenshot));
  EXPECT_GT(fs::file_size(screenshot), 20000u);  // a page with charts on it, not a blank one
}

const std::string kShortRun =
    "run scenarios/example_pdu.yaml --quiet --reps 3 --set simulation.report_end=2023-12-31 ";

}  // namespace

TEST(Report, ComparisonOfAShippedScenarioRendersInChromium) {
  const fs::path dir = fresh_directory("report_compare"), out = output_directory("comparison");
  ASSERT_EQ(run_probsim(kShortRun + "--out " + quoted(dir / "base")).exit_status, 0);
  ASSERT_EQ(run_probsim(kShortRun + "--set regions.0.pdus.Southbridge.staff.0.headcount=9 --out " +
                        quoted(dir / "plus4"))
                .exit_status,
            0);
  ASSERT_EQ(
      run_probsim("compare " + quoted(dir / "base") + " " + quoted(dir / "plus4") + " --quiet").exit_status,
      0);
  const CommandResult report =
      run_probsim("report " + quoted(dir / "plus4") + " --out " + quoted(out / "report.html"));
  ASSERT_EQ(report.exit_status, 0) << report.output;
  EXPECT_NE(report.output.find("Report written to " + (out / "report.html").string()), std::string::npos);
  const std::string html = read_file(out / "report.html");
  EXPECT_NE(html.find("Comparison: example_pdu"), std::string::npos);
  EXPECT_NE(html.find("2023-01-01 to 2023-12-31 · 3 replications · base seed 1"), std::string::npos);
  expect_page_renders(
      out / "report.html",
      // example_pdu has interventions, so the BBR sections are drawn too; its RAG
      // framework is off, so there is no RAG series and no heat map.
      {"chart-caseload", "chart-staff", "chart-workload", "chart-review-timeliness", "chart-comparison",
       "chart-explorer", "chart-bbr-funnel", "chart-bbr-exits", "chart-bbr-wait", "chart-bbr-waiting-list",
       "chart-bbr-flows", "chart-bbr-monthly-exits"},
      out);

  // The plan against its baseline, per unit (issue 20): the same page with --baseline adds one chart
  // per headline monthly metric, both runs' lines for the unit chosen.
  const fs::path overlay = output_directory("comparison_baseline");
  const CommandResult with_baseline =
      run_probsim("report " + quoted(dir / "plus4") + " --baseline " + quoted(dir / "base") + " --out " +
                  quoted(overlay / "report.html"));
  ASSERT_EQ(with_baseline.exit_status, 0) << with_baseline.output;
  expect_page_renders(overlay / "report.html",
                      {"chart-caseload", "chart-staff", "chart-workload", "chart-review-timeliness",
                       "chart-comparison", "chart-explorer", "chart-bbr-funnel", "chart-bbr-exits",
                       "chart-bbr-wait", "chart-bbr-waiting-list", "chart-bbr-flows",
                       "chart-bbr-monthly-exits", "chart-overlay-workload", "chart-overlay-review-timeliness",
                       "chart-overlay-caseload", "chart-overlay-vacancy", "chart-overlay-bbr-waiting-list"},
                      overlay);
}

TEST(Report, ABigSweepsPageStaysUnderTwoMegabytesAndRendersInChromium) {
  // 40 points x 24 keys x 98 KPIs: before the sweep chart kept a row per point, KPI and key, this made
  // a 100 MB page (measured: 102,341,306 bytes); the cap and lookups keep it near the libraries' size.
  const fs::path out = output_directory("big_sweep");
  std::vector<std::string> keys, kpis = {"bbr_completions", "bbr_waiting_list_end"};
  for (int k = 0; k < 24; ++k) keys.push_back("regions." + std::to_string(k) + ".pdus.P.staff.2.headcount");
  for (int i = 0; i < 96; ++i) kpis.push_back("kpi_" + std::to_string(i));
  probsim::testing::write_batch(out / "batch", "parameters: {}\n", keys, 40, kpis);
  const CommandResult report =
      run_probsim("report " + quoted(out / "batch") + " --out " + quoted(out / "report.html"));
  ASSERT_EQ(report.exit_status, 0) << report.output;
  // The reduction is said on stderr (run_probsim merges it into the output) and on the page.
  EXPECT_NE(
      report.output.find("warning: report: the sweep chart's parameter menu offers the first 12 of the 24"),
      std::string::npos)
      << report.output;
  EXPECT_LT(fs::file_size(out / "report.html"), 2'000'000u);
  EXPECT_NE(read_file(out / "report.html").find("id=\"report-reductions\""), std::string::npos);
  expect_page_renders(out / "report.html", {"chart-sweep"}, out);
}

TEST(Report, SweepRendersInChromium) {
  const fs::path dir = fresh_directory("report_sweep"), out = output_directory("sweep");
  // With a label for one key and the headline KPIs named; the other keys' labels are derived.
  const auto sweep = quoted(write_sweep(
      dir, small_sweep("report_sweep",
                       "labels: {regions.0.pdus.Northgate.referrals_per_week: Northgate referrals}\n"
                       "headline_kpis: [reviews_on_time_share]\n",
                       "2")));
  ASSERT_EQ(run_probsim("batch " + sweep + " --out " + quoted(dir / "batch") + " --quiet").exit_status, 0);
  const CommandResult report = run_probsim("report " + quoted(dir / "batch") + " --quiet");
  ASSERT_EQ(report.exit_status, 0) << report.output;
  EXPECT_EQ(report.output, "");
  fs::copy_file(dir / "batch" / "report.html", out / "report.html");
  const std::string html = read_file(out / "report.html");
  EXPECT_NE(html.find("Sweep: report_sweep"), std::string::npos);
  // The labels went through batch's sweep.resolved.yaml to the page: points table and chart menus
  // (p0001: Eastmoor is not varied by the grid, so it shows its scenario value, 4).
  EXPECT_NE(html.find("<td>po headcount=5, Northgate referrals=5, Eastmoor referrals_per_week=4</td>"),
            std::string::npos);
  EXPECT_NE(html.find("\"name\":\"kpi\",\"value\":\"reviews_on_time_share\""), std::string::npos);
  EXPECT_NE(html.find("\"name\":\"parameter\",\"value\":\"po headcount\""), std::string::npos);
  expect_page_renders(out / "report.html", {"chart-sweep"}, out);
}

TEST(Report, BbrAndRagSectionsRenderInChromium) {
  const fs::path out = output_directory("bbr_rag");
  write_bbr_rag_run(out / "run");
  const CommandResult report =
      run_probsim("report " + quoted(out / "run") + " --out " + quoted(out / "report.html"));
  ASSERT_EQ(report.exit_status, 0) << report.output;
  expect_page_renders(
      out / "report.html",
      {"chart-caseload", "chart-bbr-funnel", "chart-bbr-exits", "chart-bbr-wait", "chart-bbr-waiting-list",
       "chart-bbr-flows", "chart-bbr-monthly-exits", "chart-rag-heatmap", "chart-explorer"},
      out);
}

// A plan drawn against a baseline it cannot be paired with (another seed, another window, itself) is
// drawn, with a warning for each, as `compare` warns.
TEST(Report, WarnsWhenTheBaselineCannotBePairedWithThePlan) {
  const fs::path dir = fresh_directory("report_baseline_warnings");
  const std::string run =
      "run scenarios/example_pdu.yaml --reps 1 --quiet --set simulation.report_end=2023-03-31 ";
  ASSERT_EQ(run_probsim(run + "--seed 1 --out " + quoted(dir / "plan")).exit_status, 0);
  ASSERT_EQ(
      run_probsim(run + "--seed 2 --set simulation.report_start=2023-02-01 --out " + quoted(dir / "base"))
          .exit_status,
      0);
  const CommandResult apart =
      run_probsim("report " + quoted(dir / "plan") + " --baseline " + quoted(dir / "base") +
                  " --quiet --out " + quoted(dir / "apart.html"));
  ASSERT_EQ(apart.exit_status, 0) << apart.output;
  EXPECT_NE(apart.output.find("used different base seeds (1 and 2)"), std::string::npos) << apart.output;
  EXPECT_NE(apart.output.find("report over different windows (2023-01-01 to 2023-03-31 and 2023-02-01 to "
                              "2023-03-31)"),
            std::string::npos)
      << apart.output;
  const CommandResult itself =
      run_probsim("report " + quoted(dir / "plan") + " --baseline " + quoted(dir / "plan") +
                  " --quiet --out " + quoted(dir / "itself.html"));
  ASSERT_EQ(itself.exit_status, 0) << itself.output;
  EXPECT_NE(itself.output.find("the baseline is the run itself"), std::string::npos) << itself.output;
  EXPECT_EQ(itself.output.find("different base seeds"), std::string::npos) << itself.output;
}

TEST(Report, RefusesWhatIsNotARunAndWritesNothing) {
  const fs::path dir = fresh_directory("report_refuse");
  const CommandResult missing =
      run_probsim("report " + quoted(dir / "nowhere") + " --out " + quoted(dir / "a.html"));
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_NE(missing.output.find((dir / "nowhere").string() + ": no such file or directory"),
            std::string::npos)
      << missing.output;

  fs::create_directories(dir / "empty");
  const CommandResult empty = run_probsim("report " + quoted(dir / "empty"));
  EXPECT_EQ(empty.exit_status, 1);
  EXPECT_NE(empty.output.find((dir / "empty").string() + ": is not a finished run"), std::string::npos)
      << empty.output;

  // A run whose time series is cut short: refused, and the page it had is left as it was.
  write_bbr_rag_run(dir / "broken");
  write_file(dir / "broken" / "report.html", "the earlier page");
  write_file(dir / "broken" / "timeseries.csv",
             "replication,date,level,unit,metric,value\n1,2024-01-31,national\n");
  const CommandResult broken = run_probsim("report " + quoted(dir / "broken"));
  EXPECT_EQ(broken.exit_status, 1);
  EXPECT_NE(broken.output.find("timeseries.csv:2: has 3 fields"), std::string::npos) << broken.output;
  EXPECT_EQ(read_file(dir / "broken" / "report.html"), "the earlier page");
  // A damaged summary.csv header: the message gives the header the file should have, the current one
  // (it gave the layout before the level and unit columns).
  write_bbr_rag_run(dir / "bad_header");
  write_file(dir / "bad_header" / "summary.csv", "garbage\n");
  const CommandResult header = run_probsim("report " + quoted(dir / "bad_header"));
  EXPECT_EQ(header.exit_status, 1);
  EXPECT_NE(header.output.find("summary.csv:1: the header is garbage; expected level,unit,kpi,n,mean,"),
            std::string::npos)
      << header.output;

  EXPECT_EQ(run_probsim("report").exit_status, 2);
  EXPECT_EQ(run_probsim("report " + quoted(dir) + " " + quoted(dir)).exit_status, 2);
  EXPECT_EQ(run_probsim("report --help").exit_status, 0);
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  EXPECT_FALSE(fs::exists(dir / "a.html"));
  EXPECT_FALSE(fs::exists(dir / "empty" / "report.html"));
}
