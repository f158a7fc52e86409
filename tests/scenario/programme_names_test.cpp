// A structured intervention's name is part of KPI names (si_period_completions_<programme>), which use only
// lower-case letters, digits and _: a programme called 'Step Wise' wrote KPIs no rule could name. The
// message suggests a name only where lower case and _ keep the name's meaning.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;
using probsim::testing::source;

namespace {

// example_pdu with a fourth structured intervention, a copy of the first called `name`: what the loader
// says of it.
std::string problems_with_programme_called(const std::string& name, bool& read) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(source("scenarios/example_pdu.yaml"), {}, diagnostics);
  if (!loaded) return "could not load example_pdu: " + diagnostics.describe();
  ConfigNode tree = loaded->resolved;
  ConfigNode* list = tree.find("interventions")->find("structured_interventions");
  ConfigNode programme = list->items[0];
  programme.find("name")->scalar = name;
  list->items.push_back(programme);
  read = read_scenario(tree, diagnostics).has_value();
  return diagnostics.describe();
}

}  // namespace

TEST(ProgrammeNames, ANameThatCannotBePartOfAKpiNameIsRefusedWithOneThatCan) {
  for (const auto& [name, suggestion] : {std::pair<std::string, std::string>{"Step Wise", "step_wise"},
                                         {"stepWise", "stepwise"},
                                         {"Step-Wise!", "step_wise"}}) {
    bool read = true;
    const std::string text = problems_with_programme_called(name, read);
    EXPECT_FALSE(read) << name;
    EXPECT_NE(text.find("key 'interventions.structured_interventions[3].name': the name '" + name +
                        "' becomes part of KPI names (si_period_completions_" + name +
                        "), which use only lower-case letters, digits and _, beginning with a letter; "
                        "call it, say, '" +
                        suggestion + "'"),
              std::string::npos)
        << text;
  }
}

TEST(ProgrammeNames, NoNameIsSuggestedWhereLowerCaseWouldChangeItsMeaning) {
  for (const std::string name : {"2step", "_step",
                                 "\xc3\x9c"
                                 "n\xc3\xaf"
                                 "code"}) {
    bool read = true;
    const std::string text = problems_with_programme_called(name, read);
    EXPECT_FALSE(read) << name;
    EXPECT_NE(text.find("the name '" + name + "' becomes part of KPI names"), std::string::npos) << text;
    EXPECT_EQ(text.find("call it, say"), std::string::npos) << text;
  }
}

TEST(ProgrammeNames, DigitsAndUnderscoresAfterTheFirstLetterAreAName) {
  bool read = false;
  const std::string text = problems_with_programme_called("step_2", read);
  EXPECT_TRUE(read) << text;
}
