// RAG-13's judgement end to end, as a paired comparison under common random numbers
// (docs/validation/10-workload.md §10.24): in example_pdu with the prioritisation framework on, setting
// aside half the SARAs and home visits created under amber or red lowers the share of DA cases with each
// done on the snapshot day (CT-13, TS-1's readings; the whole 95% CI of the paired difference below 0,
// the direction only, stated before it was run). With the framework off every PDU is green, so the same
// probability sets nothing aside and changes no figure: the rule acts through the status alone.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

const std::string kRun =
    "run scenarios/example_pdu.yaml --quiet --reps 4 --seed 11 --jobs 2"
    " --set simulation.report_end=2023-12-31 --set simulation.workload_snapshot_on=2023-06-30 ";
const std::string kHalfSetAside =
    " --set sentence_management.judgement_under_revised_measures.set_aside_probability=0.5";

}  // namespace

TEST(JudgementSetAside, UnderAmberOrRedItLowersTheDoneSharesAndUnderGreenItChangesNothing) {
  const auto dir = fresh_directory("judgement_set_aside");
  const std::string rag_on = kRun + " --set prioritisation.enabled=true";
  ASSERT_EQ(run_probsim(rag_on + " --out " + quoted(dir / "rag_on")).exit_status, 0);
  ASSERT_EQ(run_probsim(rag_on + kHalfSetAside + " --out " + quoted(dir / "rag_on_half")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + " --out " + quoted(dir / "rag_off")).exit_status, 0);
  ASSERT_EQ(run_probsim(kRun + kHalfSetAside + " --out " + quoted(dir / "rag_off_half")).exit_status, 0);

  const auto on = national_comparison(compare_runs(dir, "rag_on", "rag_on_half"));
  for (const char* kpi : {"saras_set_aside", "home_visits_set_aside"})
    EXPECT_GT(comparison_column(on, kpi, comparison_field::ci95_low), 0.0)
        << kpi << ": the example's PDUs spend days in amber or red";
  for (const char* kpi : {"sara_snapshot_completed_share", "home_visit_snapshot_completed_share"})
    EXPECT_LT(comparison_column(on, kpi, comparison_field::ci95_high), 0.0)
        << kpi << ": fewer DA cases have it done; mean difference "
        << comparison_column(on, kpi, comparison_field::diff_mean);

  const auto off = national_comparison(compare_runs(dir, "rag_off", "rag_off_half"));
  for (const char* kpi : {"saras_set_aside", "home_visits_set_aside"})
    EXPECT_EQ(comparison_column(off, kpi, comparison_field::other_mean), 0.0)
        << kpi << ": every PDU is green without the framework";
  for (const char* kpi : {"sara_snapshot_completed_share", "home_visit_snapshot_completed_share",
                          "reviews_on_time_share", "contacts_delivered_share"})
    EXPECT_EQ(comparison_column(off, kpi, comparison_field::diff_mean), 0.0) << kpi << " does not move";
}
