// The imported caseload and staff on day 0 are the rows (issue 21): in count and in each attribute's
// counts, each case held by the practitioner its row names, and each practitioner's WMT % what the rows
// give by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "caseload/imported_case.hpp"
#include "output/snapshot_writer.hpp"
#include "snapshot/snapshot_test_support.hpp"
#include "workforce/region_workforce.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

// The rows of a CSV without quoted fields (the shipped example has none), keyed by header name.
std::vector<std::map<std::string, std::string>> plain_csv(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream h(line);
  for (std::string f; std::getline(h, f, ',');) header.push_back(f);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::map<std::string, std::string> row;
    std::size_t start = 0;
    for (std::size_t i = 0; i < header.size(); ++i) {
      const std::size_t comma = line.find(',', start);
      row[header[i]] = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      start = comma + 1;
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST(SnapshotImport, TheExampleCaseloadOnDayZeroIsTheRows) {
  const Scenario s = load_example();
  ASSERT_TRUE(s.snapshot);
  const auto rows = plain_csv(source_path("scenarios/data/example_region_caseload.csv"));
  const auto staff_rows = plain_csv(source_path("scenarios/data/example_region_staff.csv"));
  ASSERT_GT(rows.size(), 1000u);

  // Counted from the file by the test, attribute by attribute.
  std::map<std::string, int> expected;
  for (const auto& r : rows)
    for (const char* column :
         {"pdu", "sentence_type", "rosh", "tier", "sex", "domestic_abuse", "practitioner"})
      expected[std::string(column) + "=" + r.at(column)] += 1;

  SnapshotOffices built(s, replication_seed(3, 1));
  std::map<std::string, int> found;
  std::size_t cases = 0;
  for (const auto& office : built.offices) {
    EXPECT_EQ(office->counters().initial_cases, office->caseload());
    office->for_each_open_case([&](const Case& c) {
      ++cases;
      EXPECT_TRUE(is_imported_case_id(c.id));
      EXPECT_LE(c.referral_day, 0);
      EXPECT_GT(c.end_day, 0);
      found["pdu=" + office->name()] += 1;
      found["sentence_type=" + std::string(to_string(c.sentence_type))] += 1;
      found["rosh=" + std::string(to_string(c.rosh))] += 1;
      found["tier=" + std::string(to_string(c.tier))] += 1;
      found["sex=" + std::string(to_string(c.sex))] += 1;
      found[std::string("domestic_abuse=") + (c.domestic_abuse_flag ? "true" : "false")] += 1;
      // The office names its staff itself; the k-th staff row of a PDU is its k-th member of staff.
      std::string holder;
      if (c.practitioner != kUnallocated) {
        int k = 0;
        for (const auto& st : staff_rows)
          if (st.at("pdu") == office->name() && k++ == c.practitioner) holder = st.at("staff_id");
      }
      found["practitioner=" + holder] += 1;
    });
  }
  EXPECT_EQ(cases, rows.size());
  EXPECT_EQ(found, expected);

  // Staff: one per row, with the row's grade and FTE.
  std::size_t staff = 0;
  for (const auto& office : built.offices) staff += office->staff().size();
  EXPECT_EQ(staff, staff_rows.size());
}

// A small region whose WMT % per practitioner is worked out by hand from the WMT-1 points and the WMT-3
// available points (the defaults in scenarios/base: 2,176 points for 37 hours at 100%).
TEST(SnapshotImport, EachPractitionersWmtPercentIsTheHandComputation) {
  const auto dir = scratch("wmt");
  write_text(dir / "staff.csv",
             "staff_id,pdu,grade,fte,reduction_pct,reduction_reason,long_term_sick,sickness_end_date\n"
             "A,Northgate,po,1.0,20,trade_union,false,\n"
             "B,Northgate,pso,0.6,,,false,\n"
             "C,Northgate,po,1.0,,,true,2023-03-01\n");
  write_text(
      dir / "caseload.csv",
      "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner\n"
      "1,Northgate,community_order,2022-06-01,2023-06-01,high,B1,male,A\n"            // community B1: 102
      "2,Northgate,licence,2022-01-01,2024-01-01,high,A3,male,A\n"                    // licence A3: 219
      "3,Northgate,suspended_sentence_order,2022-09-01,2023-09-01,low,D2,female,B\n"  // community D2: 41
      "4,Northgate,licence,2022-11-15,2023-11-15,medium,C2,male,B\n"                  // licence C2: 65
      "5,Northgate,licence,2022-11-15,2023-11-15,medium,C1,male,C\n");                // licence C1: 52
  const Scenario s = load_example({"simulation.caseload_csv=" + (dir / "caseload.csv").string(),
                                   "simulation.staff_csv=" + (dir / "staff.csv").string()});
  // (Early exits are drawn from day 0 on and fall on day 1 at the earliest: none changes day 0.)
  ASSERT_TRUE(s.snapshot);
  SnapshotOffices built(s, replication_seed(5, 1));
  const auto staff = built.offices[0]->staff();
  ASSERT_EQ(staff.size(), 3u);
  // A: 2176 x (37/37) x (1 - 0.2) = 1740.8 available; 102 + 219 = 321 held.
  EXPECT_NEAR(staff[0].workload_pct(), 100.0 * 321.0 / 1740.8, 1e-9);
  EXPECT_EQ(staff[0].caseload, 2);
  // B: 2176 x 0.6 = 1305.6 available; 41 + 65 = 106 held.
  EXPECT_NEAR(staff[1].workload_pct(), 100.0 * 106.0 / 1305.6, 1e-9);
  // C: long-term sick, so no available points (WMT-5: a 100% reduction) but still holding case 5.
  EXPECT_EQ(staff[2].available_points_per_week, 0.0);
  EXPECT_EQ(staff[2].case_points_per_week, 52.0);
  EXPECT_TRUE(staff[2].long_term_sick);
  EXPECT_EQ(staff[2].sick_until, 59);  // 2023-03-01 is day 59 from 2023-01-01
  EXPECT_EQ(built.offices[0]->caseload(), 5);
  EXPECT_EQ(built.offices[0]->unallocated(), 0);
}

TEST(SnapshotImport, ACaseWithNoPractitionerIsAllocatedByTheRule) {
  const auto dir = scratch("rule");
  write_text(dir / "staff.csv", "staff_id,pdu,grade,fte\nA,Northgate,po,1.0\nB,Northgate,pso,1.0\n");
  write_text(dir / "caseload.csv",
             "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex\n"
             "1,Northgate,licence,2022-06-01,2023-06-01,very_high,A3,male\n"
             "2,Eastmoor,licence,2022-06-01,2023-06-01,low,D1,male\n");
  const Scenario s = load_example({"simulation.caseload_csv=" + (dir / "caseload.csv").string(),
                                   "simulation.staff_csv=" + (dir / "staff.csv").string()});
  ASSERT_TRUE(s.snapshot);
  SnapshotOffices built(s, replication_seed(5, 1));
  EXPECT_EQ(built.offices[0]->staff()[0].caseload, 1);  // very high RoSH: to the PO (allocation rule)
  EXPECT_EQ(built.offices[1]->unallocated(), 1);        // Eastmoor has nobody in post: it waits
}

// Ids and draws: the same row gets the same id and the same early exit in every scenario that imports
// it, and imported ids are apart from every id a referral could have.
TEST(SnapshotImport, ImportedIdsNeverCollideWithGeneratedOnes) {
  for (std::uint32_t pdu : {0u, 1u, 109u, kMaxPdusForCaseIds - 1})
    for (Day day : {-20000, -1, 0, 1, 3660, 20000})
      for (std::uint32_t k : {0u, 1u, 999u}) {
        EXPECT_FALSE(is_imported_case_id(make_case_id(pdu, day, k)));
        EXPECT_NE(make_case_id(pdu, day, k), make_imported_case_id(pdu, k));
      }
  EXPECT_NE(make_imported_case_id(0, 5), make_imported_case_id(1, 5));
  EXPECT_TRUE(is_imported_case_id(make_imported_case_id(0, 0)));
}

TEST(SnapshotImport, TheSameRowEndsTheSameWayInTwoScenarios) {
  const Scenario a = load_example();
  const Scenario b = load_example({"workload.nominal_points_per_week=1800"});
  SnapshotOffices in_a(a, replication_seed(9, 2)), in_b(b, replication_seed(9, 2));
  std::map<CaseId, std::pair<Day, TerminationReason>> ends_a, ends_b;
  for (const auto& o : in_a.offices)
    o->for_each_open_case([&](const Case& c) { ends_a[c.id] = {c.end_day, c.end_reason}; });
  for (const auto& o : in_b.offices)
    o->for_each_open_case([&](const Case& c) { ends_b[c.id] = {c.end_day, c.end_reason}; });
  EXPECT_EQ(ends_a, ends_b);
  int early = 0;
  for (const auto& [id, end] : ends_a) early += end.second != TerminationReason::sentence_end;
  EXPECT_GT(early, 50);  // the hazards do end some imported cases early
}

// The writer and the reader are inverses: a snapshot imported and written again on its own day is the
// same two files, byte for byte (ids, holders, dates, training months, long-term sickness).
TEST(SnapshotRoundTrip, WritingAnImportedDayGivesTheSameFilesBack) {
  const auto dir = scratch("round_trip");
  const Scenario a = load_example();
  SnapshotOffices in_a(a, replication_seed(1, 1));
  std::vector<const PduOffice*> offices_a;
  for (const auto& o : in_a.offices) offices_a.push_back(o.get());
  // Day -1's end is day 0: the state as imported.
  write_snapshot_csvs(a, offices_a, -1, (dir / "c1.csv").string(), (dir / "s1.csv").string());

  const Scenario b = load_example({"simulation.caseload_csv=" + (dir / "c1.csv").string(),
                                   "simulation.staff_csv=" + (dir / "s1.csv").string()});
  ASSERT_TRUE(b.snapshot);
  SnapshotOffices in_b(b, replication_seed(1, 1));
  std::vector<const PduOffice*> offices_b;
  for (const auto& o : in_b.offices) offices_b.push_back(o.get());
  write_snapshot_csvs(b, offices_b, -1, (dir / "c2.csv").string(), (dir / "s2.csv").string());

  auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string c1 = read(dir / "c1.csv");
  EXPECT_EQ(std::count(c1.begin(), c1.end(), '\n'), 1141);  // the header and every case of the example
  EXPECT_EQ(c1, read(dir / "c2.csv"));
  EXPECT_EQ(read(dir / "s1.csv"), read(dir / "s2.csv"));
  EXPECT_NE(read(dir / "s1.csv").find(",true,2023-02-26"), std::string::npos);  // the long-term sick PSO
}

// A member of staff long-term sick on the snapshot day is back on the day the row gives: the workforce
// model ends the episode then, and their WMT points return (RegionWorkforce::start).
TEST(SnapshotImport, LongTermSicknessEndsOnTheDayTheRowGives) {
  const auto dir = scratch("sick");
  write_text(dir / "staff.csv",
             "staff_id,pdu,grade,fte,long_term_sick,sickness_end_date\n"
             "A,Northgate,po,1.0,true,2023-03-01\n"
             "B,Northgate,pso,1.0,false,\n");
  write_text(dir / "caseload.csv",
             "person_id,pdu,sentence_type,sentence_start_date,expected_end_date,rosh,tier,sex,practitioner\n"
             "1,Northgate,licence,2022-01-01,2025-01-01,high,A3,male,A\n");
  const Scenario s = load_example({"simulation.caseload_csv=" + (dir / "caseload.csv").string(),
                                   "simulation.staff_csv=" + (dir / "staff.csv").string(),
                                   "workforce.leaver_rate_per_year.po=0"});
  ASSERT_TRUE(s.snapshot);
  SnapshotOffices built(s, replication_seed(2, 1));
  std::vector<StaffRoster*> offices;
  for (auto& o : built.offices) offices.push_back(o.get());
  RegionWorkforce workforce(
      s.workforce, s.staffing_plan, s.window, s.caseload.workload.default_contracted_hours_per_week,
      s.caseload.workload.responsive_weighting.from, 0, offices, {0, 1, 2}, replication_seed(2, 1));
  workforce.start();
  const Practitioner& a = built.offices[0]->staff()[0];
  const Day back = 59;  // 2023-03-01
  for (Day day = 0; day < back; ++day) {
    workforce.run_events_on(day);
    ASSERT_TRUE(a.long_term_sick) << "day " << day;
    ASSERT_EQ(a.available_points_per_week, 0.0);
  }
  workforce.run_events_on(back);
  EXPECT_FALSE(a.long_term_sick);
  EXPECT_EQ(a.available_points_per_week, 2176.0);
  EXPECT_EQ(a.caseload, 1);  // the case stayed with them (the snapshot says who holds it)
}
