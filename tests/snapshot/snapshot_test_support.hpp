#pragma once
// Shared by the snapshot tests: the shipped example scenario, CSVs written to a scratch directory and
// read back, the problems a bad CSV gives, and offices built from a snapshot exactly as a replication
// builds them (engine/replication.cpp).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "config/scenario_loader.hpp"
#include "config/snapshot_csv_reader.hpp"
#include "core/random_stream.hpp"
#include "scratch_directory.hpp"
#include "service/snapshot_warm_start.hpp"

namespace probsim::snapshot_testing {

inline std::string source_path(const std::string& relative) {
  return (std::filesystem::path(PROBSIM_SOURCE_DIR) / relative).string();
}

inline Scenario load_example(const std::vector<std::string>& overrides = {}) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source_path("scenarios/example_region_snapshot.yaml"), overrides, diagnostics);
  EXPECT_TRUE(loaded) << diagnostics.describe();
  return loaded ? loaded->scenario : Scenario{};
}

// A scratch directory of this test's own, emptied first.
inline std::filesystem::path scratch(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return probsim::testing::scratch_directory(
      "probsim-snapshot-test", std::string(info->test_suite_name()) + "." + info->name() + "." + name);
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The example scenario with `overrides`, warm-started from `caseload` and `staff` written into `dir`.
inline Scenario load_example_from_csvs(const std::filesystem::path& dir, const std::string& caseload,
                                       const std::string& staff, std::vector<std::string> overrides = {}) {
  write_text(dir / "caseload.csv", caseload);
  write_text(dir / "staff.csv", staff);
  overrides.push_back("simulation.caseload_csv=" + (dir / "caseload.csv").string());
  overrides.push_back("simulation.staff_csv=" + (dir / "staff.csv").string());
  return load_example(overrides);
}

// The problems (FILE:LINE:COLUMN: error: ...) of `caseload` and `staff`, written into `dir` as caseload.csv
// and staff.csv and read against `s`, which must refuse them.
inline std::vector<std::string> csv_problems(const std::filesystem::path& dir, const std::string& caseload,
                                             const std::string& staff, const Scenario& s) {
  write_text(dir / "caseload.csv", caseload);
  write_text(dir / "staff.csv", staff);
  std::vector<CsvProblem> problems;
  const auto snapshot = read_snapshot_csvs(
      SnapshotFiles{(dir / "caseload.csv").string(), (dir / "staff.csv").string()}, s, problems);
  EXPECT_FALSE(snapshot);
  std::vector<std::string> found;
  for (const CsvProblem& problem : problems) found.push_back(problem.describe());
  return found;
}

// `found` holds one problem at each place of `expected` (FILE:LINE:COLUMN) whose message contains the
// text beside it, and no other problem.
inline void expect_problems_at(const std::vector<std::string>& found,
                               const std::vector<std::pair<std::string, std::string>>& expected) {
  ASSERT_EQ(found.size(), expected.size()) << ::testing::PrintToString(found);
  for (const auto& [where, message] : expected) {
    const auto hit = std::find_if(found.begin(), found.end(),
                                  [&](const std::string& f) { return f.rfind(where + ": error: ", 0) == 0; });
    ASSERT_NE(hit, found.end()) << where << "\n" << ::testing::PrintToString(found);
    EXPECT_NE(hit->find(message), std::string::npos) << *hit;
  }
}

// The offices of `scenario` on day 0, built from its snapshot as run_replication builds them.
struct SnapshotOffices {
  WorkingCalendar calendar;
  std::vector<std::unique_ptr<PduOffice>> offices;

  SnapshotOffices(const Scenario& s, std::uint64_t seed)
      : calendar(s.window.day_zero(), s.bank_holidays, 0, s.window.last_day()) {
    std::vector<PduOffice*> all;
    for (std::size_t i = 0; i < s.pdu_count(); ++i) {
      const PduSpec& pdu = s.pdu_at(i);
      const auto index = static_cast<std::uint32_t>(i);
      ReferralProcess referrals(pdu.referrals, s.window.day_zero(), s.window.first_report_day(), index, seed);
      offices.push_back(std::make_unique<PduOffice>(PduIdentity{index, index, pdu.name, &s.case_mix_of(pdu)},
                                                    s.caseload, referrals, seed, snapshot_staff(s, i),
                                                    calendar, s.window.last_day()));
      all.push_back(offices.back().get());
    }
    place_snapshot_caseload(s, all, {}, seed);
  }
};

}  // namespace probsim::snapshot_testing
