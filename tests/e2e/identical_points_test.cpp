// Points of a sweep that resolve to one scenario are named before anything runs
// (sim/runner/identical_points.hpp): a point whose values equal the scenario file's differs in name only.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;

namespace {

std::string sweep_with_points(const std::string& points, const std::string& extra = "") {
  return "name: same\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
         "]\n"
         "set: {simulation.report_end: 2023-03-31, simulation.warm_up_weeks: 8}\n"
         "points:\n" +
         points + "replications_per_point: 1\nbase_seed: 3\n" + extra;
}

}  // namespace

// Northgate's first staff line has 10 POs: {} and {headcount: 10} are one scenario, {headcount: 9} another.
TEST(IdenticalPoints, APointEqualToItsScenarioIsNamedWithTheOther) {
  const auto dir = fresh_directory("identical-points");
  const auto sweep =
      quoted(write_sweep(dir, sweep_with_points("  - {}\n"
                                                "  - {regions.0.pdus.Northgate.staff.0.headcount: 10}\n"
                                                "  - {regions.0.pdus.Northgate.staff.0.headcount: 9}\n")));
  const CommandResult dry = run_probsim("batch " + sweep + " --dry-run --out " + quoted(dir / "out"));
  ASSERT_EQ(dry.exit_status, 0) << dry.output;
  EXPECT_NE(dry.output.find("warning: points p0001 ("), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find(") and p0002 (regions.0.pdus.Northgate.staff.0.headcount=10) resolve to the same "
                            "scenario"),
            std::string::npos)
      << dry.output;
  EXPECT_NE(dry.output.find("Under common random numbers they run the same replications"), std::string::npos);
  EXPECT_EQ(dry.output.find("p0003 ("), std::string::npos) << dry.output;  // a point of its own
  // Independent seeds: the same scenario twice, said as such.
  const auto independent = quoted(
      write_sweep(dir, sweep_with_points("  - {}\n  - {regions.0.pdus.Northgate.staff.0.headcount: 10}\n",
                                         "point_seeds: independent\n")));
  const CommandResult other = run_probsim("batch " + independent + " --dry-run --out " + quoted(dir / "out"));
  ASSERT_EQ(other.exit_status, 0) << other.output;
  EXPECT_NE(other.output.find("With independent seeds they are one scenario run twice"), std::string::npos)
      << other.output;
}

// Points that differ say nothing: the shipped sharding sweep has none alike.
TEST(IdenticalPoints, DistinctPointsAreNotNamed) {
  const auto dir = fresh_directory("distinct-points");
  const auto sweep = quoted(write_sweep(dir, small_sweep("distinct")));
  const CommandResult dry = run_probsim("batch " + sweep + " --dry-run --out " + quoted(dir / "out"));
  ASSERT_EQ(dry.exit_status, 0) << dry.output;
  EXPECT_EQ(dry.output.find("resolve to the same scenario"), std::string::npos) << dry.output;
}
