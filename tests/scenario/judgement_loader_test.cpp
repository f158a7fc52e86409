// RAG-13's set-aside rule as the loader reads it (sentence_management.judgement_under_revised_measures):
// the base file ships it on at probability 0 for SARAs and home visits, and bad values are refused at
// their key. The rule itself: tests/unit/judgement_under_revised_measures_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "loader_test_files.hpp"

using namespace probsim;

namespace {

// The loader's error for example_pdu with `overrides`, or "" if it loads.
std::string load_error(const std::vector<std::string>& overrides, const std::string& extra = "") {
  Diagnostics d;
  const std::string path = extra.empty() ? probsim::testing::source("scenarios/example_pdu.yaml")
                                         : probsim::testing::write_scenario(
                                               "judgement.yaml", probsim::testing::example_with(extra));
  return load_scenario(path, overrides, d) ? "" : d.describe();
}

constexpr char kKey[] = "sentence_management.judgement_under_revised_measures";
constexpr std::size_t kSara = static_cast<std::size_t>(TaskKind::sara);
constexpr std::size_t kHomeVisit = static_cast<std::size_t>(TaskKind::home_visit);

}  // namespace

TEST(JudgementLoader, TheBaseFileShipsItOnAtZeroForSarasAndHomeVisits) {
  Diagnostics d;
  auto loaded = load_scenario(probsim::testing::source("scenarios/example_pdu.yaml"), {}, d);
  ASSERT_TRUE(loaded) << d.describe();
  const JudgementUnderRevisedMeasures& j =
      loaded->scenario.caseload.sentence_management.judgement_under_revised_measures;
  EXPECT_TRUE(j.enabled);
  EXPECT_DOUBLE_EQ(j.set_aside_probability, 0.0);
  EXPECT_TRUE(j.applies_to[kSara]);
  EXPECT_TRUE(j.applies_to[kHomeVisit]);
  EXPECT_EQ(std::count(j.applies_to.begin(), j.applies_to.end(), true), 2);
  auto set = load_scenario(probsim::testing::source("scenarios/example_pdu.yaml"),
                           {std::string(kKey) + ".set_aside_probability=0.2"}, d);
  ASSERT_TRUE(set) << d.describe();
  EXPECT_DOUBLE_EQ(
      set->scenario.caseload.sentence_management.judgement_under_revised_measures.set_aside_probability, 0.2);
}

TEST(JudgementLoader, TheLoaderRefusesBadValuesNamingTheKey) {
  for (const char* value : {"-0.1", "1.5"}) {
    const std::string error = load_error({std::string(kKey) + ".set_aside_probability=" + value});
    EXPECT_NE(error.find(std::string(kKey) + ".set_aside_probability"), std::string::npos) << error;
  }
  const std::string unknown_kind =
      load_error({},
                 "sentence_management:\n  judgement_under_revised_measures: {set_aside_probability: 0.1, "
                 "tasks: [sara, hom_visit]}\n");
  EXPECT_NE(unknown_kind.find(std::string(kKey) + ".tasks[1]"), std::string::npos) << unknown_kind;
  EXPECT_NE(unknown_kind.find("did you mean 'home_visit'"), std::string::npos) << unknown_kind;
  for (const char* kind : {"contact", "periodic_review"}) {
    const std::string disallowed =
        load_error({},
                   "sentence_management:\n  judgement_under_revised_measures: {set_aside_probability: 0.1, "
                   "tasks: [sara, " +
                       std::string(kind) + "]}\n");
    EXPECT_NE(disallowed.find(std::string(kKey) + ".tasks"), std::string::npos) << disallowed;
    EXPECT_NE(disallowed.find(std::string("not '") + kind + "'"), std::string::npos) << disallowed;
  }
  const std::string unknown_key =
      load_error({},
                 "sentence_management:\n  judgement_under_revised_measures: {set_aside_probability: 0.1, "
                 "tasks: [sara], trainees_follow_bau: false}\n");
  EXPECT_NE(unknown_key.find(std::string(kKey) + ".trainees_follow_bau"), std::string::npos) << unknown_key;
}
