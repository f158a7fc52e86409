// simulation.caseload_csv and simulation.staff_csv naming one file, or each other's, used to give a
// score of "unknown column" errors, one per column of the one file unknown to the other's schema. Now one
// error at the key says what is wrong.
#include <gtest/gtest.h>

#include "snapshot_test_support.hpp"

using namespace probsim;
using namespace probsim::snapshot_testing;

namespace {

const std::string kCaseload = source_path("scenarios/data/example_region_caseload.csv");
const std::string kStaff = source_path("scenarios/data/example_region_staff.csv");

Diagnostics load_with(const std::string& caseload, const std::string& staff) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(source_path("scenarios/example_region_snapshot.yaml"),
                             {"simulation.caseload_csv=" + caseload, "simulation.staff_csv=" + staff},
                             diagnostics));
  return diagnostics;
}

}  // namespace

TEST(SnapshotFileKeys, TheSameFileForBothKeysIsOneError) {
  const Diagnostics d = load_with(kCaseload, kCaseload);
  ASSERT_EQ(d.items().size(), 1u) << d.describe();
  EXPECT_EQ(d.items()[0].key, "simulation.staff_csv");
  EXPECT_NE(d.items()[0].message.find("names the same file as simulation.caseload_csv"), std::string::npos)
      << d.describe();
}

TEST(SnapshotFileKeys, SwappedFilesAreOneError) {
  const Diagnostics d = load_with(kStaff, kCaseload);
  ASSERT_EQ(d.items().size(), 1u) << d.describe();
  EXPECT_EQ(d.items()[0].key, "simulation.caseload_csv");
  EXPECT_NE(d.items()[0].message.find("is swapped with simulation.staff_csv"), std::string::npos)
      << d.describe();
  EXPECT_EQ(d.describe().find("unknown column"), std::string::npos) << d.describe();
}

TEST(SnapshotFileKeys, AStaffCsvGivenAsTheCaseloadIsNamedAsSuch) {
  const auto dir = scratch("staff_as_caseload");
  write_text(dir / "other_staff.csv", read_text(kStaff));
  const Diagnostics d = load_with((dir / "other_staff.csv").string(), kStaff);
  ASSERT_EQ(d.items().size(), 1u) << d.describe();
  EXPECT_EQ(d.items()[0].key, "simulation.caseload_csv");
  EXPECT_NE(d.items()[0].message.find("looks like a staff CSV (its header has staff_id, not person_id)"),
            std::string::npos)
      << d.describe();
}

// The other key's place is given as file:line: a scenario may extend another, and a bare line number was
// read in the wrong file.
TEST(SnapshotFileKeys, TheOtherKeyIsPlacedByFileAndLine) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(source_path("scenarios/example_region_snapshot.yaml"),
                             {"simulation.staff_csv=" + kCaseload}, d));
  ASSERT_EQ(d.items().size(), 1u) << d.describe();
  EXPECT_NE(d.items()[0].message.find("names the same file as simulation.caseload_csv (" +
                                      source_path("scenarios/example_region_snapshot.yaml") + ":"),
            std::string::npos)
      << d.describe();
}
