// The memory estimate of a replication (issue 23): Little's law from the scenario, the check against the
// machine or --max-memory, and the sizes --max-memory reads.
#include "runner/memory_estimate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "config/scenario_loader.hpp"
#include "scratch_directory.hpp"

using namespace probsim;

namespace {

Scenario example(const std::vector<std::string>& overrides = {}) {
  Diagnostics diagnostics;
  auto loaded =
      load_scenario(std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml", overrides, diagnostics);
  EXPECT_TRUE(loaded) << diagnostics.describe();
  return loaded->scenario;
}

constexpr double kMiB = 1024.0 * 1024;

}  // namespace

TEST(MemoryEstimate, OpenCasesAreReferralsTimesTheMeanSentenceSummedOverPdus) {
  const Scenario s = example();
  const MemoryEstimate e = estimate_replication_memory(s);
  // example_pdu's mix: CO 0.37 and SSO 0.17 of mean 17.4 months ({12,18,24} weighted .4,.3,.3), licence
  // 0.46 uniform on 12..36 (mean 24): 20.6 months = 89.4 weeks; 6 + 5 + 4 referrals a week.
  double per_week = 0.0;
  for (const auto& pdu : s.regions[0].pdus) per_week += pdu.referrals.per_week;
  EXPECT_NEAR(e.weeks_open, (0.54 * 17.4 + 0.46 * 24.0) * kDaysPerMonth / kDaysPerWeek, 1e-9);
  EXPECT_NEAR(e.open_cases, per_week * e.weeks_open, 1e-6);
  // Staff in post: Northgate 35, Eastmoor 21, Southbridge 18 (the scenario's headcounts); no plan.
  EXPECT_EQ(e.staff, 74.0);
  EXPECT_EQ(e.staff_pdu_name, "Northgate");
  EXPECT_NEAR(e.bytes, kFixedBytes + kBytesPerOpenCase * e.open_cases + kBytesPerStaffMember * 74.0, 1e-3);
  EXPECT_EQ(e.pdu_key, "regions[0].pdus[0].referrals_per_week");  // Northgate, 6 a week, the most
  EXPECT_EQ(e.pdu_name, "Northgate");
}

// Headcount is bounded per group (100,000), not per scenario: a mistyped one passed the check and
// exhausted memory. The staff count, and the plan's intakes within the window.
TEST(MemoryEstimate, StaffInPostAndRecruitedWithinTheWindowCount) {
  const std::string crowd = "regions.0.pdus.Eastmoor.staff.2.headcount=100000";  // its 9 PSOs
  const MemoryEstimate crowded = estimate_replication_memory(example({crowd}));
  EXPECT_EQ(crowded.staff, 74.0 - 9 + 100000);
  EXPECT_EQ(crowded.staff_pdu_name, "Eastmoor");
  EXPECT_EQ(crowded.staff_key, "regions[0].pdus[1].staff[2].headcount");
  EXPECT_NEAR(crowded.bytes,
              kFixedBytes + kBytesPerOpenCase * crowded.open_cases + kBytesPerStaffMember * crowded.staff,
              1e-3);
  // Each recruit joins one PDU: a region's intake of 40 is 40 people, counted towards no one PDU (they go
  // where the vacancies are). An intake after the window is not counted.
  const std::string plan =
      "staffing_plan.intakes=[{date: 2023-06-01, region: 'Example region', grade: po, "
      "count: 40}, {date: 2030-01-01, pdu: Southbridge, grade: po, count: 500}]";
  const MemoryEstimate recruited = estimate_replication_memory(example({plan}));
  EXPECT_EQ(recruited.staff, 74.0 + 40);
  EXPECT_EQ(recruited.staff_pdu_count, 35.0);  // Northgate's own
  EXPECT_EQ(recruited.staff_key, "staffing_plan.intakes[0].count");
  // Refused for the staff: they are named, and the advice names their key, not the referrals'.
  const MemoryVerdict refused = check_memory(example({crowd}), 1, 100 * kMiB, std::nullopt);
  EXPECT_NE(refused.message.find("and 100065 staff in post or recruited (the most in PDU 'Eastmoor': 100012; "
                                 "the largest entry key 'regions[0].pdus[1].staff[2].headcount': 100000)"),
            std::string::npos)
      << refused.message;
  EXPECT_NE(refused.message.find("Lower key 'regions[0].pdus[1].staff[2].headcount'"), std::string::npos)
      << refused.message;
  // In a real scenario the staff are not named, and the advice is the referrals' key.
  const MemoryVerdict cases = check_memory(example(), 1, 20 * kMiB, std::nullopt);
  EXPECT_EQ(cases.message.find("staff in post"), std::string::npos) << cases.message;
  EXPECT_NE(cases.message.find("Lower key 'regions[0].pdus[0].referrals_per_week'"), std::string::npos)
      << cases.message;
}

TEST(MemoryEstimate, AGrowingTrendCountsAtTheEndOfTheWindowAndAFallingOneAtItsStart) {
  const double flat = estimate_replication_memory(example()).open_cases;
  const MemoryEstimate growing = estimate_replication_memory(
      example({"referrals.trend_pct_per_year=100", "simulation.report_end=2025-01-01"}));
  EXPECT_NEAR(growing.pdu_peak_trend, 4.0, 0.01);  // two years of doubling (2023-01-01 to 2025-01-01)
  EXPECT_NEAR(growing.open_cases, flat * growing.pdu_peak_trend, 1e-6);
  EXPECT_EQ(estimate_replication_memory(example({"referrals.trend_pct_per_year=-50"})).open_cases, flat);
}

TEST(MemoryCheck, RefusesOverTheLimitWarnsOverHalfAndMaxMemoryReplacesTheMachine) {
  const Scenario s = example();
  const double one = estimate_replication_memory(s).bytes;  // about 41 MiB
  // Against the machine's available memory, when --max-memory is not given.
  EXPECT_EQ(check_memory(s, 2, std::nullopt, 1.9 * one).kind, MemoryVerdict::Kind::refuse);
  EXPECT_EQ(check_memory(s, 2, std::nullopt, 3.0 * one).kind, MemoryVerdict::Kind::warn);
  EXPECT_EQ(check_memory(s, 2, std::nullopt, 5.0 * one).kind, MemoryVerdict::Kind::fits);
  EXPECT_EQ(check_memory(s, 2, std::nullopt, std::nullopt).kind, MemoryVerdict::Kind::fits);
  // --max-memory overrides the machine, down or up.
  EXPECT_EQ(check_memory(s, 2, 1.9 * one, 1e15).kind, MemoryVerdict::Kind::refuse);
  EXPECT_EQ(check_memory(s, 2, 1e12, 1.0 * one).kind, MemoryVerdict::Kind::fits);
  const MemoryVerdict refused = check_memory(s, 1, 20 * kMiB, std::nullopt);
  EXPECT_NE(refused.message.find("more than the 20 MiB --max-memory allows"), std::string::npos)
      << refused.message;
  EXPECT_NE(refused.message.find("key 'regions[0].pdus[0].referrals_per_week': 6 referrals a week"),
            std::string::npos)
      << refused.message;
  // One replication at once (bench has no --jobs): fewer at once is not advised; two at once, it is.
  EXPECT_EQ(refused.message.find("--jobs"), std::string::npos) << refused.message;
  EXPECT_NE(check_memory(s, 2, 20 * kMiB, std::nullopt).message.find("fewer replications at once (--jobs)"),
            std::string::npos);
  // An estimate that rounds to the limit is not "over half of" it.
  const MemoryVerdict close = check_memory(s, 1, one * 1.0004, std::nullopt);
  EXPECT_EQ(close.kind, MemoryVerdict::Kind::warn);
  EXPECT_NE(close.message.find("nearly all of the"), std::string::npos) << close.message;
}

// An estimate just over the limit read "41 MiB, more than the 41 MiB": the figures are told apart in KiB.
TEST(MemoryCheck, AnEstimateJustOverTheLimitIsPrintedInKiBWhenBothReadAlikeInMiB) {
  const Scenario s = example();
  const double one = estimate_replication_memory(s).bytes;
  const double limit = one * 0.9996;  // about 17 KiB less
  ASSERT_EQ(describe_bytes(one), describe_bytes(limit));
  const MemoryVerdict refused = check_memory(s, 1, limit, std::nullopt);
  ASSERT_EQ(refused.kind, MemoryVerdict::Kind::refuse);
  const auto kib = [](double bytes) { return std::to_string(std::llround(bytes / 1024.0)) + " KiB"; };
  EXPECT_NE(refused.message.find("needs an estimated " + kib(one) + " ("), std::string::npos)
      << refused.message;
  EXPECT_NE(refused.message.find("more than the " + kib(limit) + " --max-memory allows"), std::string::npos)
      << refused.message;
  EXPECT_NE(kib(one), kib(limit));
}

TEST(MemorySize, ReadsSizesInPowersOf1024) {
  EXPECT_EQ(parse_memory_size("512M"), 512 * kMiB);
  EXPECT_EQ(parse_memory_size("8G"), 8 * 1024 * kMiB);
  EXPECT_EQ(parse_memory_size("8GiB"), 8 * 1024 * kMiB);
  EXPECT_EQ(parse_memory_size("8gb"), 8 * 1024 * kMiB);
  EXPECT_EQ(parse_memory_size("1.5T"), 1.5 * 1024 * 1024 * kMiB);
  EXPECT_EQ(parse_memory_size("2048K"), 2 * kMiB);
  EXPECT_EQ(parse_memory_size("1000"), 1000.0);
  for (const char* bad : {"", "0", "-5G", "1x", "G", "8 G", "nan", "inf", "1e3G", "8GG"})
    EXPECT_FALSE(parse_memory_size(bad).has_value()) << bad;
}

// Sizes are printed in the unit that shows them: a bare --max-memory of 8 is 8 bytes (it used to read
// "0 MiB"), and an impossible scenario's estimate keeps its unit instead of being cut short.
TEST(MemorySize, IsDescribedInTheUnitThatShowsIt) {
  EXPECT_EQ(describe_bytes(8.0), "8 bytes");
  EXPECT_EQ(describe_bytes(2048.0), "2 KiB");
  EXPECT_EQ(describe_bytes(20 * kMiB), "20 MiB");
  EXPECT_EQ(describe_bytes(1536 * kMiB), "1.5 GiB");
  EXPECT_EQ(describe_bytes(3.0 * 1024 * 1024 * kMiB), "3.0 TiB");
  EXPECT_EQ(describe_bytes(2.9746566e46), "2.71e+34 TiB");
}

// Two sizes in one sentence differ where they differ: in the finest unit needed, never a coarser one.
TEST(MemorySize, TwoSizesThatReadAlikeArePrintedInAFinerUnit) {
  using Texts = std::pair<std::string, std::string>;
  EXPECT_EQ(describe_bytes_apart(90 * kMiB, 20 * kMiB), (Texts{"90 MiB", "20 MiB"}));
  EXPECT_EQ(describe_bytes_apart(83.4 * kMiB, 83.3 * kMiB), (Texts{"85402 KiB", "85299 KiB"}));
  EXPECT_EQ(describe_bytes_apart(2.51 * 1024 * kMiB, 2.49 * 1024 * kMiB), (Texts{"2570 MiB", "2550 MiB"}));
  EXPECT_EQ(describe_bytes_apart(2049.0, 2048.0), (Texts{"2049 bytes", "2048 bytes"}));
}

// A PDU with a case_mix of its own (issue 21 item 2) keeps its cases open as long as its own mix says:
// all licences of exactly 36 months at Eastmoor, the national mix elsewhere.
TEST(MemoryEstimate, APduWithItsOwnCaseMixUsesIt) {
  const Scenario national = example();
  const Scenario local =
      example({"regions.0.pdus.Eastmoor.case_mix={sentence_type_shares: {community_order: 0, "
               "suspended_sentence_order: 0, licence: 1}, sentence_length_months: {licence: {fixed: 36}}}"});
  ASSERT_EQ(local.regions[0].pdus[1].name, "Eastmoor");
  ASSERT_TRUE(local.regions[0].pdus[1].case_mix);
  const double national_weeks = estimate_replication_memory(national).weeks_open;
  const double eastmoor_weeks = 36 * kDaysPerMonth / kDaysPerWeek;
  const double eastmoor_per_week = local.regions[0].pdus[1].referrals.per_week;
  const MemoryEstimate e = estimate_replication_memory(local);
  EXPECT_NEAR(e.open_cases,
              estimate_replication_memory(national).open_cases +
                  eastmoor_per_week * (eastmoor_weeks - national_weeks),
              1e-6);
  EXPECT_GT(e.open_cases, estimate_replication_memory(national).open_cases);
}

namespace {
// example_region_snapshot (2023-01-01 to 2023-12-31, no warm-up) from a caseload of `rows` cases at
// Northgate, all ending on `end`.
Scenario snapshot_of(int rows, const std::string& end) {
  const auto dir = probsim::testing::scratch_directory("probsim-memory-estimate", "snapshot");
  std::ofstream(dir / "staff.csv") << "staff_id,pdu,grade,fte\nS1,Northgate,po,1\n";
  std::ofstream caseload(dir / "caseload.csv");
  caseload << "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex\n";
  for (int i = 0; i < rows; ++i)
    caseload << "P" << i << ",Northgate,licence,2022-06-01," << end << ",low,D0,male\n";
  caseload.close();
  Diagnostics diagnostics;
  auto loaded = load_scenario(std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_region_snapshot.yaml",
                              {"simulation.caseload_csv=" + (dir / "caseload.csv").string(),
                               "simulation.staff_csv=" + (dir / "staff.csv").string()},
                              diagnostics);
  EXPECT_TRUE(loaded) << diagnostics.describe();
  return loaded->scenario;
}
}  // namespace

// From a snapshot the imported rows count, not the steady state a generated warm start would have: a
// PDU's most open cases are its rows not yet ended plus its referrals since day 0, which reach Little's
// law's figure only after a mean sentence (89 weeks, longer than the year's window).
TEST(MemoryEstimate, ASnapshotCountsItsImportedRows) {
  // Rows ending after the window: all open all year, with a year of referrals (6, 4 and 5 a week) on top.
  const Scenario s = snapshot_of(3000, "2025-01-01");
  const MemoryEstimate e = estimate_replication_memory(s);
  const double days = static_cast<double>(s.window.last_day() + 1);  // 365
  EXPECT_EQ(e.imported_cases, 3000.0);
  EXPECT_NEAR(e.open_cases, 3000.0 + (6 + 4 + 5) * days / kDaysPerWeek, 1e-6);
  EXPECT_EQ(e.pdu_name, "Northgate");
  EXPECT_EQ(e.pdu_imported_cases, 3000.0);
  // Rows ending in the first week: the week's rows and referrals, or the year's referrals, whichever is
  // more (per PDU).
  const MemoryEstimate early = estimate_replication_memory(snapshot_of(3000, "2023-01-05"));
  EXPECT_NEAR(early.open_cases, 3000.0 + 6 + (4 + 5) * days / kDaysPerWeek, 1e-6);
  // The steady state the estimate used before (the national mix's Little's law) is not what is open.
  EXPECT_GT(std::abs(e.open_cases - (6 + 4 + 5) * e.weeks_open), 1500.0);
  // The refusal names the snapshot's part.
  const MemoryVerdict refused = check_memory(s, 1, 20 * kMiB, std::nullopt);
  EXPECT_NE(refused.message.find("and 3000 cases from the snapshot"), std::string::npos) << refused.message;
}

// Two entries of the same size: the advice named the first alone, and lowering it left the estimate over
// the limit. Both are now counted, and the advice says the others are as large.
TEST(MemoryEstimate, EntriesAsLargeAsTheLargestAreCountedAndNamed) {
  const std::vector<std::string> twins = {"regions.0.pdus.Eastmoor.staff.2.headcount=100000",
                                          "regions.0.pdus.Southbridge.staff.0.headcount=100000"};
  const MemoryEstimate e = estimate_replication_memory(example(twins));
  EXPECT_EQ(e.staff_key, "regions[0].pdus[1].staff[2].headcount");
  EXPECT_EQ(e.staff_key_as_large, 1U);
  const MemoryVerdict refused = check_memory(example(twins), 1, 100 * kMiB, std::nullopt);
  EXPECT_NE(
      refused.message.find("the largest entry key 'regions[0].pdus[1].staff[2].headcount': 100000, and 1 "
                           "other entry as large)"),
      std::string::npos)
      << refused.message;
  EXPECT_NE(refused.message.find("Lower key 'regions[0].pdus[1].staff[2].headcount' and the 1 other entry as "
                                 "large"),
            std::string::npos)
      << refused.message;
  EXPECT_EQ(estimate_replication_memory(example({twins[0]})).staff_key_as_large, 0U);
}

// A batch's built points stay in its process while the replications run, so they count against
// --max-memory beside them; not against the memory available, which was read with them already held.
TEST(MemoryCheck, WhatTheProcessHoldsCountsAgainstMaxMemoryNotAgainstTheMachine) {
  const Scenario s = example();
  const double one = estimate_replication_memory(s).bytes;
  const MemoryHeld points{1.5 * one, "the sweep's 400 built points"};
  EXPECT_EQ(check_memory(s, 1, 1.8 * one, std::nullopt).kind, MemoryVerdict::Kind::warn);
  const MemoryVerdict refused = check_memory(s, 1, 1.8 * one, std::nullopt, points);
  EXPECT_EQ(refused.kind, MemoryVerdict::Kind::refuse);
  EXPECT_NE(refused.message.find("; and " + describe_bytes(1.5 * one) + " for the sweep's 400 built points)"),
            std::string::npos)
      << refused.message;
  EXPECT_NE(refused.message.find("give the sweep fewer points"), std::string::npos) << refused.message;
  // Against the machine the points are not added: MemAvailable already leaves them out.
  EXPECT_EQ(check_memory(s, 1, std::nullopt, 1.8 * one, points).kind, MemoryVerdict::Kind::warn);
  EXPECT_EQ(check_memory(s, 1, std::nullopt, 1.8 * one, points).message.find("built points"),
            std::string::npos);
  // Points smaller than the replications: the advice does not point at them.
  const MemoryVerdict small =
      check_memory(s, 2, 1.5 * one, std::nullopt, {0.1 * one, "the sweep's 2 built points"});
  EXPECT_EQ(small.kind, MemoryVerdict::Kind::refuse);
  EXPECT_EQ(small.message.find("give the sweep fewer points"), std::string::npos) << small.message;
}
