// An order the court continues on breach "with more requirements" (issue 24) is lengthened by
// `enforcement.court.continued_extension_weeks` from the court's day: the exact new end day, an early
// ending already drawn left standing, nothing changed at 0, and the loader's key and range.
#include <gtest/gtest.h>

#include "config/scenario_loader.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/one_case_office.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

struct Extended {
  Day end_day_before_decision = 0;  // the case's end day at the end of day 20
  Day end_day_after_decision = 0;   // ... and of day 21, the court's day
  Day sentence_length_days = 0;     // at the end of day 21
  TerminationReason end_reason = TerminationReason::sentence_end;
  std::int64_t orders_extended = 0;
};

// One community order of 365 days imported on Monday day 0 and held by a PO, weekly 1-hour contacts,
// every appointment missed unacceptably: warned on day 0, breach action on day 7 (laid that day), the
// court's decision 2 weeks later on day 21 continues the order and lengthens it by `weeks`.
// `early_end_day`: the case already has an early ending (revocation) drawn for that day, if > 0.
Extended run_continued(double weeks, Day early_end_day = 0) {
  EnforcementRules e;
  e.enabled = true;
  e.missed_unacceptable_share = {1.0, 1.0, 1.0};
  e.unacceptable_judged_share = 1.0;
  e.unacceptable_failures_to_breach = 2;
  e.breach_action_due_working_days = 10;
  e.order_ended_share = {0.0, 0.0, 0.0};
  e.decision_lag_weeks = {2.0, 2.0, 2.0};
  e.continued_extension_weeks = {weeks, weeks, weeks};
  fixtures::OneCaseOffice one(fixtures::contacts_and_enforcement(1.0, e), early_end_day);
  PduOffice& office = *one.office;
  const std::uint32_t slot = one.slot;
  Extended out;
  for (Day d = 0; d <= 21; ++d) {
    office.run_day(d);
    const Case* c = office.case_in_slot(slot, 5);
    if (c == nullptr) {
      ADD_FAILURE() << "the case left on day " << d;
      return out;
    }
    if (d == 20) out.end_day_before_decision = c->end_day;
    if (d == 21) {
      out.end_day_after_decision = c->end_day;
      out.sentence_length_days = c->sentence_length_days;
      out.end_reason = c->end_reason;
    }
  }
  const EnforcementCounters& n = office.casework().enforcement().counters();
  EXPECT_EQ(n.breaches_laid, 1) << "one breach by day 21: failures count afresh after the decision";
  EXPECT_EQ(n.court_outcomes[static_cast<std::size_t>(CourtOutcome::order_continued)], 1);
  out.orders_extended = office.counters().orders_extended;
  return out;
}

}  // namespace

TEST(CourtExtension, AContinuedOrderEndsEightWeeksLaterFromTheCourtsDay) {
  const Extended x = run_continued(8.0);
  EXPECT_EQ(x.end_day_before_decision, 365);
  EXPECT_EQ(x.end_day_after_decision, 365 + 56);
  EXPECT_EQ(x.sentence_length_days, 365 + 56);
  EXPECT_EQ(x.end_reason, TerminationReason::sentence_end);
  EXPECT_EQ(x.orders_extended, 1);
}

TEST(CourtExtension, WithoutAnExtensionTheContinuedOrderKeepsItsEndDay) {
  const Extended x = run_continued(0.0);
  EXPECT_EQ(x.end_day_after_decision, 365);
  EXPECT_EQ(x.sentence_length_days, 365);
  EXPECT_EQ(x.orders_extended, 0);
}

TEST(CourtExtension, AnEarlyEndingAlreadyDrawnStandsButTheSentenceIsLonger) {
  const Extended x = run_continued(8.0, 200);
  EXPECT_EQ(x.end_day_after_decision, 200);
  EXPECT_EQ(x.end_reason, TerminationReason::revocation);
  EXPECT_EQ(x.sentence_length_days, 365 + 56);
  EXPECT_EQ(x.orders_extended, 0);
}

TEST(CourtExtension, TheLoaderReadsTheWeeksBySentenceTypeAndRejectsOverTwoYears) {
  const std::string path = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/national_standards_2004.yaml";
  Diagnostics diagnostics;
  auto loaded =
      load_scenario(path, {"enforcement.court.continued_extension_weeks.community_order=8"}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  const EnforcementRules& r = loaded->scenario.caseload.sentence_management.enforcement;
  EXPECT_EQ(r.continued_extension_weeks, (std::array<double, 3>{8.0, 0.0, 0.0}));

  // Optional: the 2004 scenarios do not set it, and their continued orders keep their end day.
  auto unset = load_scenario(path, {}, diagnostics);
  ASSERT_TRUE(unset) << diagnostics.describe();
  EXPECT_EQ(unset->scenario.caseload.sentence_management.enforcement.continued_extension_weeks,
            (std::array<double, 3>{0.0, 0.0, 0.0}));

  Diagnostics bad;
  EXPECT_FALSE(load_scenario(path, {"enforcement.court.continued_extension_weeks.licence=200"}, bad));
  EXPECT_NE(bad.describe().find("continued_extension_weeks"), std::string::npos) << bad.describe();
}
