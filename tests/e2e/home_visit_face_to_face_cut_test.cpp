// The home visit under RAG's face-to-face cut end to end, as a paired comparison under common random
// numbers (docs/validation/10-workload.md §10.25): in example_pdu with the prioritisation framework on,
// switching the rule on sets home visits aside under amber and red, so fewer DA cases have their visit
// done on the snapshot day (TS-1's reading) and fewer visits are on time (the whole 95% CI of each paired
// difference below 0), while the SARA, which RAG-8 keeps mandated, is not done less. With the framework off
// every PDU is green, so the switch changes no figure: the rule acts through the status's measures alone.
#include <gtest/gtest.h>

#include "e2e/batch_test_support.hpp"

using namespace probsim::testing;

namespace {

const std::string kRun =
    "run scenarios/example_pdu.yaml --quiet --reps 4 --seed 11 --jobs 2"
    " --set simulation.report_end=2023-12-31 --set simulation.workload_snapshot_on=2023-06-30 ";
const std::string kSwitchOff = " --set prioritisation.home_visits_follow_face_to_face_cut=false";

}  // namespace

TEST(HomeVisitFaceToFaceCutRun, UnderAmberOrRedFewerVisitsAreDoneNoSaraIsLostAndUnderGreenNothingMoves) {
  const auto dir = fresh_directory("home_visit_face_to_face_cut");
  const std::string rag_on = kRun + " --set prioritisation.enabled=true";
  ASSERT_EQ(run_probsim(rag_on + kSwitchOff + " --out " + quoted(dir / "rag_on_off")).exit_status, 0);
  ASSERT_EQ(run_probsim(rag_on + " --out " + quoted(dir / "rag_on")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + kSwitchOff + " --out " + quoted(dir / "rag_off_off")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + " --out " + quoted(dir / "rag_off")).exit_status, 0);

  const auto on = national_comparison(compare_runs(dir, "rag_on_off", "rag_on"));
  EXPECT_GT(comparison_column(on, "home_visits_set_aside", comparison_field::ci95_low), 0.0)
      << "the example's PDUs spend days in amber or red";
  for (const char* kpi : {"home_visit_snapshot_completed_share", "home_visits_on_time_share"})
    EXPECT_LT(comparison_column(on, kpi, comparison_field::ci95_high), 0.0)
        << kpi << ": mean difference " << comparison_column(on, kpi, comparison_field::diff_mean);
  EXPECT_GT(comparison_column(on, "sara_snapshot_completed_share", comparison_field::diff_mean), -0.005)
      << "RAG-8: SARAs are not cut; the visits' hours can only help them";

  const auto off = national_comparison(compare_runs(dir, "rag_off_off", "rag_off"));
  EXPECT_EQ(comparison_column(off, "home_visits_set_aside", comparison_field::other_mean), 0.0)
      << "every PDU is green without the framework";
  for (const char* kpi :
       {"home_visit_snapshot_completed_share", "home_visits_on_time_share", "sara_snapshot_completed_share",
        "reviews_on_time_share", "contacts_delivered_share"})
    EXPECT_EQ(comparison_column(off, kpi, comparison_field::diff_mean), 0.0) << kpi << " does not move";
}
