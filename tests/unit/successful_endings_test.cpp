// CT-14 (PUB-7): of the programme requirements on orders and licences that ended successfully, the share
// started. The team counts a requirement when its order runs to its end, whatever the requirement's
// state; other endings and the warm start's requirements are not counted (docs/validation/09-bbr-delivery.md
// §9.12).

#include <gtest/gtest.h>

#include "interventions/interventions_team.hpp"
#include "unit/interventions_harness.hpp"

using namespace probsim;

namespace {

InterventionRules pairs_in_closed_groups() {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 2;
  rules.warm_start = {52.0, 1.0};  // every warm-start requirement of the last year waits
  return rules;
}

// A man placed by the warm start on day 0, his order made `age_days` earlier.
CaseId warm_start_case(Harness& h, Day age_days) {
  Case c;
  c.referral_day = -age_days;
  c.id = make_case_id(0, c.referral_day, h.next_ordinal++);
  c.sentence_length_days = months_to_days(24);
  c.end_day = c.referral_day + c.sentence_length_days;
  c.domestic_abuse_flag = true;
  c.sex = Sex::male;
  h.team->case_started(0, h.next_ordinal, c, c.id, 0, true);
  return c.id;
}

}  // namespace

TEST(SuccessfulEndings, CountedOnTheOrdersEndWhateverTheStateAndOnlyWhenItRanToItsEnd) {
  Harness h(pairs_in_closed_groups());
  for (int i = 0; i < 2; ++i) h.refer(0);  // A and B: a group of two from day 0's review
  const CaseId a = h.ids[0], b = h.ids[1];
  h.run_through(30);
  // Six sessions on Tuesdays and Thursdays: days 1, 3, 8, 10, 15, 17.
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::completion, a), std::vector<Day>{17});
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::completion, b), std::vector<Day>{17});
  // W, placed as the warm start places a man (his requirement 100 days old), and C: a group on day 35.
  const CaseId w = warm_start_case(h, 100);
  h.refer(31);
  const CaseId c = h.ids.back();
  h.run_through(35);
  h.refer(36);  // D: alone on the list, never started
  const CaseId d = h.ids.back();
  h.run_through(39);
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::start, w), std::vector<Day>{35});
  ASSERT_EQ(h.days_of(InterventionEvent::Kind::start, c), std::vector<Day>{35});
  ASSERT_TRUE(h.days_of(InterventionEvent::Kind::start, d).empty());
  EXPECT_EQ(h.team->counters(0).orders_ended_successfully, 0);

  h.team->case_ended(a, TerminationReason::sentence_end, 40);  // completed, then ran to its end
  h.team->case_ended(b, TerminationReason::revocation, 40);    // completed, but revoked: not successful
  h.team->case_ended(c, TerminationReason::sentence_end, 40);  // ran to its end while attending
  h.team->case_ended(d, TerminationReason::sentence_end, 40);  // ran to its end unstarted
  h.team->case_ended(w, TerminationReason::sentence_end, 40);  // made before the run: left out
  const ProgrammeCounters& n = h.team->counters(0);
  EXPECT_EQ(n.orders_ended_successfully, 3);          // A, C, D
  EXPECT_EQ(n.orders_ended_successfully_started, 2);  // A, C
  // A second notice of the same ending counts nothing more: the record is closed.
  h.team->case_ended(a, TerminationReason::sentence_end, 41);
  EXPECT_EQ(h.team->counters(0).orders_ended_successfully, 3);
}
