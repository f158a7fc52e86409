// rar_days and unpaid_work_hours (issue 21): carried with each imported case, consumed by no mechanism.
// They are checked (non-negative numbers, only on a community or suspended sentence order), written back
// by `probsim snapshot` as read, and change nothing the model does.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "output/snapshot_writer.hpp"
#include "service/probation_service.hpp"
#include "snapshot/snapshot_test_support.hpp"
#include "unit/model_run.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kStaff =
    "staff_id,pdu,grade,fte\n"
    "S1,Northgate,po,1.0\n"
    "S2,Northgate,pso,1.0\n"
    "S3,Eastmoor,po,1.0\n";
const std::string kHeader =
    "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner,rar_days,"
    "unpaid_work_hours\n";
// Snapshot day 2023-01-01.
const std::string kCases =
    "P1,Northgate,community_order,2022-06-01,2024-06-01,medium,B2,male,S1,15,120\n"
    "P2,Northgate,suspended_sentence_order,2022-09-01,2024-09-01,low,C1,female,S2,20.5,\n"
    "P3,Eastmoor,licence,2022-10-01,2024-10-01,high,A2,male,S3,,\n"
    "P4,Eastmoor,community_order,2022-11-01,2023-11-01,low,D1,male,,0,40\n";

// The example with `caseload` and this file's staff.
Scenario load_with(const std::filesystem::path& dir, const std::string& caseload) {
  return load_example_from_csvs(dir, caseload, kStaff);
}

// The caseload written from `s` at the end of day `day` of a run with `seed`.
std::string written(const Scenario& s, Day day, const std::filesystem::path& dir, const std::string& name) {
  probsim::testing::ModelRun run(s, replication_seed(3, 1));
  if (day >= 0) run.run_through(day);
  std::vector<const PduOffice*> offices(run.service().observed_offices());
  write_snapshot_csvs(s, offices, day, (dir / ("c" + name)).string(), (dir / ("s" + name)).string(),
                      run.service().observed_teams());
  return read_text(dir / ("c" + name));
}

// The two carried fields of each row (columns 11 and 12 of the written header).
std::vector<std::string> carried_fields(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
      f.push_back(line.substr(start, comma - start));
    f.push_back(line.substr(start));
    out.push_back(f.at(12) + "|" + f.at(13));
  }
  return out;
}

}  // namespace

TEST(SnapshotCarried, TheValuesAreKeptWithEachRow) {
  const Scenario s = load_with(scratch("kept"), kHeader + kCases);
  ASSERT_TRUE(s.snapshot);
  ASSERT_EQ(s.snapshot->cases.size(), 4u);
  const auto& c = s.snapshot->cases;
  EXPECT_EQ(c[0].rar_days, 15.0);
  EXPECT_EQ(c[0].unpaid_work_hours, 120.0);
  EXPECT_EQ(c[1].rar_days, 20.5);
  EXPECT_EQ(c[1].unpaid_work_hours, SnapshotCase::kNotGiven);
  EXPECT_EQ(c[2].rar_days, SnapshotCase::kNotGiven);
  EXPECT_EQ(c[3].rar_days, 0.0);
  EXPECT_EQ(c[3].unpaid_work_hours, 40.0);
}

TEST(SnapshotCarried, BadValuesAreRefusedWithFileLineAndColumn) {
  const auto dir = scratch("bad");
  write_text(dir / "staff.csv", kStaff);
  write_text(dir / "caseload.csv",
             kHeader + "B1,Northgate,community_order,2022-06-01,2024-06-01,medium,B2,male,S1,-1,\n" +
                 "B2,Northgate,community_order,2022-06-01,2024-06-01,medium,B2,male,S1,,ten\n" +
                 "B3,Eastmoor,licence,2022-06-01,2024-06-01,medium,B2,male,S3,5,\n" +
                 "B4,Eastmoor,licence,2022-06-01,2024-06-01,medium,B2,male,S3,,60\n" +
                 "B5,Northgate,community_order,2022-06-01,2024-06-01,medium,B2,male,S1,inf,\n");
  const Scenario s = load_example();
  std::vector<CsvProblem> problems;
  EXPECT_FALSE(read_snapshot_csvs(
      SnapshotFiles{(dir / "caseload.csv").string(), (dir / "staff.csv").string()}, s, problems));
  std::vector<std::string> found;
  for (const CsvProblem& p : problems) found.push_back(p.describe());
  const std::string file = (dir / "caseload.csv").string();
  EXPECT_EQ(found, (std::vector<std::string>{
                       file + ":2:rar_days: error: must be 0 or more days, found -1",
                       file + ":3:unpaid_work_hours: error: 'ten' is not a number",
                       file + ":4:rar_days: error: is a requirement of a community_order or "
                              "suspended_sentence_order, not of a licence",
                       file + ":5:unpaid_work_hours: error: is a requirement of a community_order or "
                              "suspended_sentence_order, not of a licence",
                       file + ":6:rar_days: error: 'inf' is not a number",
                   }));
}

// Written back as read: on the snapshot day itself (the round trip is byte for byte), and on a later day
// for the imported cases still open (no mechanism has used any of them).
TEST(SnapshotCarried, ProbsimSnapshotWritesThemBack) {
  const auto dir = scratch("back");
  const Scenario s = load_with(dir, kHeader + kCases);
  ASSERT_TRUE(s.snapshot);
  const std::string day0 = written(s, -1, dir, "0.csv");
  EXPECT_EQ(carried_fields(day0),
            (std::vector<std::string>{"rar_days|unpaid_work_hours", "15|120", "20.5|", "|", "0|40"}));
  // Imported again and written again: the same file.
  const Scenario again = load_example({"simulation.caseload_csv=" + (dir / "c0.csv").string(),
                                       "simulation.staff_csv=" + (dir / "s0.csv").string()});
  ASSERT_TRUE(again.snapshot);
  EXPECT_EQ(written(again, -1, dir, "1.csv"), day0);
  // Thirty days on, the imported cases still open carry their values, the referrals since carry none.
  const auto later = carried_fields(written(s, 29, dir, "30.csv"));
  EXPECT_GT(later.size(), 5u);  // referrals arrived
  EXPECT_EQ(std::count(later.begin(), later.end(), "15|120"), 1);
  EXPECT_EQ(std::count(later.begin(), later.end(), "20.5|"), 1);
  EXPECT_EQ(std::count(later.begin(), later.end(), "0|40"), 1);
  EXPECT_EQ(static_cast<std::size_t>(std::count(later.begin(), later.end(), "|")), later.size() - 4);
}

// No mechanism reads them: the same snapshot with and without the two columns runs the same (the
// caseload written after 60 days is the same but for the two columns).
TEST(SnapshotCarried, TheyChangeNothingTheModelDoes) {
  const auto with_dir = scratch("with"), without_dir = scratch("without");
  std::string without =
      "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,"
      "practitioner\n";
  std::istringstream in(kCases);
  for (std::string line; std::getline(in, line);) {
    const auto cut = line.rfind(',', line.rfind(',') - 1);
    without += line.substr(0, cut) + "\n";
  }
  const std::string a = written(load_with(with_dir, kHeader + kCases), 59, with_dir, "60.csv");
  const std::string b = written(load_with(without_dir, without), 59, without_dir, "60.csv");
  auto blank_carried = [](const std::string& csv) {
    std::string out;
    std::istringstream rows(csv);
    for (std::string line; std::getline(rows, line);) {
      std::vector<std::string> f;
      std::size_t start = 0;
      for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
        f.push_back(line.substr(start, comma - start));
      f.push_back(line.substr(start));
      f.at(12).clear(), f.at(13).clear();
      for (const auto& x : f) out += x + ",";
      out += "\n";
    }
    return out;
  };
  EXPECT_NE(a, b);  // the columns are there in one
  EXPECT_EQ(blank_carried(a), blank_carried(b));
}
