// Where a sweep file's mistakes are reported: a folder named in `scenarios` is called a folder, and a
// duplicate point with no values of its own is named at its own item in `points`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/sweep_loader.hpp"
#include "scratch_directory.hpp"

using namespace probsim;

namespace {

std::string write_sweep(const std::string& name, const std::string& text) {
  const auto path = probsim::testing::scratch_root("probsim-sweep-places-test") / name;
  std::ofstream(path) << text;
  return path.string();
}

std::string example() {
  return std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml";
}

bool mentions(const Diagnostics& d, const std::string& where, const std::string& text) {
  for (const auto& item : d.items())
    if (item.describe().find(where) != std::string::npos && item.describe().find(text) != std::string::npos)
      return true;
  return false;
}

}  // namespace

// A folder named in `scenarios` used to be called missing ("no such scenario file").
TEST(SweepLoader, ScenarioThatIsAFolderIsCalledADirectory) {
  Diagnostics d;
  const std::string path =
      write_sweep("folder.yaml", "name: f\nscenarios:\n  - " + std::string(PROBSIM_SOURCE_DIR) +
                                     "/scenarios\nreplications_per_point: 2\n");
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  const auto points = expand_points(*sweep, d);
  EXPECT_FALSE(load_points(*sweep, points, d));
  EXPECT_TRUE(mentions(d, path + ":3:5", "is a directory, not a scenario file")) << d.describe();
  EXPECT_FALSE(mentions(d, path, "no such scenario file")) << d.describe();
}

// Two empty points used to be reported at the `scenarios` line, which says nothing of the points.
TEST(SweepLoader, DuplicateEmptyPointIsReportedAtItsOwnItem) {
  Diagnostics d;
  const std::string path =
      write_sweep("empty_points.yaml", "name: e\nscenarios: [" + example() +
                                           "]\nreplications_per_point: 2\npoints:\n  - {}\n  - {}\n");
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  (void)expand_points(*sweep, d);
  EXPECT_TRUE(mentions(d, path + ":6:5", "point p0002 (the scenario as it is) is the same as point p0001"))
      << d.describe();
  EXPECT_FALSE(mentions(d, path + ":2:", "is the same as")) << d.describe();
}
