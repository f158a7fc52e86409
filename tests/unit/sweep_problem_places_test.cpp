// Where a sweep file's mistakes are reported: a folder named in `scenarios` is called a folder, and a
// duplicate point with no values of its own is named at its own item in `points`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/sweep_loader.hpp"
#include "sweep_test_support.hpp"

using namespace probsim;
using probsim::testing::mentions;

namespace {

std::string write_sweep(const std::string& name, const std::string& text) {
  return probsim::testing::write_sweep_file("probsim-sweep-places-test", name, text);
}

std::string example() {
  return probsim::testing::example_scenario();
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

// Too many replications in all used to be reported at line 1, column 1; the replications' line is where
// the product is most easily cut, and the message gives both factors.
TEST(SweepLoader, TooManyReplicationsInAllIsReportedAtReplicationsPerPoint) {
  Diagnostics d;
  const std::string path = write_sweep(
      "too_many_replications.yaml",
      "name: r\nscenarios: [" + example() +
          "]\nreplications_per_point: 200000\nparameters:\n  simulation.report_end: [2023-01-31, 2023-02-28, "
          "2023-03-31, 2023-04-30, 2023-05-31, 2023-06-30]\n");
  (void)load_sweep_file(path, d);
  EXPECT_TRUE(mentions(d, path + ":3:25",
                       "the sweep asks for 1200000 replications (6 points x 200000), more than the limit"))
      << d.describe();
}
