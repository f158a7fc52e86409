// A sweep's report keys (issue 20): `labels` per varied key, a `label` per explicit point and
// `headline_kpis` are read, checked, carried through sweep.resolved.yaml, and change neither a point's
// identity nor its seed; a sweep without them resolves exactly as before.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/sweep_loader.hpp"
#include "sweep_test_support.hpp"

using namespace probsim;
using probsim::testing::mentions;

namespace {

std::string write_sweep(const std::string& name, const std::string& text) {
  return probsim::testing::write_sweep_file("probsim-sweep-presentation-test", name, text);
}

std::string sweep_text(const std::string& extra_points, const std::string& extra) {
  return "name: labelled\nscenarios: [" + probsim::testing::example_scenario() +
         "]\n"
         "parameters:\n"
         "  regions.0.pdus.Southbridge.staff.0.headcount: [5, 7]\n"
         "points:\n"
         "  - {label: busy Northgate, regions.0.pdus.Northgate.referrals_per_week: 12}\n" +
         extra_points + "replications_per_point: 2\n" + extra;
}

}  // namespace

TEST(SweepPresentation, LabelsAndHeadlineKpisAreReadAndReachThePoints) {
  Diagnostics d;
  const auto sweep = load_sweep_file(
      write_sweep("ok.yaml",
                  sweep_text("  - {regions.0.pdus.Northgate.referrals_per_week: 3}\n",
                             "labels: {regions.0.pdus.Southbridge.staff.0.headcount: Southbridge POs}\n"
                             "headline_kpis: [workload_pct_mean, reviews_on_time_share]\n")),
      d);
  ASSERT_TRUE(sweep) << d.describe();
  EXPECT_EQ(sweep->headline_kpis, (std::vector<std::string>{"workload_pct_mean", "reviews_on_time_share"}));
  ASSERT_EQ(sweep->key_labels.size(), 1u);
  EXPECT_EQ(sweep->key_labels[0].first, "regions.0.pdus.Southbridge.staff.0.headcount");
  EXPECT_EQ(sweep->key_labels[0].second, "Southbridge POs");
  const auto points = expand_points(*sweep, d);
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0].label, "");  // a grid point: the report derives its label
  EXPECT_EQ(points[2].label, "busy Northgate");
  EXPECT_EQ(points[3].label, "");
  // The label is not a value: it sets nothing in the scenario and is not part of the point's identity.
  ASSERT_EQ(points[2].assignments.size(), 1u);
  EXPECT_EQ(points[2].assignments[0].key_path, "regions.0.pdus.Northgate.referrals_per_week");
  EXPECT_EQ(points[2].identity(*sweep).find("label"), std::string::npos);
  EXPECT_EQ(points[2].describe(), "regions.0.pdus.Northgate.referrals_per_week=12");
}

TEST(SweepPresentation, ResolvedSweepKeepsTheLabelsAndReadsBackToTheSameText) {
  Diagnostics d;
  const auto sweep = load_sweep_file(
      write_sweep("resolved.yaml", sweep_text("",
                                              "labels: {regions.0.pdus.Northgate.referrals_per_week: "
                                              "Northgate referrals}\nheadline_kpis: [caseload_mean]\n")),
      d);
  ASSERT_TRUE(sweep) << d.describe();
  const std::string resolved = sweep->resolved_yaml();
  EXPECT_NE(resolved.find("label: busy Northgate"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("headline_kpis"), std::string::npos) << resolved;
  const auto again = load_sweep_file(write_sweep("resolved_again.yaml", resolved), d);
  ASSERT_TRUE(again) << d.describe();
  EXPECT_EQ(again->resolved_yaml(), resolved);
  EXPECT_EQ(again->point_labels, sweep->point_labels);
  EXPECT_EQ(again->key_labels, sweep->key_labels);
  EXPECT_EQ(again->headline_kpis, sweep->headline_kpis);
}

TEST(SweepPresentation, ASweepWithoutTheKeysResolvesWithoutThem) {
  Diagnostics d;
  const auto sweep = load_sweep_file(
      write_sweep("plain.yaml", "name: plain\nscenarios: [" + std::string(PROBSIM_SOURCE_DIR) +
                                    "/scenarios/example_pdu.yaml]\nparameters: {regions.0.pdus.Northgate."
                                    "referrals_per_week: [4, 8]}\nreplications_per_point: 2\n"),
      d);
  ASSERT_TRUE(sweep) << d.describe();
  const std::string resolved = sweep->resolved_yaml();
  for (const char* key : {"label", "headline_kpis"}) EXPECT_EQ(resolved.find(key), std::string::npos) << key;
}

TEST(SweepPresentation, MistakesAreReportedWithTheirKey) {
  struct Case {
    std::string points, extra, key, text;
  };
  const std::vector<Case> cases = {
      {"", "labels: {simulation.report_end: end}\n", "labels.simulation.report_end",
       "names no key that `parameters` or `points` vary"},
      {"  - {label: busy Northgate, regions.0.pdus.Northgate.referrals_per_week: 3}\n", "", "points[1].label",
       "already the label of points[0]"},
      {"  - {label: [a, b], regions.0.pdus.Northgate.referrals_per_week: 3}\n", "", "points[1].label",
       "a short text on one line"},
      {"", "headline_kpis: []\n", "headline_kpis", "non-empty list of KPI names"},
      {"", "headline_kpis: [caseload_mean, caseload_mean]\n", "headline_kpis", "listed twice"},
      {"",
       "labels: {regions.0.pdus.Southbridge.staff.0.headcount: x, "
       "regions.0.pdus.Northgate.referrals_per_week: "
       "x}\n",
       "labels.regions.0.pdus.Northgate.referrals_per_week", "already names"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    Diagnostics d;
    const auto sweep = load_sweep_file(
        write_sweep("bad" + std::to_string(i) + ".yaml", sweep_text(cases[i].points, cases[i].extra)), d);
    EXPECT_FALSE(sweep) << "case " << i;
    EXPECT_TRUE(mentions(d, cases[i].key, cases[i].text)) << "case " << i << ": " << d.describe();
  }
}
