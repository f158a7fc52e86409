// Two spellings of one number are one value in a sweep (config/sweep_same_values.hpp): points {x: 6} and
// {x: 6.0} set the same setting to the same number, and compared as text they passed as two points that
// ran one scenario twice. Text that is not a number still compares as written. A quoted "6" is the number
// 6, as the scenario reader reads it: the loader keeps no quotes.
#include "config/sweep_same_values.hpp"

#include <gtest/gtest.h>

#include "config/sweep_loader.hpp"
#include "core/random_stream.hpp"
#include "sweep_test_support.hpp"

using namespace probsim;
using probsim::testing::mentions;

namespace {

std::string write_sweep(const std::string& name, const std::string& text) {
  return probsim::testing::write_sweep_file("probsim-sweep-same-values-test", name, text);
}

ConfigNode scalar(const std::string& text) {
  ConfigNode node;
  node.kind = ConfigNode::Kind::scalar;
  node.scalar = text;
  return node;
}

// A sweep of the example scenario with `body` after its head (lines 1 to 3).
std::string sweep_text(const std::string& body) {
  return "name: same\nscenarios: [" + probsim::testing::example_scenario() +
         "]\nreplications_per_point: 2\n" + body;
}

const std::string kRate = "regions.0.pdus.Northgate.referrals_per_week";

}  // namespace

TEST(SweepSameValues, ANumberIsComparedByItsValue) {
  const std::string six = same_value_key(scalar("6"));
  for (const char* same : {"6.0", "6.00", "6e0", "06", "600e-2"})
    EXPECT_EQ(same_value_key(scalar(same)), six) << same;
  EXPECT_EQ(same_value_key(scalar("1e1")), same_value_key(scalar("10")));
  EXPECT_EQ(same_value_key(scalar("-0")), same_value_key(scalar("0")));
  EXPECT_NE(same_value_key(scalar("6.5")), six);
  EXPECT_NE(same_value_key(scalar("-6")), six);
  // Inside a value too: a distribution of one fixed number.
  ConfigNode fixed_six, fixed_six_point_oh;
  fixed_six.kind = fixed_six_point_oh.kind = ConfigNode::Kind::map;
  fixed_six.entries.emplace_back("fixed", scalar("6"));
  fixed_six_point_oh.entries.emplace_back("fixed", scalar("6.0"));
  EXPECT_EQ(same_value_key(fixed_six), same_value_key(fixed_six_point_oh));
}

// A map is one value whatever the order of its keys (the reader reads it by key); a list's order is kept.
TEST(SweepSameValues, AMapsKeysInAnotherOrderAreOneValueAListsAreNot) {
  ConfigNode first, second;
  first.kind = second.kind = ConfigNode::Kind::map;
  first.entries.emplace_back("po", scalar("10"));
  first.entries.emplace_back("pso", scalar("12"));
  second.entries.emplace_back("pso", scalar("12"));
  second.entries.emplace_back("po", scalar("10.0"));
  EXPECT_EQ(same_value_key(first), same_value_key(second));
  ConfigNode up, down;
  up.kind = down.kind = ConfigNode::Kind::sequence;
  up.items = {scalar("1"), scalar("2")};
  down.items = {scalar("2"), scalar("1")};
  EXPECT_NE(same_value_key(up), same_value_key(down));
}

TEST(SweepSameValues, TextThatIsNotANumberIsComparedAsWritten) {
  EXPECT_NE(same_value_key(scalar("six")), same_value_key(scalar("Six")));
  EXPECT_EQ(same_value_key(scalar("2023-06-30")), "2023-06-30");
  // What the scenario reader refuses as a number stays text: it is refused there, not merged here.
  for (const char* not_a_number : {"+6", "0x6", "1e400", "inf", "nan", "6 weeks"})
    EXPECT_NE(same_value_key(scalar(not_a_number)), same_value_key(scalar("6"))) << not_a_number;
}

TEST(SweepSameValues, PointsThatSetOneNumberTwoWaysAreOnePoint) {
  Diagnostics d;
  const std::string path = write_sweep("six.yaml", sweep_text("points:\n  - {" + kRate + ": 6}\n  - {" +
                                                              kRate + ": 7}\n  - {" + kRate + ": 6.0}\n"));
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  (void)expand_points(*sweep, d);
  ASSERT_EQ(d.items().size(), 1u) << d.describe();
  EXPECT_TRUE(mentions(d, path + ":7:6",
                       "point p0003 (" + kRate + "=6.0) is the same as point p0001 (" + kRate +
                           "=6, at line 5); each point must differ in its scenario or its values"))
      << d.describe();
}

TEST(SweepSameValues, AGridValueListedTwoWaysIsListedTwice) {
  Diagnostics d;
  const std::string path = write_sweep("grid.yaml", sweep_text("parameters:\n  " + kRate +
                                                               ":\n    - 6\n    - 1e1\n    - 6.00\n"
                                                               "    - 10\n    - 8\n"));
  EXPECT_FALSE(load_sweep_file(path, d));
  ASSERT_EQ(d.items().size(), 2u) << d.describe();
  EXPECT_TRUE(mentions(d, path + ":8:7", "the value 6.00 is listed twice (first at line 6, as 6)"))
      << d.describe();
  EXPECT_TRUE(mentions(d, path + ":9:7", "the value 10 is listed twice (first at line 7, as 1e1)"))
      << d.describe();
}

// The loader keeps no quotes, and the scenario reader reads a quoted "6" as the number 6, as it reads 6:
// so "6" and 6 were one point before numbers were compared by value, and "6.0" and 6 are one now.
TEST(SweepSameValues, AQuotedNumberIsTheNumber) {
  Diagnostics d;
  const std::string path =
      write_sweep("quoted.yaml", sweep_text("points:\n  - {" + kRate + ": \"6\"}\n  - {" + kRate +
                                            ": 6}\n  - {" + kRate + ": '6.0'}\n"));
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  (void)expand_points(*sweep, d);
  EXPECT_EQ(d.items().size(), 2u) << d.describe();
  EXPECT_TRUE(mentions(d, path + ":6:", "point p0002 (" + kRate + "=6) is the same as point p0001"))
      << d.describe();
  EXPECT_TRUE(mentions(d, path + ":7:", "point p0003 (" + kRate + "=6.0) is the same as point p0001"))
      << d.describe();

  // The reader takes the quoted number as the number.
  Diagnostics loaded_d;
  const std::string one = write_sweep("quoted_one.yaml", sweep_text("points:\n  - {" + kRate + ": \"7\"}\n"));
  const auto single = load_sweep_file(one, loaded_d);
  ASSERT_TRUE(single) << loaded_d.describe();
  const auto loaded = load_points(*single, expand_points(*single, loaded_d), loaded_d);
  ASSERT_TRUE(loaded) << loaded_d.describe();
  EXPECT_EQ(loaded->front().scenario.regions[0].pdus[0].referrals.per_week, 7.0);
}

// Comparing by value changes which points are refused, never a point's seed: an independent seed still
// comes from the values as written.
TEST(SweepSameValues, AnIndependentSeedStillFollowsTheValueAsWritten) {
  Diagnostics d;
  const auto sweep = load_sweep_file(
      write_sweep("seed.yaml",
                  sweep_text("base_seed: 42\npoint_seeds: independent\npoints:\n  - {" + kRate + ": 6.0}\n")),
      d);
  ASSERT_TRUE(sweep) << d.describe();
  const auto points = expand_points(*sweep, d);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].identity(*sweep),
            "scenario=" + probsim::testing::example_scenario() + ";" + kRate + "=6.0");
  EXPECT_EQ(points[0].base_seed, combine_seed(combine_seed(42, purpose_key("sweep_point")),
                                              purpose_key(points[0].identity(*sweep))));
}

// A point's values in another order set the same scenario: {x: 6, y: 0.2} and {y: 0.2, x: 6.0} are one.
TEST(SweepSameValues, PointsThatListTheirValuesInAnotherOrderAreOnePoint) {
  Diagnostics d;
  const std::string share = "sentence_management.non_task_time_share";
  const std::string path =
      write_sweep("order.yaml", sweep_text("points:\n  - {" + kRate + ": 6, " + share + ": 0.2}\n  - {" +
                                           share + ": 0.2, " + kRate + ": 6.0}\n"));
  const auto sweep = load_sweep_file(path, d);
  ASSERT_TRUE(sweep) << d.describe();
  (void)expand_points(*sweep, d);
  ASSERT_EQ(d.items().size(), 1u) << d.describe();
  EXPECT_TRUE(mentions(d, path + ":6:6", "is the same as point p0001")) << d.describe();
}

// Unless one key lies inside the other's value: then the later one wins, and the order makes the point.
TEST(SweepSameValues, TheOrderCountsWhenOneKeyIsInsideAnother) {
  SweepSpec sweep;
  sweep.scenarios = {"a.yaml"};
  ConfigNode sara;
  sara.kind = ConfigNode::Kind::map;
  sara.entries.emplace_back("hours", scalar("2"));
  SweepPoint whole_first, part_first;
  whole_first.assignments = {{"sentence_management.sara", sara, {}},
                             {"sentence_management.sara.hours", scalar("3"), {}}};
  part_first.assignments = {{"sentence_management.sara.hours", scalar("3"), {}},
                            {"sentence_management.sara", sara, {}}};
  EXPECT_NE(same_point_key(whole_first, sweep), same_point_key(part_first, sweep));
  SweepPoint x_y, y_x;  // siblings whose names share a beginning are not nested: sorted
  x_y.assignments = {{"a.rate", scalar("6"), {}}, {"a.rate_max", scalar("7"), {}}};
  y_x.assignments = {{"a.rate_max", scalar("7.0"), {}}, {"a.rate", scalar("6"), {}}};
  EXPECT_EQ(same_point_key(x_y, sweep), same_point_key(y_x, sweep));
}
