// G-13's renege (1.19; `min_order_weeks_left_to_start`, docs/validation/09-bbr-delivery.md §9.13): a man not
// yet started may not start while less than that many weeks of his order are left. He stays on the list, and
// his requirement ends before a start when his order does.

#include <gtest/gtest.h>

#include "interventions/interventions_team.hpp"
#include "unit/interventions_harness.hpp"

using namespace probsim;

namespace {

InterventionRules pairs_with_renege(double weeks) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 2;
  rules.bbr.group_size_max = 2;
  rules.bbr.min_order_weeks_left_to_start = weeks;
  return rules;
}

// A man referred on `day` whose order runs `order_days` from then.
CaseId refer_with_order_days(Harness& h, Day day, Day order_days) {
  Case c;
  c.id = make_case_id(0, day, h.next_ordinal++);
  c.referral_day = day;
  c.sentence_length_days = order_days;
  c.end_day = day + order_days;
  c.rosh = RoshLevel::medium;
  c.domestic_abuse_flag = true;
  c.sex = Sex::male;
  h.team->case_started(0, h.next_ordinal, c, c.id, day, false);
  return c.id;
}

}  // namespace

// 10 weeks are 70 days: at day 0's review 70 days left is enough, 69 is not.
TEST(Renege, NoStartWithLessOfTheOrderLeftThanTheSetting) {
  Harness h(pairs_with_renege(10.0));
  const CaseId enough = refer_with_order_days(h, 0, 70);
  const CaseId too_short = refer_with_order_days(h, 0, 69);
  const CaseId long_order = refer_with_order_days(h, 0, 700);
  h.run_through(7);
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, enough), std::vector<Day>{0});
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, long_order), std::vector<Day>{0});
  EXPECT_TRUE(h.days_of(InterventionEvent::Kind::start, too_short).empty());
  // He stays on the list until his order ends, and then ends before a start.
  EXPECT_EQ(h.team->waiting_to_start(0), 1);
  h.team->case_ended(too_short, TerminationReason::sentence_end, 69);
  EXPECT_EQ(h.team->counters(0).exits_before_start[static_cast<std::size_t>(TerminationReason::sentence_end)],
            1);
  EXPECT_EQ(h.team->waiting_to_start(0), 0);
}

// The time left is counted on the day a place is offered: a man whose order ends on day 100 can join a
// group formed on day 28 (72 days left) but not one formed on day 35 (65 days left).
TEST(Renege, TheTimeLeftIsCountedOnTheDayOfTheOffer) {
  for (const Day partner_day : {Day{28}, Day{35}}) {
    Harness h(pairs_with_renege(10.0));
    const CaseId waiting = refer_with_order_days(h, 0, 100);  // alone: no group of two before the partner
    h.run_through(partner_day - 1);
    const CaseId partner = refer_with_order_days(h, partner_day, 700);
    h.run_through(partner_day + 7);
    if (partner_day == 28) {
      EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, waiting), std::vector<Day>{28});
      EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, partner), std::vector<Day>{28});
    } else {
      EXPECT_TRUE(h.days_of(InterventionEvent::Kind::start, waiting).empty());
      EXPECT_TRUE(h.days_of(InterventionEvent::Kind::start, partner).empty());  // alone now
    }
  }
}

TEST(Renege, ZeroSwitchesItOff) {
  Harness h(pairs_with_renege(0.0));
  const CaseId short_order = refer_with_order_days(h, 0, 14);
  const CaseId long_order = refer_with_order_days(h, 0, 700);
  h.run_through(7);
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, short_order), std::vector<Day>{0});
  EXPECT_EQ(h.days_of(InterventionEvent::Kind::start, long_order), std::vector<Day>{0});
}

// The men the renege passes over stay on the list, and are counted apart (docs/validation/09-bbr-delivery.md
// §9.14): with 10 weeks, an order ending on day 69 is past it from day 0, one ending on day 70 from day 1.
TEST(Renege, TheMenPastItAreCountedOnTheList) {
  Harness h(pairs_with_renege(10.0));
  refer_with_order_days(h, 0, 69);
  refer_with_order_days(h, 0, 70);  // alone with time left: no group of two forms
  h.run_through(0);
  EXPECT_EQ(h.team->waiting_to_start(0), 2);
  EXPECT_EQ(h.team->waiting_past_renege(0, 0), 1);
  EXPECT_EQ(h.team->waiting_past_renege(0, 1), 2);
  Harness off(pairs_with_renege(0.0));
  refer_with_order_days(off, 0, 69);
  EXPECT_EQ(off.team->waiting_past_renege(0, 60), 0);
}
