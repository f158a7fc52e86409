// What a scenario file's text may hold beyond its keys, and what a message says of a value that several
// files made: a trailing empty YAML document is read, and a share map merged with the file it extends
// names the entries that came from there.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using namespace probsim::testing;

// Some tools end every file with `---`: an empty document holds nothing the loader would drop.
TEST(ScenarioFileText, ATrailingEmptyDocumentIsRead) {
  Diagnostics diagnostics;
  const auto loaded =
      load_scenario(write_scenario("trailing.yaml", example_with("name: trailing\n---\n")), {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  EXPECT_EQ(loaded->scenario.name, "trailing");
  // A document with something in it is still refused: it would be ignored without a word.
  Diagnostics second;
  EXPECT_FALSE(
      load_scenario(write_scenario("second.yaml", example_with("name: a\n---\nname: b\n")), {}, second));
  EXPECT_NE(second.describe().find("found a second (after '---')"), std::string::npos) << second.describe();
}

// A child's `rosh_shares: {high: 0.5}` merges with the three other levels of the file it extends: the
// sum the message gives is of all four, so it names the three the child's line does not show.
TEST(ScenarioFileText, AShareMapMergedWithItsBaseNamesTheEntriesFromThere) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_scenario(
      write_scenario("child_rosh.yaml", example_with("case_mix:\n  rosh_shares:\n    high: 0.5\n")), {},
      diagnostics));
  const std::string text = diagnostics.describe();
  EXPECT_NE(text.find("child_rosh.yaml:3:"), std::string::npos) << text;
  EXPECT_NE(text.find("shares must sum to 1"), std::string::npos) << text;
  EXPECT_NE(text.find("low, medium and very_high come from `"), std::string::npos) << text;
  EXPECT_NE(text.find("england_wales_defaults.yaml` (the map is merged key by key across files"),
            std::string::npos)
      << text;
  // A map the child gives whole says nothing of its base.
  Diagnostics whole;
  EXPECT_FALSE(load_scenario(
      write_scenario("whole_rosh.yaml", example_with("case_mix:\n  rosh_shares:\n    low: 0.5\n"
                                                     "    medium: 0.5\n    high: 0.5\n    very_high: 0\n")),
      {}, whole));
  EXPECT_NE(whole.describe().find("shares must sum to 1"), std::string::npos) << whole.describe();
  EXPECT_EQ(whole.describe().find("merged key by key"), std::string::npos) << whole.describe();
}
