// `staffing_plan.staff_scale` (issue 20): how a factor becomes whole people, which staff it reaches
// (nation, region, PDU; one grade), that the establishment is left as it was, and that every
// mistake is refused at its FILE:LINE with the key.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/load_staff_scale.hpp"
#include "config/scenario_loader.hpp"
#include "scratch_directory.hpp"

using namespace probsim;

namespace {

std::string scenario_with(const std::string& name, const std::string& extra) {
  const auto dir = probsim::testing::scratch_root("probsim-staff-scale-test");
  const auto path = dir / name;
  std::ofstream(path) << "extends: " << PROBSIM_SOURCE_DIR << "/scenarios/example_pdu.yaml\n" << extra;
  return path.string();
}

// Headcount of `grade` per staff group of PDU `pdu` (scenario order).
std::vector<int> headcounts(const Scenario& s, std::size_t pdu, Grade grade) {
  std::vector<int> counts;
  for (const auto& group : s.pdu_at(pdu).staff)
    if (group.person.grade == grade) counts.push_back(group.headcount);
  return counts;
}

}  // namespace

TEST(StaffScale, TheTotalIsRoundedAndSharedOverGroupsByLargestRemainder) {
  EXPECT_EQ(scaled_headcounts({10}, 0.9), (std::vector<int>{9}));
  EXPECT_EQ(scaled_headcounts({6, 2}, 0.5), (std::vector<int>{3, 1}));
  EXPECT_EQ(scaled_headcounts({1, 1, 1}, 0.5), (std::vector<int>{1, 1, 0}));  // 1.5 -> 2, earlier first
  EXPECT_EQ(scaled_headcounts({5, 5}, 1.1), (std::vector<int>{6, 5}));        // 11
  EXPECT_EQ(scaled_headcounts({14}, 0.75), (std::vector<int>{11}));           // 10.5 -> 11
  EXPECT_EQ(scaled_headcounts({4, 3}, 0.0), (std::vector<int>{0, 0}));
  EXPECT_EQ(scaled_headcounts({4, 3}, 1.0), (std::vector<int>{4, 3}));
  EXPECT_EQ(scaled_headcounts({1, 1, 1, 1, 1, 1, 1}, 2.0), (std::vector<int>(7, 2)));
}

TEST(StaffScale, NationalRegionalAndPduEntriesReachOnlyTheirStaffAndMultiply) {
  // example_pdu: Northgate 10 PO + 14 PSO, Eastmoor 6 + 2 part-time PO + 9 PSO, Southbridge 5 PO + 10 PSO.
  const std::string path = scenario_with("scales.yaml", R"(staffing_plan:
  staff_scale:
    - {grade: po, factor: 0.8}
    - {grade: pso, region: Example region, factor: 1.2}
    - {grade: po, pdu: Southbridge, factor: 0.5}
)");
  Diagnostics diagnostics;
  const auto loaded = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const Scenario& s = loaded->scenario;
  EXPECT_EQ(headcounts(s, 0, Grade::po), (std::vector<int>{8}));
  EXPECT_EQ(headcounts(s, 1, Grade::po), (std::vector<int>{5, 1}));  // 8 x 0.8 = 6.4 -> 6: 4.8, 1.6
  EXPECT_EQ(headcounts(s, 2, Grade::po), (std::vector<int>{2}));     // 5 x 0.8 = 4, then x 0.5 = 2
  EXPECT_EQ(headcounts(s, 0, Grade::pso), (std::vector<int>{17}));   // 16.8
  EXPECT_EQ(headcounts(s, 2, Grade::pso), (std::vector<int>{12}));
  EXPECT_EQ(headcounts(s, 0, Grade::pqip), (std::vector<int>{1, 1})) << "other grades untouched";
  EXPECT_DOUBLE_EQ(at(s.pdu_at(0).establishment_fte, Grade::po), 11.0) << "the establishment is not scaled";
}

TEST(StaffScale, OneEntryMayBeAMapSoASweepVariesOneKeyPath) {
  Diagnostics diagnostics;
  const auto loaded =
      load_scenario(PROBSIM_SOURCE_DIR "/scenarios/example_pdu.yaml",
                    {"staffing_plan.staff_scale={grade: po, pdu: Northgate, factor: 0.6}"}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  EXPECT_EQ(headcounts(loaded->scenario, 0, Grade::po), (std::vector<int>{6}));
  EXPECT_EQ(headcounts(loaded->scenario, 1, Grade::po), (std::vector<int>{6, 2}));
}

TEST(StaffScale, MistakesAreRefusedAtTheirLineWithTheKey) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"    - {grade: po, factor: 11}\n",
       ":4:27: error: key 'staffing_plan.staff_scale[0].factor': expected a number between 0 and 10"},
      {"    - {grade: pp, factor: 0.9}\n",
       ":4:15: error: key 'staffing_plan.staff_scale[0].grade': expected one of po, pso"},
      {"    - {grade: po}\n",
       ":4:7: error: key 'staffing_plan.staff_scale[0].factor': is required but missing"},
      {"    - {grade: po, factor: 0.9, region: Exampel region}\n",
       ":4:40: error: key 'staffing_plan.staff_scale[0].region': expected the name of a region in this "
       "scenario, "
       "found 'Exampel region' (did you mean 'Example region'?)"},
      {"    - {grade: po, factor: 0.9, pdu: Northgat}\n",
       ":4:37: error: key 'staffing_plan.staff_scale[0].pdu': expected the name of a PDU in this scenario, "
       "found "
       "'Northgat' (did you mean 'Northgate'?)"},
      {"    - {grade: po, factor: 0.9, pdu: Northgate, region: Example region}\n",
       "error: key 'staffing_plan.staff_scale[0].pdu': give a region or a PDU, not both"},
      {"    - {grade: daso, factor: 0.9, pdu: Eastmoor}\n",
       ":4:7: error: key 'staffing_plan.staff_scale[0]': there are no daso staff in PDU 'Eastmoor' to scale"},
      {"    - {grade: po, factor: 0.9, team: North}\n",
       "error: key 'staffing_plan.staff_scale[0].team': unknown key"},
  };
  for (const auto& [entry, expected] : cases) {
    const std::string path = scenario_with("bad.yaml", "staffing_plan:\n  staff_scale:\n" + entry);
    Diagnostics diagnostics;
    EXPECT_FALSE(load_scenario(path, {}, diagnostics)) << entry;
    EXPECT_NE(diagnostics.describe().find(expected), std::string::npos) << entry << "gave:\n"
                                                                        << diagnostics.describe();
    EXPECT_NE(diagnostics.describe().find(path), std::string::npos) << "names the file";
  }
}
