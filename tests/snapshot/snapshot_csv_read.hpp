#pragma once
// The snapshot CSV error tests' fixtures: two small valid files (PDUs Northgate, Eastmoor, Southbridge of
// the shipped example scenario; snapshot day 2023-01-01), read back with the problems they give.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "snapshot/snapshot_test_support.hpp"

namespace probsim::snapshot_testing {

inline const std::string kStaff =
    "staff_id,pdu,grade,fte\n"
    "S1,Northgate,po,1.0\n"
    "S2,Northgate,pso,0.6\n"
    "S3,Eastmoor,spo,1.0\n"
    "S4,Eastmoor,po,1.0\n";
inline const std::string kCaseHeader =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner\n";
inline const std::string kCase = "P1,Northgate,community_order,2022-06-01,2023-06-01,medium,B2,male,S1\n";

struct Read {
  std::string caseload_file;
  std::string staff_file;
  std::vector<CsvProblem> problems;
  std::optional<RegionSnapshot> snapshot;
};

inline Read read(const std::string& caseload, const std::string& staff) {
  static const Scenario scenario = load_example();
  const auto dir = scratch("csv");
  Read r;
  r.caseload_file = (dir / "caseload.csv").string();
  r.staff_file = (dir / "staff.csv").string();
  write_text(r.caseload_file, caseload);
  write_text(r.staff_file, staff);
  r.snapshot = read_snapshot_csvs(SnapshotFiles{r.caseload_file, r.staff_file}, scenario, r.problems);
  return r;
}

inline std::string listing(const std::vector<CsvProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += p.describe() + "\n";
  return text;
}

// Exactly one problem, at file:line:column, whose message contains `message`.
inline void expect_one(const Read& r, const std::string& file, int line, const std::string& column,
                       const std::string& message) {
  EXPECT_FALSE(r.snapshot);
  ASSERT_EQ(r.problems.size(), 1u) << listing(r.problems);
  const CsvProblem& p = r.problems[0];
  EXPECT_EQ(p.file, file);
  EXPECT_EQ(p.line, line);
  EXPECT_EQ(p.column, column);
  EXPECT_NE(p.message.find(message), std::string::npos) << p.describe();
}

}  // namespace probsim::snapshot_testing
