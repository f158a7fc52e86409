// A warm start's caseload CSV with dates far outside what the case mix makes is warned of
// (sim/runner/snapshot_date_warnings.hpp): a row from 1900-01-01 to 2200-12-31 with a review due
// 1900-01-02 (a spreadsheet's empty date) moved the national review lateness a hundredfold unsaid.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_test_support.hpp"

using namespace probsim::testing;

namespace {

namespace fs = std::filesystem;

std::string first_person;  // the person_id of the row given the dates

// The shipped example caseload with a next_review_due column, its first row given these dates.
fs::path caseload_with(const std::string& name, const std::string& start, const std::string& end,
                       const std::string& review) {
  const fs::path dir = fresh_directory(name);
  std::istringstream in(read_file(source_path("scenarios/data/example_region_caseload.csv")));
  std::ostringstream out;
  std::string line;
  std::getline(in, line);
  out << line << ",next_review_due\n";
  for (bool first = true; std::getline(in, line); first = false) {
    if (!first) {
      out << line << ",\n";
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream row(line);
    for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
    first_person = fields[0];
    fields[3] = start;
    fields[4] = end;
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << fields[i];
    out << "," << review << "\n";
  }
  write_file(dir / "caseload.csv", out.str());
  return dir / "caseload.csv";
}

std::string validate(const fs::path& caseload) {
  const CommandResult r = run_probsim(
      "validate scenarios/example_region_snapshot.yaml --set simulation.caseload_csv=" + caseload.string());
  EXPECT_EQ(r.exit_status, 0) << r.output;
  return r.output;
}

}  // namespace

TEST(SnapshotDateWarnings, AnOrderOfCenturiesAndAReviewDueDecadesAgoAreWarnedOf) {
  const std::string output =
      validate(caseload_with("snapshot-dates-odd", "1900-01-01", "2200-12-31", "1900-01-02"));
  EXPECT_NE(output.find("1 case with an order more than twice as long as the longest the case mix gives its "
                        "sentence type; the longest, person_id '" +
                        first_person + "' (community_order), runs from 1900-01-01 to 2200-12-31"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("1 case with a next_review_due more than a year before the snapshot day 2023-01-01; "
                        "the earliest, person_id '" +
                        first_person + "', due 1900-01-02"),
            std::string::npos)
      << output;
}

TEST(SnapshotDateWarnings, OrdinaryDatesAreNotWarnedOf) {
  // A year's community order, a review due last month: within what the case mix and the reviews make.
  const std::string output =
      validate(caseload_with("snapshot-dates-plain", "2022-06-04", "2023-06-04", "2022-12-01"));
  EXPECT_EQ(output.find("than twice as long"), std::string::npos) << output;
  EXPECT_EQ(output.find("more than a year before the snapshot day"), std::string::npos) << output;
}
