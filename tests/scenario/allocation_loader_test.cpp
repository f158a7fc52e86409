// `allocation.domestic_abuse_cases` (WF-12, 4.3/4.4): read, range-checked, and its grades must hold cases.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"

using namespace probsim;

namespace {

const std::string kExample = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml";

std::string load_errors(const std::vector<std::string>& overrides) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(kExample, overrides, d)) << "expected the overrides to be refused";
  return d.describe();
}

}  // namespace

TEST(AllocationLoader, TheBaseFileGivesTheComplexGradesAndAShareCanBeSet) {
  Diagnostics d;
  auto loaded = load_scenario(kExample, {}, d);
  ASSERT_TRUE(loaded) << d.describe();
  const auto& da = loaded->scenario.caseload.allocation.domestic_abuse;
  EXPECT_EQ(da.complex_grades, (std::vector<Grade>{Grade::po, Grade::pqip}));
  EXPECT_DOUBLE_EQ(da.share_allocated_as_complex, 0.65) << "validation/10-workload.md §10.20";
  auto set = load_scenario(kExample, {"allocation.domestic_abuse_cases.share_allocated_as_complex=0.6"}, d);
  ASSERT_TRUE(set) << d.describe();
  EXPECT_DOUBLE_EQ(set->scenario.caseload.allocation.domestic_abuse.share_allocated_as_complex, 0.6);
}

TEST(AllocationLoader, BadDomesticAbuseAllocationKeysAreRefusedByName) {
  EXPECT_NE(load_errors({"allocation.domestic_abuse_cases.share_allocated_as_complex=1.5"})
                .find("allocation.domestic_abuse_cases.share_allocated_as_complex"),
            std::string::npos);
  const std::string not_holding =
      load_errors({"allocation.domestic_abuse_cases.complex_grades=[po, facilitator]"});
  EXPECT_NE(not_holding.find("grade 'facilitator' does not hold cases"), std::string::npos) << not_holding;
  const std::string unknown = load_errors({"allocation.domestic_abuse_cases.shares=0.5"});
  EXPECT_NE(unknown.find("allocation.domestic_abuse_cases.shares"), std::string::npos) << unknown;
  const std::string empty = load_errors({"allocation.domestic_abuse_cases.complex_grades=[]"});
  EXPECT_NE(empty.find("expected a non-empty list of grades"), std::string::npos) << empty;
}
