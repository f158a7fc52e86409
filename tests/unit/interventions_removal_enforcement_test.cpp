#include <gtest/gtest.h>

#include <map>
#include <set>

#include "interventions/interventions_team.hpp"
#include "interventions/requirement_cohort.hpp"
#include "office/pdu_office.hpp"
#include "unit/interventions_harness.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

// --- Enforcement of a removal (RemovalEnforcement) --------------------------------------------------
// Cases arrive in a real office, which tells the team of them and ends their orders, so the breach's
// effect on the order can be followed end to end: referrals in January only, every case a man with a
// BBR requirement on a 24-month order of one sentence type, nobody attending a session.
namespace {

struct EnforcementRun {
  std::int64_t removals = 0;
  std::int64_t ended_on_breach = 0;  // office terminations for the sentence type's breach reason
  std::int64_t office_terminations = 0;
  std::int64_t removed_out = 0;
  std::int64_t rejoins = 0;  // removed men sent back to the list for another go
  bool every_order_ended_on_its_outcome_day = true;
  std::vector<Participant> participants;
};

EnforcementRun run_enforcement(SentenceType type, const RemovalEnforcement& enforcement, Day last_day) {
  InterventionRules rules = deterministic_rules();
  rules.bbr.format = GroupFormat::closed;
  rules.bbr.group_size_min = 1;
  rules.bbr.group_size_max = 12;
  rules.bbr.attendance_probability = 0.0;
  rules.bbr.missed_sessions_allowed = 1;
  rules.bbr.closed_removed_to = AfterRemoval::waiting_list;  // back to the list, unless enforced
  rules.bbr.removal_enforcement = enforcement;
  CaseloadRules caseload = fixtures::fixed_length_rules(24.0);
  std::array<double, 3> type_weights{};
  type_weights[static_cast<std::size_t>(type)] = 1.0;
  caseload.case_mix.sentence_type = WeightedChoice({type_weights[0], type_weights[1], type_weights[2]});
  caseload.case_mix.domestic_abuse_share = 1.0;
  caseload.case_mix.male_share = 1.0;
  ReferralRate january_only;
  january_only.per_week = 3.0;
  january_only.seasonality_multiplier = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  WorkingCalendar calendar(kMonday);
  std::vector<Practitioner> staff;
  for (int i = 0; i < 6; ++i) staff.push_back(fixtures::practitioner(Grade::facilitator, caseload.workload));
  staff.push_back(fixtures::practitioner(Grade::po, caseload.workload));
  PduOffice office(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(january_only, kMonday, 0, 0, 7), 7,
                   std::move(staff), calendar, last_day + 1);
  InterventionsTeam team("Team", rules, std::vector<PduOffice*>{&office}, std::vector<std::size_t>{0},
                         calendar, 7);
  std::vector<InterventionEvent> events;
  team.set_event_log(&events);
  office.set_interventions(&team, 0);

  EnforcementRun run;
  const Day outcome_days = enforcement.weeks_to_outcome.days_at(0.0);  // min == max in these tests
  std::map<CaseId, Day> last_removal;
  std::set<CaseId> ended;
  for (Day d = 0; d <= last_day; ++d) {
    office.run_day(d);
    team.run_day(d);
    for (const Participant& p : team.participants()) {
      if (!p.order_ended || ended.contains(p.case_id)) continue;
      ended.insert(p.case_id);
      const auto removal = last_removal.find(p.case_id);
      if (removal == last_removal.end() || d != removal->second + outcome_days)
        run.every_order_ended_on_its_outcome_day = false;
    }
    for (const InterventionEvent& e : events) {
      if (e.day != d) continue;
      if (e.kind == InterventionEvent::Kind::removal) last_removal[e.case_id] = d;
    }
  }
  const ProgrammeCounters& n = team.counters(0);
  run.removals = n.removals_non_attendance;
  run.removed_out = n.removed_out;
  run.ended_on_breach =
      office.counters().terminations_by_reason[static_cast<std::size_t>(termination_on_breach(type))];
  run.office_terminations = office.counters().terminations();
  run.participants = team.participants();
  for (const Participant& p : run.participants) run.rejoins += p.rejoins;
  return run;
}

RemovalEnforcement always_ends_the_order() {
  RemovalEnforcement e;
  e.breach_probability = 1.0;
  e.order_ended_probability = {1.0, 1.0, 1.0};
  e.weeks_to_outcome = {2.0, 2.0};
  return e;
}

}  // namespace

TEST(InterventionsTeam, ABreachThatEndsTheOrderEndsItOnTheOutcomeDayForTheSentenceTypesReason) {
  // A community order is revoked on breach, a suspended sentence activated, a licence recalled; the
  // order ends two weeks after the removal, not at its planned end two years on, and the man never
  // rejoins a group though his closed group's rule would send him back to the list.
  for (SentenceType type :
       {SentenceType::community_order, SentenceType::suspended_sentence_order, SentenceType::licence}) {
    SCOPED_TRACE(std::string(kSentenceTypeNames[static_cast<std::size_t>(type)]));
    const EnforcementRun run = run_enforcement(type, always_ends_the_order(), 200);
    ASSERT_GT(run.removals, 3);
    EXPECT_EQ(run.ended_on_breach, run.removals);
    EXPECT_EQ(run.office_terminations, run.removals);  // nothing else ended in 200 days
    EXPECT_TRUE(run.every_order_ended_on_its_outcome_day);
    EXPECT_EQ(run.removed_out, run.removals);
    EXPECT_EQ(run.rejoins, 0);
    for (const Participant& p : run.participants) {
      EXPECT_EQ(p.state, ParticipantState::removed);
      EXPECT_EQ(p.end_reason, termination_on_breach(type));
    }
  }
}

TEST(InterventionsTeam, WithoutEnforcementARemovalEndsNothingAndTheManRejoins) {
  const EnforcementRun run = run_enforcement(SentenceType::community_order, RemovalEnforcement{}, 200);
  ASSERT_GT(run.removals, 3);
  EXPECT_EQ(run.office_terminations, 0);
  EXPECT_GT(run.rejoins, 0);
  // A breach the court takes no action on changes nothing else: enforcement draws from its own stream,
  // so attendance, removals and rejoins are those of the run without it (common random numbers).
  RemovalEnforcement breached_only = always_ends_the_order();
  breached_only.order_ended_probability = {0.0, 0.0, 0.0};
  const EnforcementRun same = run_enforcement(SentenceType::community_order, breached_only, 200);
  EXPECT_EQ(same.removals, run.removals);
  EXPECT_EQ(same.rejoins, run.rejoins);
  EXPECT_EQ(same.office_terminations, 0);
}

TEST(InterventionsTeam, AnOrderEndedOnBreachStaysEndedPastItsPlannedEnd) {
  // The planned ending left in the office's queue (day 730) must not close a second case or count a
  // second termination: every case terminates exactly once.
  const EnforcementRun run = run_enforcement(SentenceType::licence, always_ends_the_order(), 800);
  ASSERT_GT(run.removals, 3);
  EXPECT_EQ(run.office_terminations, static_cast<std::int64_t>(run.participants.size()));
  EXPECT_EQ(run.ended_on_breach, run.office_terminations);
}

TEST(InterventionsTeam, ACourtRemovingTheRequirementTerminatesItOnTheOutcomeDayWhileTheOrderRuns) {
  RemovalEnforcement amend;
  amend.breach_probability = 1.0;
  amend.order_ended_probability = {0.0, 0.0, 0.0};
  amend.requirement_removed_probability = 1.0;
  amend.weeks_to_outcome = {2.0, 2.0};
  const EnforcementRun run = run_enforcement(SentenceType::community_order, amend, 200);
  ASSERT_GT(run.removals, 3);
  EXPECT_EQ(run.office_terminations, 0);  // the orders run on
  EXPECT_EQ(run.rejoins, 0);
  for (const Participant& p : run.participants) {
    ASSERT_EQ(p.state, ParticipantState::removed);
    ASSERT_NE(p.requirement_removed_day, kNoDay);
    // Read as a cohort on the day before the court and on the day itself: terminated, as "other", only
    // from the outcome day.
    const std::vector<Participant> one{p};
    const Day court = p.requirement_removed_day;
    const RequirementCohortStatus before = requirement_cohort_status(one, 0, 0, 400, court - 1);
    const RequirementCohortStatus on = requirement_cohort_status(one, 0, 0, 400, court);
    EXPECT_EQ(before.starters_order_ended, 0);
    EXPECT_EQ(on.starters_order_ended, 1);
    EXPECT_EQ(on.order_ended_other, 1);
  }
}
