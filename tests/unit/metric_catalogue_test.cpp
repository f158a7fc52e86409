// The metric catalogue's lookups (sim/output/metric_catalogue.hpp), and the families of names
// (sim/output/metric_names.hpp) against the catalogue and the model's lists they are built from. That
// it covers what probsim writes and what the docs list is tests/docs/check_metric_catalogue.py.

#include "output/metric_catalogue.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "caseload/case_attributes.hpp"
#include "output/metric_names.hpp"
#include "output/workload_distribution.hpp"
#include "prioritisation/rag_status.hpp"
#include "sentence_management/enforcement_rules.hpp"
#include "workforce/grade.hpp"

namespace probsim {
namespace {

TEST(MetricCatalogue, FamilyPatternsMatchTheirGeneratedSuffixesOnly) {
  EXPECT_TRUE(metric_name_matches("in_post_fte_<grade>", "in_post_fte_case_administrator"));
  EXPECT_TRUE(metric_name_matches("si_cohort_completed_<programme>", "si_cohort_completed_help"));
  EXPECT_FALSE(metric_name_matches("in_post_fte_<grade>", "in_post_fte_"));  // an empty suffix
  EXPECT_FALSE(metric_name_matches("in_post_fte_<grade>", "in_post_fte_PO"));
  EXPECT_FALSE(metric_name_matches("in_post_fte_<grade>", "establishment_fte_po"));
  EXPECT_TRUE(metric_name_matches("caseload", "caseload"));
  EXPECT_FALSE(metric_name_matches("caseload", "caseload_mean"));
}

TEST(MetricCatalogue, AnExactEntryWinsOverAFamilyAndFilesAreSeparate) {
  const MetricSpec* total = find_metric(MetricFile::kpis, "bbr_exits_before_start");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->name, "bbr_exits_before_start");
  const MetricSpec* by_reason = find_metric(MetricFile::kpis, "bbr_exits_before_start_recall");
  ASSERT_NE(by_reason, nullptr);
  EXPECT_EQ(by_reason->name, "bbr_exits_before_start_<reason>");
  // caseload is a series; the KPIs are caseload_start, _mean and _end.
  EXPECT_EQ(find_metric(MetricFile::kpis, "caseload"), nullptr);
  ASSERT_NE(find_metric(MetricFile::timeseries, "caseload"), nullptr);
  EXPECT_EQ(find_metric(MetricFile::timeseries, "caseload")->unit, "cases");
  EXPECT_EQ(find_metric(MetricFile::kpis, "no_such_metric"), nullptr);
}

TEST(MetricCatalogue, EachNameOnceForItsFileWithALevelAUnitAndAGroup) {
  std::set<std::pair<MetricFile, std::string>> seen;
  for (const MetricSpec& m : metric_catalogue()) {
    EXPECT_TRUE(seen.insert({m.file, std::string(m.name)}).second) << m.name << " twice";
    EXPECT_NE(m.levels, 0) << m.name;
    EXPECT_FALSE(m.unit.empty()) << m.name;
    EXPECT_FALSE(m.chart_group.empty()) << m.name;
    EXPECT_FALSE(m.description.empty()) << m.name;
  }
  EXPECT_EQ(metric_level_bit("team"), kTeam);
  EXPECT_EQ(metric_level_bit("office"), 0);
}

TEST(MetricNames, AFamilyWritesItsPatternWithTheMemberInPlaceOfThePlaceholder) {
  EXPECT_EQ(metric_name::in_post_fte_by_grade("po"), "in_post_fte_po");
  EXPECT_EQ(metric_name::si_cohort_completed_by_programme("stepwise"), "si_cohort_completed_stepwise");
  for (const std::string_view grade : kGradeNames) {
    const MetricSpec* in_post = find_metric(MetricFile::timeseries, metric_name::in_post_fte_by_grade(grade));
    ASSERT_NE(in_post, nullptr) << grade;
    EXPECT_EQ(in_post->name, metric_name::in_post_fte_by_grade.pattern);
    const MetricSpec* establishment =
        find_metric(MetricFile::timeseries, metric_name::establishment_fte_by_grade(grade));
    ASSERT_NE(establishment, nullptr) << grade;
    EXPECT_EQ(establishment->name, metric_name::establishment_fte_by_grade.pattern);
  }
  for (const std::string_view reason : kTerminationReasonNames)
    for (const MetricFile file : {MetricFile::kpis, MetricFile::timeseries}) {
      const MetricSpec* exits = find_metric(file, metric_name::bbr_exits_before_start_by_reason(reason));
      ASSERT_NE(exits, nullptr) << reason;
      EXPECT_EQ(exits->name, metric_name::bbr_exits_before_start_by_reason.pattern);
    }
  for (const metric_name::MetricFamily& family :
       {metric_name::si_cohort_requirements_by_programme, metric_name::si_cohort_completed_by_programme,
        metric_name::si_period_completions_by_programme}) {
    const MetricSpec* spec = find_metric(MetricFile::kpis, family("help"));
    ASSERT_NE(spec, nullptr) << family.pattern;
    EXPECT_EQ(spec->name, family.pattern);
  }
}

// A family the model fixes is a list of exact catalogue names, in the order of the model's own list.
TEST(MetricNames, FixedFamiliesFollowTheModelsListsAndAreExactCatalogueEntries) {
  const auto exact = [](MetricFile file, std::string_view name) {
    const MetricSpec* spec = find_metric(file, name);
    return spec != nullptr && spec->name == name;
  };
  ASSERT_EQ(metric_name::terminations_by_early_reason.size() + 1, kTerminationReasonNames.size());
  for (std::size_t r = 1; r < kTerminationReasonNames.size(); ++r) {
    EXPECT_EQ(metric_name::terminations_by_early_reason[r - 1],
              "terminations_" + std::string(kTerminationReasonNames[r]));
    EXPECT_TRUE(exact(MetricFile::kpis, metric_name::terminations_by_early_reason[r - 1]));
  }
  ASSERT_EQ(metric_name::court_by_outcome.size(), kCourtOutcomeNames.size());
  for (std::size_t k = 0; k < kCourtOutcomeNames.size(); ++k) {
    EXPECT_EQ(metric_name::court_by_outcome[k], "court_" + std::string(kCourtOutcomeNames[k]));
    EXPECT_TRUE(exact(MetricFile::kpis, metric_name::court_by_outcome[k]));
  }
  ASSERT_EQ(metric_name::pdus_by_status.size(), kRagStatusNames.size());
  for (std::size_t k = 0; k < kRagStatusNames.size(); ++k) {
    EXPECT_EQ(metric_name::pdus_by_status[k], "pdus_" + std::string(kRagStatusNames[k]));
    EXPECT_EQ(metric_name::rag_days_by_status[k], "rag_days_" + std::string(kRagStatusNames[k]));
    EXPECT_TRUE(exact(MetricFile::timeseries, metric_name::pdus_by_status[k]));
    EXPECT_TRUE(exact(MetricFile::timeseries, metric_name::rag_days_by_status[k]));
  }
  for (std::size_t i = 0; i < WorkloadDistribution::kQuantiles.size(); ++i) {
    const int percent = static_cast<int>(std::lround(WorkloadDistribution::kQuantiles[i] * 100.0));
    EXPECT_EQ(metric_name::workload_pct_by_quantile[i], "workload_pct_p" + std::to_string(percent));
    EXPECT_TRUE(exact(MetricFile::kpis, metric_name::workload_pct_by_quantile[i]));
    EXPECT_TRUE(exact(MetricFile::timeseries, metric_name::workload_pct_by_quantile[i]));
  }
}

}  // namespace
}  // namespace probsim
