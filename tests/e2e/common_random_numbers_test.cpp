// Common random numbers: two scenarios that differ only in staffing see the same people arrive, with
// the same attributes, on the same days (docs/architecture.md "Randomness").
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;

namespace {
// The referral rows of events.csv without the practitioner column, which staffing may change.
std::multiset<std::string> referrals(const std::filesystem::path& events_csv, int* count_allocations) {
  std::ifstream in(events_csv);
  std::string line;
  std::getline(in, line);
  std::multiset<std::string> rows;
  while (std::getline(in, line)) {
    auto f = probsim::parse_csv_line(line);
    if (f[5] == "allocated") ++*count_allocations;
    if (f[5] != "referral" && f[5] != "initial") continue;
    f[12].clear();  // practitioner
    std::string key;
    for (const auto& field : f) key += field + "|";
    rows.insert(key);
  }
  return rows;
}
}  // namespace

TEST(CommonRandomNumbers, ScenariosDifferingInStaffingSeeTheSameReferrals) {
  const auto dir = fresh_directory("crn");
  const std::string common = " --reps 2 --quiet --events --seed 11";
  const CommandResult base =
      run_probsim("run scenarios/example_pdu.yaml" + common + " --out '" + (dir / "base").string() + "'");
  ASSERT_EQ(base.exit_status, 0) << base.output;
  const CommandResult other = run_probsim(
      "run scenarios/example_pdu.yaml" + common + " --set regions.0.pdus.Southbridge.staff.0.headcount=9" +
      " --set regions.0.pdus.Northgate.staff.1.headcount=3 --out '" + (dir / "other").string() + "'");
  ASSERT_EQ(other.exit_status, 0) << other.output;

  int base_allocations = 0, other_allocations = 0;
  const auto base_referrals = referrals(dir / "base" / "events.csv", &base_allocations);
  const auto other_referrals = referrals(dir / "other" / "events.csv", &other_allocations);
  EXPECT_GT(base_referrals.size(), 1000u);
  EXPECT_EQ(base_referrals, other_referrals);
  // The staffing change did change who holds the cases.
  EXPECT_NE(read_file(dir / "base" / "events.csv"), read_file(dir / "other" / "events.csv"));
}
