// The metric catalogue's lookups (sim/output/metric_catalogue.hpp). That it covers what probsim writes
// and what the docs list is tests/docs/check_metric_catalogue.py.

#include "output/metric_catalogue.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

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

}  // namespace
}  // namespace probsim
