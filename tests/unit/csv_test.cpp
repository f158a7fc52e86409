#include "output/csv.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace probsim;

TEST(Csv, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("Northgate"), "Northgate");
  EXPECT_EQ(csv_field("Kent, Surrey and Sussex"), "\"Kent, Surrey and Sussex\"");
  EXPECT_EQ(csv_field("the \"big\" one"), "\"the \"\"big\"\" one\"");
}

TEST(Csv, ParsesWhatItWrites) {
  const std::vector<std::string> fields = {"1", "Kent, Surrey and Sussex", "a \"quote\"", ""};
  std::string row = csv_row(fields);
  row.pop_back();  // newline
  EXPECT_EQ(parse_csv_line(row), fields);
}

TEST(Csv, FormatsNumbersReproducibly) {
  EXPECT_EQ(format_number(42.0), "42");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.3");
  EXPECT_EQ(format_number(1234.5678), "1234.5678");
  EXPECT_EQ(format_number(2.0 / 3.0), "0.666666666667");
  EXPECT_EQ(format_number(std::nan("")), "NA");
}
