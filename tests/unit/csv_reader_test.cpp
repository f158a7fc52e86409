// The strict reader of probsim's own CSV files (issue 23): numbers whole, NA as NaN, nan/inf refused,
// and a long-form table with one row per replication and key.
#include "output/csv_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "output/paired_comparison.hpp"
#include "output/summary_statistics.hpp"
#include "scratch_directory.hpp"

using namespace probsim;
namespace fs = std::filesystem;

namespace {

fs::path write_temporary(const std::string& name, const std::string& text) {
  const fs::path path = probsim::testing::scratch_root("probsim-csv-reader") / name;
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const fs::path& path) {
  try {
    CsvReader reader(path, {"replication", "level", "unit", "kpi", "value"});
    (void)read_replication_table(reader, 4);
  } catch (const CsvError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(CsvNumber, ReadsWholeNumbersAndNaOnly) {
  EXPECT_EQ(parse_csv_number("1613"), 1613.0);
  EXPECT_EQ(parse_csv_number("-0.25"), -0.25);
  EXPECT_EQ(parse_csv_number("1.5e+15"), 1.5e15);  // format_number's %.12g form
  EXPECT_TRUE(std::isnan(*parse_csv_number("NA")));
  for (const char* bad :
       {"1613x", "", " 1", "1 ", "nan", "NaN", "inf", "-inf", "infinity", "0x10", "+1", "1e999", "na", "1,5"})
    EXPECT_FALSE(parse_csv_number(bad).has_value()) << bad;
}

TEST(CsvCount, DigitsOnly) {
  EXPECT_EQ(parse_csv_count("42"), 42u);
  for (const char* bad : {"-1", "+1", "1.0", "1e3", "", "18446744073709551616", "NA"})
    EXPECT_FALSE(parse_csv_count(bad).has_value()) << bad;
}

TEST(ReplicationTable, ReadsValuesByKeyAndReplicationInFileOrder) {
  const fs::path path = write_temporary(
      "good.csv",
      "replication,level,unit,kpi,value\n1,national,national,a,1\n1,pdu,\"X, Y\",a,2\n2,national,national,a,"
      "3\n2,pdu,\"X, Y\",a,NA\n");
  CsvReader reader(path, {"replication", "level", "unit", "kpi", "value"});
  const ReplicationTable table = read_replication_table(reader, 4);
  ASSERT_EQ(table.keys.size(), 2u);
  EXPECT_EQ(table.keys[1], (std::vector<std::string>{"pdu", "X, Y", "a"}));
  EXPECT_EQ(table.replications, (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(table.values[0], (std::vector<double>{1, 3}));
  EXPECT_TRUE(std::isnan(table.values[1][1]));
}

TEST(ReplicationTable, RefusesEachFaultAtItsLine) {
  const std::string header = "replication,level,unit,kpi,value\n";
  struct Case {
    const char* name;
    std::string text;
    std::string message;
  } cases[] = {
      {"dropped", header + "1,n,n,a,1\n1,n,n,b,1\n2,n,n,a,1\n3,n,n,a,1\n3,n,n,b,1\n",
       ":4: replication 2 ends here without a row for n,n,b, which replication 1 has at line 3"},
      {"duplicated", header + "1,n,n,a,1\n1,n,n,a,2\n",
       ":3: replication 1 has a second row for n,n,a (the first is at line 2)"},
      {"junk", header + "1,n,n,a,1613x\n", ":2: value is '1613x', not a number"},
      {"nan", header + "1,n,n,a,nan\n", ":2: value is 'nan', not a number"},
      {"fields", header + "1,n,n,a\n", ":2: has 4 fields; the header replication,level,unit,kpi,value has 5"},
      {"blank", header + "1,n,n,a,1\n\n", ":3: is blank"},
      {"replication", header + "-1,n,n,a,1\n", ":2: replication is '-1', not a count"},
      {"header", "replication,kpi,value\n", ":1: the header is replication,kpi,value; expected"},
      {"empty", "", ":1: is empty; expected the header"},
  };
  for (const Case& c : cases) {
    const fs::path path = write_temporary(std::string(c.name) + ".csv", c.text);
    EXPECT_EQ(error_of(path).rfind(path.string() + c.message, 0), 0u) << c.name << ": " << error_of(path);
  }
  EXPECT_NE(error_of("/nonexistent/kpis.csv").find("/nonexistent/kpis.csv: cannot be read: No such file"),
            std::string::npos);
}

TEST(NaValues, AreLeftOutOfSummariesAndPairsAlike) {
  const double na = std::nan("");
  const SummaryStatistics s = summarise({1.0, na, 3.0});
  EXPECT_EQ(s.n, 2u);
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
  EXPECT_DOUBLE_EQ(s.p50, 2.0);
  const SummaryStatistics all_na = summarise({na, na});
  EXPECT_EQ(all_na.n, 0u);
  EXPECT_TRUE(std::isnan(all_na.mean));
  EXPECT_TRUE(std::isnan(all_na.p95));
  const PairedDifference d = paired_difference({1.0, 2.0, na, 4.0}, {2.0, na, 5.0, 6.0});
  EXPECT_EQ(d.n, 2u);  // pairs 1 and 4
  EXPECT_DOUBLE_EQ(d.base_mean, 2.5);
  EXPECT_DOUBLE_EQ(d.other_mean, 4.0);
  EXPECT_DOUBLE_EQ(d.diff_mean, 1.5);
}
