// Sweep files: the grid and explicit points expand in a documented order, point seeds follow the
// common-random-numbers default, and every mistake is reported with the sweep's file, line and key
// before anything runs.
#include "config/sweep_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/random_stream.hpp"
#include "sweep_test_support.hpp"

using namespace probsim;
using probsim::testing::mentions;

namespace {

std::string write_sweep(const std::string& name, const std::string& text) {
  return probsim::testing::write_sweep_file("probsim-sweep-test", name, text);
}

std::string example() {
  return probsim::testing::example_scenario();
}

std::string grid_sweep(const std::string& extra = "") {
  return "name: grid\nscenarios: [" + example() +
         "]\n"
         "set: {simulation.report_end: 2023-06-30}\n"
         "parameters:\n"
         "  regions.0.pdus.Southbridge.staff.0.headcount: [5, 7, 9]\n"
         "  regions.0.pdus.Northgate.referrals_per_week: [4, 8]\n"
         "points:\n"
         "  - {regions.0.pdus.Eastmoor.referrals_per_week: 2}\n"
         "replications_per_point: 3\n"
         "base_seed: 42\n" +
         extra;
}

}  // namespace

TEST(SweepLoader, ExpandsTheGridLastParameterFastestThenTheExplicitPoints) {
  Diagnostics d;
  const auto sweep = load_sweep_file(write_sweep("grid.yaml", grid_sweep()), d);
  ASSERT_TRUE(sweep) << d.describe();
  EXPECT_EQ(sweep->name, "grid");
  EXPECT_EQ(sweep->replications_per_point, 3u);
  EXPECT_EQ(sweep->base_seed, 42u);
  EXPECT_EQ(sweep->point_seeds, PointSeeds::common);
  EXPECT_FALSE(sweep->precision);
  const auto points = expand_points(*sweep, d);
  ASSERT_TRUE(d.empty()) << d.describe();
  ASSERT_EQ(points.size(), 3u * 2u + 1u);
  EXPECT_EQ(points[0].id, "p0001");
  EXPECT_EQ(points[6].id, "p0007");
  EXPECT_EQ(points[0].describe(),
            "regions.0.pdus.Southbridge.staff.0.headcount=5, regions.0.pdus.Northgate.referrals_per_week=4");
  EXPECT_EQ(points[1].describe(),
            "regions.0.pdus.Southbridge.staff.0.headcount=5, regions.0.pdus.Northgate.referrals_per_week=8");
  EXPECT_EQ(points[2].describe(),
            "regions.0.pdus.Southbridge.staff.0.headcount=7, regions.0.pdus.Northgate.referrals_per_week=4");
  EXPECT_EQ(points[6].describe(), "regions.0.pdus.Eastmoor.referrals_per_week=2");
  EXPECT_EQ(sweep->varied_keys(), (std::vector<std::string>{"regions.0.pdus.Southbridge.staff.0.headcount",
                                                            "regions.0.pdus.Northgate.referrals_per_week",
                                                            "regions.0.pdus.Eastmoor.referrals_per_week"}));
}

TEST(SweepLoader, PointsShareTheBaseSeedUnlessAskedForIndependentSeeds) {
  Diagnostics d;
  const auto common = load_sweep_file(write_sweep("common.yaml", grid_sweep()), d);
  ASSERT_TRUE(common) << d.describe();
  for (const auto& point : expand_points(*common, d)) EXPECT_EQ(point.base_seed, 42u) << point.id;

  const auto independent =
      load_sweep_file(write_sweep("independent.yaml", grid_sweep("point_seeds: independent\n")), d);
  ASSERT_TRUE(independent) << d.describe();
  const auto points = expand_points(*independent, d);
  std::set<std::uint64_t> seeds;
  for (const auto& point : points) seeds.insert(point.base_seed);
  EXPECT_EQ(seeds.size(), points.size()) << "each point its own seed";
  // The seed follows the point's identity (scenario and values), not its position: adding a value to
  // the grid does not change the seeds of the points already there.
  const auto wider = load_sweep_file(
      write_sweep("wider.yaml",
                  "name: wider\nscenarios: [" + example() +
                      "]\nparameters:\n  regions.0.pdus.Southbridge.staff.0.headcount: [3, 5, 7, 9]\n"
                      "  regions.0.pdus.Northgate.referrals_per_week: [4, 8]\npoints:\n"
                      "  - {regions.0.pdus.Eastmoor.referrals_per_week: 2}\nreplications_per_point: 3\n"
                      "base_seed: 42\npoint_seeds: independent\nset: {simulation.report_end: 2023-06-30}\n"),
      d);
  ASSERT_TRUE(wider) << d.describe();
  const auto wider_points = expand_points(*wider, d);
  EXPECT_EQ(wider_points[2].describe(), points[0].describe());
  EXPECT_EQ(wider_points[2].base_seed, points[0].base_seed);
  EXPECT_EQ(wider_points[2].id, "p0003");
}

TEST(SweepLoader, EveryPointIsBuiltAndValidated) {
  Diagnostics d;
  const auto sweep = load_sweep_file(write_sweep("valid.yaml", grid_sweep()), d);
  ASSERT_TRUE(sweep) << d.describe();
  const auto points = expand_points(*sweep, d);
  const auto loaded = load_points(*sweep, points, d);
  ASSERT_TRUE(loaded) << d.describe();
  ASSERT_EQ(loaded->size(), 7u);
  const Scenario& third = (*loaded)[2].scenario;  // headcount 7, Northgate 4 a week
  EXPECT_EQ(third.regions[0].pdus[2].staff[0].headcount, 7);
  EXPECT_DOUBLE_EQ(third.regions[0].pdus[0].referrals.per_week, 4.0);
  EXPECT_EQ(third.window.report_end, (CalendarDate{2023, 6, 30}));  // from `set`
  const Scenario& last = (*loaded)[6].scenario;  // explicit point: the rest as in the scenario
  EXPECT_EQ(last.regions[0].pdus[2].staff[0].headcount, 5);
  EXPECT_DOUBLE_EQ(last.regions[0].pdus[1].referrals.per_week, 2.0);
}

// The points share their scenario file's tree and rebuild their own only to write it: each rebuilt tree
// carries that point's values and the sweep's `set`, and no other point's.
TEST(SweepLoader, EachPointsResolvedTreeHoldsItsOwnValuesOnly) {
  Diagnostics d;
  const auto sweep = load_sweep_file(write_sweep("resolved_points.yaml", grid_sweep()), d);
  ASSERT_TRUE(sweep) << d.describe();
  const auto points = expand_points(*sweep, d);
  const auto loaded = load_points(*sweep, points, d);
  ASSERT_TRUE(loaded) << d.describe();
  const auto scalar_at = [](const ConfigNode& tree, const std::string& path) {
    const ConfigNode* node = find_at_path(tree, path);
    return node != nullptr ? node->scalar : std::string("(none)");
  };
  const std::string headcount = "regions.0.pdus.2.staff.0.headcount",
                    northgate = "regions.0.pdus.0.referrals_per_week",
                    eastmoor = "regions.0.pdus.1.referrals_per_week";
  const ConfigNode first = (*loaded)[0].resolved(*sweep);  // headcount 5, Northgate 4
  const ConfigNode sixth = (*loaded)[5].resolved(*sweep);  // headcount 9, Northgate 8
  const ConfigNode last = (*loaded)[6].resolved(*sweep);   // Eastmoor 2, the rest as in the scenario
  EXPECT_EQ(scalar_at(first, headcount), "5");
  EXPECT_EQ(scalar_at(first, northgate), "4");
  EXPECT_EQ(scalar_at(sixth, headcount), "9");
  EXPECT_EQ(scalar_at(sixth, northgate), "8");
  EXPECT_EQ(scalar_at(last, eastmoor), "2");
  EXPECT_EQ(scalar_at(first, eastmoor), scalar_at(*(*loaded)[0].base, eastmoor))
      << "the explicit point's value leaked";
  EXPECT_EQ(scalar_at(last, headcount), scalar_at(*(*loaded)[6].base, headcount)) << "a grid value leaked";
  EXPECT_EQ(scalar_at(first, "simulation.report_end"), "2023-06-30");  // the sweep's `set`
  EXPECT_EQ(scalar_at(*(*loaded)[0].base, headcount), scalar_at(*(*loaded)[6].base, headcount))
      << "the base changed";
}

TEST(SweepLoader, ResolvedSweepReadsBackToTheSameSweep) {
  Diagnostics d;
  const auto sweep = load_sweep_file(
      write_sweep(
          "resolved.yaml",
          grid_sweep(
              "precision: {relative_half_width: 0.05, kpis: [caseload_mean], max_replications: 40}\n")),
      d);
  ASSERT_TRUE(sweep) << d.describe();
  const std::string resolved = sweep->resolved_yaml();
  Diagnostics again;
  const auto reread = load_sweep_file(write_sweep("reread.yaml", resolved), again);
  ASSERT_TRUE(reread) << again.describe() << resolved;
  EXPECT_EQ(reread->resolved_yaml(), resolved);
  ASSERT_TRUE(reread->precision);
  EXPECT_DOUBLE_EQ(reread->precision->relative_half_width, 0.05);
  EXPECT_EQ(reread->precision->kpis, std::vector<std::string>{"caseload_mean"});
  EXPECT_EQ(reread->precision->max_replications, 40u);
}

TEST(SweepLoader, UnknownKeysAreReportedWithTheirPlaceAndADidYouMean) {
  Diagnostics d;
  const std::string path = write_sweep(
      "unknown.yaml", "name: u\nscenarios: [" + example() + "]\nreplications_per_pont: 3\nbase_seed: 1\n");
  EXPECT_FALSE(load_sweep_file(path, d));
  EXPECT_TRUE(mentions(d, path + ":3:1", "did you mean 'replications_per_point'")) << d.describe();
  EXPECT_TRUE(mentions(d, path + ":1:1", "'replications_per_point': is required")) << d.describe();
}

TEST(SweepLoader, BadValuesInPointsAreReportedAtTheSweepLine) {
  Diagnostics d;
  const std::string path =
      write_sweep("bad_point.yaml",
                  "name: b\nscenarios: [" + example() +
                      "]\nparameters:\n  regions.0.pdus.Northgate.referrals_per_week: [4, -1]\n"
                      "  regions.0.pdus.Southbridge.staff.0.headcont: [5]\nreplications_per_point: 2\n");
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  const auto points = expand_points(*sweep, d);
  EXPECT_FALSE(load_points(*sweep, points, d));
  // Column 52 is the -1 in its list; the unknown key is named at its own line, for both points.
  EXPECT_TRUE(mentions(d, path + ":4:52", "expected a number at least 0, found -1 (in point p0002"))
      << d.describe();
  EXPECT_TRUE(mentions(d, path + ":5:3", "did you mean 'headcount'?")) << d.describe();
  EXPECT_TRUE(mentions(d, path + ":5:3", "(in 2 points, the first p0001)")) << d.describe();
}

TEST(SweepLoader, StructuralMistakesAreErrors) {
  struct Case {
    std::string body;
    std::string expected;
  };
  const std::string head = "name: s\nscenarios: [" + example() + "]\n";
  const std::vector<Case> cases = {
      {head + "replications_per_point: 0\n", "expected a whole number from 1"},
      {head + "replications_per_point: 2\nparameters: {simulation.warm_up_weeks: []}\n",
       "expected a non-empty list of values"},
      {head + "replications_per_point: 2\nparameters: {simulation.warm_up_weeks: [4, 8, 4]}\n",
       "listed twice"},
      {head + "replications_per_point: 2\npoints: [{simulation.warm_up_weeks: 4}, {simulation.warm_up_weeks: "
              "4}]\n",
       "is the same as point p0001"},
      {head + "replications_per_point: 2\nset: {simulation.warm_up_weeks: 4}\n"
              "parameters: {simulation.warm_up_weeks: [4, 8]}\n",
       "is also varied"},
      // One setting spelt by index and by name: in the grid, and fixed by `set` while varied.
      {head + "replications_per_point: 2\nparameters:\n  regions.0.pdus.0.referrals_per_week: [4, 8]\n"
              "  regions.0.pdus.Northgate.referrals_per_week: [5, 9]\n",
       ":6:3: error: key 'parameters.regions.0.pdus.Northgate.referrals_per_week': names the same setting as "
       "'regions.0.pdus.0.referrals_per_week' (line 5)"},
      {head + "replications_per_point: 2\nset: {regions.0.pdus.Northgate.referrals_per_week: 4}\n"
              "points: [{regions.0.pdus.0.referrals_per_week: 8}]\n",
       "is the setting 'regions.0.pdus.Northgate.referrals_per_week' (line 4) spelt another way, fixed by "
       "`set` "
       "and varied by `parameters` or `points`; give it in one place only"},
      // A key inside a list that a later key replaces: every point would run the later key's list.
      {head + "replications_per_point: 2\nparameters:\n  regions.0.pdus.Northgate.staff.0.headcount: [3, 4]\n"
              "  regions.0.pdus.0.staff: [[{grade: po, headcount: 7, fte_each: 1.0}]]\n",
       "key 'parameters.regions.0.pdus.Northgate.staff.0.headcount': is lost: 'regions.0.pdus.0.staff' (line "
       "6, "
       "parameters), applied after it"},
      // `set`'s key replaced by one point's: said so, with advice that `set` allows.
      {head + "replications_per_point: 2\nset: {regions.0.pdus.0.staff.0.headcount: 3}\n"
              "points: [{regions.0.pdus.0.referrals_per_week: 4}, {regions.0.pdus.0.staff: [{grade: po, "
              "headcount: 7, "
              "fte_each: 1.0}]}]\n",
       "or in the points instead of `set`"},
      {head + "replications_per_point: 1\nprecision: {relative_half_width: 0.05}\n", "must be at least 2"},
      {head + "replications_per_point: 2\nprecision: {relative_half_width: 0.05, kpis: [referrals, "
              "referrals]}\n",
       ":4:58: error: key 'precision.kpis': 'referrals' is listed twice"},
      {head + "replications_per_point: 5\nprecision: {relative_half_width: 0.05, max_replications: 3}\n",
       "must be at least replications_per_point"},
      {head + "replications_per_point: 2\npoint_seeds: shared\n", "expected one of common, independent"},
      {"name: s\nscenarios: []\nreplications_per_point: 2\n", "non-empty list of scenario files"},
      {"name: s\nscenarios: [\"a\\nb.yaml\"]\nreplications_per_point: 2\n",
       "a scenario path must be one line"},
      // The name heads each point's files and names the batch directory: one line, as a scenario's.
      {"name: \"two\\nlines\"\nscenarios: [" + example() + "]\nreplications_per_point: 2\n",
       "must be one line of text"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    Diagnostics d;
    auto sweep = load_sweep_file(write_sweep("structural" + std::to_string(i) + ".yaml", cases[i].body), d);
    if (sweep) {
      const auto points = expand_points(*sweep, d);
      if (d.empty()) (void)load_points(*sweep, points, d);
    }
    EXPECT_TRUE(mentions(d, "structural" + std::to_string(i) + ".yaml:", cases[i].expected))
        << cases[i].body << "\n"
        << d.describe();
  }
}

namespace {

// A sweep of example_pdu with `body` after its name, scenario and replications, loaded point by point.
std::optional<std::vector<LoadedPoint>> load_all_points(const std::string& name, const std::string& body,
                                                        Diagnostics& d) {
  const auto sweep =
      load_sweep_file(write_sweep(name + ".yaml", "name: " + name + "\nscenarios: [" + example() +
                                                      "]\nreplications_per_point: 2\n" + body),
                      d);
  if (!sweep) return std::nullopt;
  return load_points(*sweep, expand_points(*sweep, d), d);
}

}  // namespace

// The other order is meant: `set` replaces a list, and the grid varies an item of the new list.
TEST(SweepLoader, AKeyInsideAListSetBeforeItIsKept) {
  Diagnostics d;
  const auto loaded =
      load_all_points("inside",
                      "set: {regions.0.pdus.Northgate.staff: [{grade: po, headcount: 7, fte_each: 1.0}]}\n"
                      "parameters: {regions.0.pdus.0.staff.0.headcount: [3, 4]}\n",
                      d);
  ASSERT_TRUE(loaded) << d.describe();
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0].scenario.regions[0].pdus[0].staff[0].headcount, 3);
  EXPECT_EQ((*loaded)[1].scenario.regions[0].pdus[0].staff[0].headcount, 4);
}

// Not lost: a grid key and an explicit point's broader key are never applied together.
TEST(SweepLoader, KeysAppliedApartAreNotLost) {
  Diagnostics d;
  EXPECT_TRUE(
      load_all_points("apart",
                      "parameters: {regions.0.pdus.0.staff.0.headcount: [3, 4]}\n"
                      "points: [{regions.0.pdus.0.staff: [{grade: po, headcount: 7, fte_each: 1.0}]}]\n",
                      d))
      << d.describe();
}

TEST(SweepLoader, MissingScenarioFileIsNamedAtItsLineInTheSweep) {
  Diagnostics d;
  const std::string path = write_sweep(
      "missing.yaml", "name: m\nscenarios:\n  - no_such_scenario.yaml\nreplications_per_point: 2\n");
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  const auto points = expand_points(*sweep, d);
  EXPECT_FALSE(load_points(*sweep, points, d));
  EXPECT_TRUE(mentions(d, path + ":3:5", "no such scenario file")) << d.describe();
}
