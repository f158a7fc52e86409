// The first week's WMT % per practitioner, as the run reports it, equals the hand computation from the
// imported rows (issue 21). Each practitioner is alone in a PDU, so each PDU's workload_pct_mean (over
// the one weekly sample of the one-week window) is that practitioner's WMT %. Nothing may change the
// points in the week: no referrals, no early exits, no leavers, no sickness.
#include <gtest/gtest.h>

#include <map>

#include "engine/replication.hpp"
#include "snapshot/snapshot_test_support.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

TEST(SnapshotFirstWeek, EachPractitionersWmtPercentIsTheHandComputation) {
  const auto dir = scratch("first_week");
  write_text(dir / "staff.csv",
             "staff_id,pdu,grade,contracted_hours_per_week,reduction_pct,reduction_reason\n"
             "A,Northgate,po,37,20,trade_union\n"
             "B,Eastmoor,pso,22.2,,\n"
             "C,Southbridge,po,37,,\n");
  write_text(
      dir / "caseload.csv",
      "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner\n"
      "1,Northgate,community_order,2022-06-01,2023-06-01,high,B1,male,A\n"           // community B1: 102
      "2,Northgate,licence,2022-01-01,2024-01-01,high,A3,male,A\n"                   // licence A3: 219
      "3,Eastmoor,suspended_sentence_order,2022-09-01,2023-09-01,low,D2,female,B\n"  // community D2: 41
      "4,Eastmoor,licence,2022-11-15,2023-11-15,medium,C2,male,B\n"                  // licence C2: 65
      "5,Southbridge,licence,2022-11-15,2023-11-15,medium,C1,male,C\n"               // licence C1: 52
      "6,Southbridge,community_order,2022-11-15,2023-11-15,low,D0,male,C\n");        // community D0: 29
  std::vector<std::string> overrides = {"simulation.caseload_csv=" + (dir / "caseload.csv").string(),
                                        "simulation.staff_csv=" + (dir / "staff.csv").string(),
                                        "simulation.report_end=2023-01-07",
                                        "workforce.sickness.days_per_fte_year=0"};
  for (const char* pdu : {"Northgate", "Eastmoor", "Southbridge"})
    overrides.push_back(std::string("regions.0.pdus.") + pdu + ".referrals_per_week=0");
  for (const char* grade : {"po", "pso", "pqip"})
    overrides.push_back(std::string("workforce.leaver_rate_per_year.") + grade + "=0");
  for (const char* hazard :
       {"community_order.revocation", "community_order.breach", "suspended_sentence_order.revocation",
        "suspended_sentence_order.activation", "licence.recall"})
    overrides.push_back(std::string("early_termination_per_year.") + hazard + "=0");
  const Scenario s = load_example(overrides);
  ASSERT_TRUE(s.snapshot);

  const ReplicationResult result = run_replication(s, ReplicationSpec{1, replication_seed(8, 1), nullptr, 1});
  std::map<std::string, double> wmt, caseload_end;
  for (const Kpi& k : result.kpis) {
    if (k.level == "pdu" && k.name == "workload_pct_mean") wmt[k.unit] = k.value;
    if (k.level == "pdu" && k.name == "caseload_end") caseload_end[k.unit] = k.value;
  }
  // WMT-3: available = 2176 x (hours / 37) x (1 - reduction).
  // A: 37 h, 20% off: 1740.8 available, 102 + 219 = 321 held.
  EXPECT_NEAR(wmt.at("Northgate"), 100.0 * 321.0 / 1740.8, 1e-9);
  // B: 22.2 h (0.6 FTE): 1305.6 available, 41 + 65 = 106 held.
  EXPECT_NEAR(wmt.at("Eastmoor"), 100.0 * 106.0 / 1305.6, 1e-9);
  // C: full time, no reduction: 2176 available, 52 + 29 = 81 held.
  EXPECT_NEAR(wmt.at("Southbridge"), 100.0 * 81.0 / 2176.0, 1e-9);
  EXPECT_EQ(caseload_end,
            (std::map<std::string, double>{{"Eastmoor", 2}, {"Northgate", 2}, {"Southbridge", 2}}));
}
