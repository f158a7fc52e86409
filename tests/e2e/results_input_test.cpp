// `aggregate`, `compare` and `report` read back results files, which a user, a copy or a full disk may
// have changed (issue 23). A dropped or duplicated row, a number with trailing junk ("1613x" used to be
// read as 1613), "nan" or "inf" must be refused with FILE:LINE: and the reason; "NA", which probsim
// writes for a figure a replication could not form, is a missing value everywhere.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/batch_test_support.hpp"
#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::istringstream in(read_file(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void write_lines(const fs::path& path, const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  write_file(path, text);
}

// `line` with its last field replaced by `value`.
std::string with_value(const std::string& line, const std::string& value) {
  return line.substr(0, line.rfind(',') + 1) + value;
}

// One example_pdu run of 3 replications, made once and copied for each tampering.
class ResultsInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fresh_directory("results-input");
    const CommandResult run = run_probsim(
        "run scenarios/example_pdu.yaml --reps 3 --seed 5 --quiet --set simulation.report_end=2023-06-30 "
        "--out " +
        quoted(root_ / "base"));
    ASSERT_EQ(run.exit_status, 0) << run.output;
  }
  // A copy of the base run whose `file` has had `tamper` applied to its lines.
  static fs::path tampered(const std::string& name, const std::string& file,
                           void (*tamper)(std::vector<std::string>&)) {
    const fs::path dir = root_ / name;
    fs::remove_all(dir);
    fs::copy(root_ / "base", dir, fs::copy_options::recursive);
    auto lines = lines_of(dir / file);
    tamper(lines);
    write_lines(dir / file, lines);
    return dir;
  }
  static CommandResult compare_with(const fs::path& other) {
    return run_probsim("compare " + quoted(root_ / "base") + " " + quoted(other) + " --quiet --out " +
                       quoted(root_ / "comparison.csv"));
  }
  static fs::path root_;
};
fs::path ResultsInput::root_;

// The line (1-based, header = 1) of replication 1's last row in a kpis.csv.
std::size_t last_line_of_replication_1(const std::vector<std::string>& lines) {
  std::size_t last = 0;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (lines[i].rfind("1,", 0) == 0) last = i + 1;
  return last;
}

TEST_F(ResultsInput, CompareRefusesADroppedRowNamingTheLineWhereItsReplicationEnds) {
  const auto base_lines = lines_of(root_ / "base" / "kpis.csv");
  const fs::path other = tampered("dropped", "kpis.csv", [](auto& l) { l.erase(l.begin() + 1); });
  const CommandResult result = compare_with(other);
  EXPECT_EQ(result.exit_status, 1) << result.output;
  // Line 2 (replication 1's first KPI) is gone: replication 1 now ends one line earlier.
  const std::string kpi = base_lines[1].substr(0, base_lines[1].rfind(',')).substr(2);
  const std::string expected =
      (other / "kpis.csv").string() + ":" + std::to_string(last_line_of_replication_1(base_lines) - 1) +
      ": replication 1 ends here without a row for " + kpi + ", which replication 2 has";
  EXPECT_TRUE(contains(result.output, expected)) << expected << "\n" << result.output;
}

TEST_F(ResultsInput, CompareRefusesADuplicatedRowNamingBothLines) {
  const auto base_lines = lines_of(root_ / "base" / "kpis.csv");
  const fs::path other = tampered("duplicated", "kpis.csv", [](auto& l) { l.insert(l.begin() + 2, l[1]); });
  const CommandResult result = compare_with(other);
  EXPECT_EQ(result.exit_status, 1) << result.output;
  const std::string kpi = base_lines[1].substr(0, base_lines[1].rfind(',')).substr(2);
  const std::string expected = (other / "kpis.csv").string() + ":3: replication 1 has a second row for " +
                               kpi + " (the first is at line 2)";
  EXPECT_TRUE(contains(result.output, expected)) << expected << "\n" << result.output;
}

TEST_F(ResultsInput, CompareRefusesNumbersWithJunkNanAndInfNamingTheLine) {
  struct Case {
    const char* name;
    void (*tamper)(std::vector<std::string>&);
    const char* value;
  } cases[] = {
      {"junk", [](auto& l) { l[4] = with_value(l[4], "1613x"); }, "1613x"},
      {"nan", [](auto& l) { l[4] = with_value(l[4], "nan"); }, "nan"},
      {"inf", [](auto& l) { l[4] = with_value(l[4], "-inf"); }, "-inf"},
      {"empty", [](auto& l) { l[4] = with_value(l[4], ""); }, ""},
  };
  for (const Case& c : cases) {
    const fs::path other = tampered(c.name, "kpis.csv", c.tamper);
    const CommandResult result = compare_with(other);
    EXPECT_EQ(result.exit_status, 1) << c.name << "\n" << result.output;
    const std::string expected =
        (other / "kpis.csv").string() + ":5: value is '" + c.value + "', not a number";
    EXPECT_TRUE(contains(result.output, expected)) << expected << "\n" << result.output;
  }
}

// A kpis.csv saved again by a spreadsheet starts with a byte-order mark: read as the same header.
TEST_F(ResultsInput, CompareReadsAKpisFileWithAByteOrderMark) {
  const fs::path other = tampered("bom", "kpis.csv", [](auto& l) { l[0] = "\xEF\xBB\xBF" + l[0]; });
  const CommandResult result = compare_with(other);
  EXPECT_EQ(result.exit_status, 0) << result.output;
}

TEST_F(ResultsInput, CompareLeavesOutAPairWithNaAndCountsThePairsUsed) {
  const auto base_lines = lines_of(root_ / "base" / "kpis.csv");
  const fs::path other = tampered("na", "kpis.csv", [](auto& l) { l[1] = with_value(l[1], "NA"); });
  const CommandResult result = compare_with(other);
  ASSERT_EQ(result.exit_status, 0) << result.output;
  const std::string kpi = base_lines[1].substr(0, base_lines[1].rfind(','));  // 1,level,unit,kpi
  std::size_t checked = 0;
  for (const auto& row : csv_rows(root_ / "comparison.csv")) {
    // level,unit,kpi,n,...: the NA pair is left out of the tampered KPI only.
    const bool tampered_kpi = "1," + row[0] + "," + row[1] + "," + row[2] == kpi;
    EXPECT_EQ(row[3], tampered_kpi ? "2" : "3") << row[2];
    checked += tampered_kpi;
  }
  EXPECT_EQ(checked, 1u);
}

TEST_F(ResultsInput, ReportRefusesTamperedSummaryAndTimeseriesNamingTheLine) {
  struct Case {
    const char* name;
    const char* file;
    void (*tamper)(std::vector<std::string>&);
    std::string message;
  } cases[] = {
      {"report-junk", "summary.csv", [](auto& l) { l[3] = with_value(l[3], "1613x"); },
       "summary.csv:4: p95 is '1613x', not a number"},
      {"report-nan", "summary.csv", [](auto& l) { l[3] = with_value(l[3], "nan"); },
       "summary.csv:4: p95 is 'nan', not a number"},
      {"report-duplicate", "summary.csv", [](auto& l) { l.insert(l.begin() + 2, l[1]); },
       "summary.csv:3: a second row for"},
      {"report-dropped", "timeseries.csv", [](auto& l) { l.erase(l.begin() + 1); },
       ": replication 1 ends here without a row for"},
      {"report-ts-junk", "timeseries.csv", [](auto& l) { l[2] = with_value(l[2], "7e"); },
       "timeseries.csv:3: value is '7e', not a number"},
  };
  for (const Case& c : cases) {
    const fs::path dir = tampered(c.name, c.file, c.tamper);
    const CommandResult result = run_probsim("report " + quoted(dir) + " --quiet");
    EXPECT_NE(result.exit_status, 0) << c.name << "\n" << result.output;
    EXPECT_TRUE(contains(result.output, (dir / c.file).string() + ":")) << c.name << "\n" << result.output;
    EXPECT_TRUE(contains(result.output, c.message)) << c.message << "\n" << result.output;
    EXPECT_FALSE(fs::exists(dir / "report.html")) << c.name;
  }
}

// A time series cut short, at a replication's end or within the first, was drawn as the whole run (the
// page said "3 replications" over part of one).
TEST_F(ResultsInput, ReportRefusesATimeSeriesWithFewerReplicationsThanTheSummary) {
  const fs::path dir = tampered("report-cut-series", "timeseries.csv", [](auto& l) {
    const std::size_t first_of_third =
        std::find_if(l.begin(), l.end(), [](const std::string& line) { return line.rfind("3,", 0) == 0; }) -
        l.begin();
    l.resize(first_of_third);
  });
  const CommandResult result = run_probsim("report " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, (dir / "timeseries.csv").string() +
                                          ": holds 2 of the 3 replications summary.csv summarises"))
      << result.output;
  EXPECT_FALSE(fs::exists(dir / "report.html"));
}

TEST_F(ResultsInput, ReportReadsNaAsAMissingValue) {
  const fs::path dir = tampered("report-na", "summary.csv", [](auto& l) { l[3] = with_value(l[3], "NA"); });
  const CommandResult result = run_probsim("report " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 0) << result.output;
}

// A batch of 5 points × 2 replications; aggregate reads each point's replications back.
class AggregateInput : public ::testing::Test {
 protected:
  static fs::path batch(const std::string& name, const std::string& extra = "") {
    const fs::path dir = fresh_directory(name);
    const CommandResult run = run_probsim("batch " + quoted(write_sweep(dir, small_sweep(name, extra, "2"))) +
                                          " --jobs 2 --quiet --out " + quoted(dir / "batch"));
    EXPECT_EQ(run.exit_status, 0) << run.output;
    return dir / "batch";
  }
};

TEST_F(AggregateInput, RefusesATamperedReplicationNamingTheFileAndLine) {
  const fs::path dir = batch("aggregate-tampered");
  const fs::path part = replications_of(dir, "p0002") / "rep-00002.kpis.csv";
  auto lines = lines_of(part);
  const std::size_t rows = lines.size();
  lines[0] = with_value(lines[0], "1613x");
  write_lines(part, lines);
  CommandResult result = run_probsim("aggregate " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  // The replication's own file and line, found before the merge (it was the merged file's line).
  const std::string junk = part.string() + ":1: value is '1613x', not a number";
  EXPECT_TRUE(contains(result.output, junk)) << junk << "\n" << result.output;
  EXPECT_FALSE(contains(result.output, "stod")) << result.output;

  lines.erase(lines.begin());
  write_lines(part, lines);
  result = run_probsim("aggregate " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  // A row short, of two replications: either file may be the altered one, so both are given with their
  // rows (it was the merged file's line, after the merge had replaced the point's kpis.csv).
  const std::string dropped = part.string() + " " + std::to_string(rows - 1) +
                              "), where every replication "
                              "writes the same KPIs";
  EXPECT_TRUE(contains(result.output, dropped)) << dropped << "\n" << result.output;
  EXPECT_TRUE(contains(result.output, "rep-00001.kpis.csv " + std::to_string(rows) + ", ")) << result.output;
}

// An empty replication kpis file (a full disk) used to be merged as if the replication had no KPIs,
// and another replication's rows were blamed on the merged file's line; each is now named itself, and
// the point's files are not rewritten.
TEST_F(AggregateInput, RefusesAnEmptyReplicationOrOneWithAnotherReplicationsRows) {
  const fs::path dir = batch("aggregate-empty-kpis");
  const fs::path part = replications_of(dir, "p0001") / "rep-00001.kpis.csv";
  const fs::path merged = dir / "points" / "p0001" / "kpis.csv";
  const std::string merged_before = read_file(merged);
  const std::string original = read_file(part);
  write_file(part, "");
  CommandResult result = run_probsim("aggregate " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(contains(result.output, part.string() + ": has no rows")) << result.output;

  write_file(part, read_file(replications_of(dir, "p0001") / "rep-00002.kpis.csv"));
  result = run_probsim("aggregate " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_TRUE(
      contains(result.output, part.string() + ":1: a row of replication '2' in the file of replication 1"))
      << result.output;
  EXPECT_EQ(read_file(merged), merged_before);
  write_file(part, original);
  EXPECT_EQ(run_probsim("aggregate " + quoted(dir) + " --quiet").exit_status, 0);
}

// An empty replication file (no case events) used to fail the merge with "cannot write events.csv".
TEST_F(AggregateInput, MergesEmptyEventFiles) {
  const fs::path dir = batch("aggregate-empty-events", "events: true\n");
  const fs::path events = replications_of(dir, "p0001") / "rep-00001.events.csv";
  ASSERT_TRUE(fs::exists(events));
  write_file(events, "");  // a replication with no case events
  fs::remove(dir / "sweep_summary.csv");
  const CommandResult result = run_probsim("aggregate " + quoted(dir) + " --quiet");
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_TRUE(fs::exists(dir / "sweep_summary.csv"));
}

// A run written into a batch's point passed as the point: run wrote over it, and aggregate merged it
// into sweep_summary.csv. run refuses a batch point as --out; aggregate refuses a point whose record is
// not the batch's.
TEST_F(AggregateInput, ARunWrittenIntoABatchPointIsRefusedByRunAndByAggregate) {
  const fs::path dir = batch("aggregate-foreign-point");
  const std::string run =
      "run scenarios/example_pdu.yaml --quiet --reps 2 --set simulation.report_end=2023-03-31 ";
  const CommandResult into = run_probsim(run + "--out " + quoted(dir / "points" / "p0001"));
  EXPECT_EQ(into.exit_status, 1) << into.output;
  EXPECT_NE(into.output.find("is point p0001 of the batch in"), std::string::npos) << into.output;
  // Two points compared: the batch's own files are kept too (points.csv was replaced).
  const CommandResult index =
      run_probsim("compare " + quoted(dir / "points" / "p0001") + " " + quoted(dir / "points" / "p0003") +
                  " -q --out " + quoted(dir / "points.csv"));
  EXPECT_EQ(index.exit_status, 1) << index.output;
  EXPECT_NE(index.output.find("is the batch's own points.csv"), std::string::npos) << index.output;
  // Written around the refusal (a run elsewhere copied in): aggregate names the point's record.
  const fs::path other = dir.parent_path() / "other";
  ASSERT_EQ(run_probsim(run + "--out " + quoted(other)).exit_status, 0);
  fs::copy_file(other / "scenario.resolved.yaml", dir / "points" / "p0002" / "scenario.resolved.yaml",
                fs::copy_options::overwrite_existing);
  const CommandResult merged = run_probsim("aggregate " + quoted(dir));
  EXPECT_EQ(merged.exit_status, 1) << merged.output;
  EXPECT_NE(
      merged.output.find("point p0002: " + (dir / "points" / "p0002" / "scenario.resolved.yaml").string() +
                         " is not the batch's record of the point (it has no '# point: p0002:' line)"),
      std::string::npos)
      << merged.output;
}

}  // namespace
}  // namespace probsim::testing
