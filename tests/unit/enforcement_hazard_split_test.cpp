// The split of issue 24 item 2 (docs/validation/11-national-standards.md §11.3): a breach-driven hazard taken
// out and the enforcement process switched on. Paired under common random numbers (one seed, the same men),
// the BBR men's order endings by breach (revocation on breach, SSO activation, licence recall) then come from
// the enforcement path and from nowhere else, and every other ending is the one the hazards gave.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "config/scenario_loader.hpp"
#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

const CalendarDate kMonday{2024, 1, 8};  // day 0
constexpr Day kLastDay = 400;
constexpr double kOtherHazardPerYear = 0.3;   // revocation, kept as a hazard in every run
constexpr double kBreachHazardPerYear = 1.0;  // the breach-driven hazard, before the split

struct SplitRun {
  std::map<CaseId, TerminationReason> ended;  // BBR men whose order ended early, by reason
  std::int64_t bbr_men = 0;
  std::int64_t court_endings = 0;  // the court's decisions that ended an order
  std::int64_t appointments = 0;
};

// One PDU of men with a BBR requirement (all on the list: no facilitator, nobody starts), referred in
// January on 24-month orders of `type`, weekly 1-hour contacts from one PO. `breach_hazard`: the
// type's breach-driven hazard is on; `enforcement`: a missed appointment (10%) is judged unacceptable
// and acted on, a warning then breach action, and the court ends the order 2 weeks later.
SplitRun run_split(SentenceType type, bool breach_hazard, bool enforcement) {
  InterventionRules rules;
  rules.enabled = true;
  rules.routing.sara_level_shares = {0.0, 0.0, 1.0};
  rules.routing.bbr_requirement_share = 1.0;
  rules.readiness = {0.0, 0.0};
  rules.daso.enabled = false;
  CaseloadRules caseload = fixtures::fixed_length_rules(24.0);
  std::array<double, 3> mix{};
  mix[static_cast<std::size_t>(type)] = 1.0;
  caseload.case_mix.sentence_type = WeightedChoice({mix[0], mix[1], mix[2]});
  caseload.case_mix.domestic_abuse_share = 1.0;
  caseload.case_mix.male_share = 1.0;
  auto& hazards = caseload.early_termination.per_year[static_cast<std::size_t>(type)];
  hazards[static_cast<std::size_t>(TerminationReason::revocation) - 1] = kOtherHazardPerYear;
  const TerminationReason on_breach = termination_on_breach(type);
  if (on_breach != TerminationReason::revocation)
    hazards[static_cast<std::size_t>(on_breach) - 1] = breach_hazard ? kBreachHazardPerYear : 0.0;
  else
    ADD_FAILURE() << "a breach never ends an order as a plain revocation";

  EnforcementRules e;
  e.enabled = enforcement;
  e.missed_unacceptable_share = {0.1, 0.1, 0.1};
  e.unacceptable_judged_share = 1.0;
  e.unacceptable_failures_to_breach = 2;
  e.absence_judgement_hours = 0.25;
  e.breach_action_hours = 3.0;
  e.breach_action_due_working_days = 10;
  e.order_ended_share = {1.0, 1.0, 1.0};
  e.decision_lag_weeks = {2.0, 2.0, 2.0};
  SentenceManagementRules& sm = caseload.sentence_management;
  sm.enabled = true;
  sm.contacts.hours_face_to_face = 1.0;
  sm.contacts.face_to_face_share = 1.0;
  for (auto& steps : sm.contacts.schedule_by_rosh) steps = {ContactScheduleStep{1e9, 1.0}};
  sm.enforcement = e;

  ReferralRate january_only;
  january_only.per_week = 3.0;
  january_only.seasonality_multiplier = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const WorkingCalendar calendar(kMonday);
  std::vector<Practitioner> staff{fixtures::practitioner(Grade::po, caseload.workload)};
  PduOffice office(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(january_only, kMonday, 0, 0, 7), 7,
                   std::move(staff), calendar, kLastDay);
  InterventionsTeam team("Team", rules, std::vector<PduOffice*>{&office}, std::vector<std::size_t>{0},
                         calendar, 7);
  office.set_interventions(&team, 0);
  for (Day d = 0; d <= kLastDay; ++d) {
    office.run_day(d);
    team.run_day(d);
  }
  SplitRun run;
  for (const Participant& p : team.participants()) {
    run.bbr_men += 1;
    if (p.order_ended && p.end_reason != TerminationReason::sentence_end) run.ended[p.case_id] = p.end_reason;
  }
  const EnforcementCounters& n = office.casework().enforcement().counters();
  run.court_endings = n.court_outcomes[static_cast<std::size_t>(ending_outcome(type))];
  run.appointments = n.appointments();
  return run;
}

std::int64_t count(const SplitRun& run, TerminationReason reason) {
  std::int64_t n = 0;
  for (const auto& [id, r] : run.ended) n += r == reason ? 1 : 0;
  return n;
}

class HazardSplit : public ::testing::TestWithParam<SentenceType> {};

}  // namespace

TEST_P(HazardSplit, BbrMensEndingsByBreachComeFromTheEnforcementPathAndTheRestAreTheHazards) {
  const SentenceType type = GetParam();
  const TerminationReason on_breach = termination_on_breach(type);
  const SplitRun hazards = run_split(type, /*breach_hazard=*/true, /*enforcement=*/false);
  const SplitRun split = run_split(type, /*breach_hazard=*/false, /*enforcement=*/true);
  const SplitRun neither = run_split(type, /*breach_hazard=*/false, /*enforcement=*/false);

  // The same men in all three runs (the referrals and the case draws share the seed).
  ASSERT_GT(split.bbr_men, 20);
  EXPECT_EQ(split.bbr_men, hazards.bbr_men);
  EXPECT_EQ(split.bbr_men, neither.bbr_men);

  // Before the split the breach endings are the hazard's, with no appointment held.
  EXPECT_EQ(hazards.appointments, 0);
  EXPECT_GT(count(hazards, on_breach), 5);
  // With the hazard out and enforcement off, no man's order ends by breach ...
  EXPECT_EQ(count(neither, on_breach), 0);
  // ... so with the split every one that does comes from a court's decision on a breach.
  const std::int64_t split_by_breach = count(split, on_breach);
  EXPECT_GT(split_by_breach, 5);
  EXPECT_EQ(split_by_breach, split.court_endings);
  std::printf("%s: %lld BBR men; ended by breach: %lld by the hazard, %lld by the court\n",
              std::string(kSentenceTypeNames[static_cast<std::size_t>(type)]).c_str(),
              static_cast<long long>(split.bbr_men), static_cast<long long>(count(hazards, on_breach)),
              static_cast<long long>(split_by_breach));

  // Common random numbers: the kept hazard draws the same day for the same man, so each man ends in
  // the split run as without the breach path, unless the enforcement path ended his order first.
  for (const auto& [id, reason] : split.ended) {
    if (reason == on_breach) continue;
    const auto before = neither.ended.find(id);
    ASSERT_NE(before, neither.ended.end()) << "case " << id;
    EXPECT_EQ(before->second, reason);
  }
  for (const auto& [id, reason] : neither.ended) {
    const auto after = split.ended.find(id);
    ASSERT_NE(after, split.ended.end()) << "case " << id << " ended in one run only";
    EXPECT_TRUE(after->second == reason || after->second == on_breach);
  }
}

INSTANTIATE_TEST_SUITE_P(EachSentenceType, HazardSplit,
                         ::testing::Values(SentenceType::community_order,
                                           SentenceType::suspended_sentence_order, SentenceType::licence),
                         [](const auto& info) {
                           return std::string(kSentenceTypeNames[static_cast<std::size_t>(info.param)]);
                         });

// The shipped split (scenarios/england_wales_2022_enforcement.yaml, docs/validation/11-national-standards.md
// §11.3) loads with the hazards' breach-driven parts removed and enforcement on; the baseline it extends
// keeps its hazards.
TEST(HazardSplit, TheNationalSplitScenarioTakesOutTheBreachDrivenHazardsAndTurnsEnforcementOn) {
  const std::string dir = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/";
  Diagnostics diagnostics;
  auto split = load_scenario(dir + "england_wales_2022_enforcement.yaml", {}, diagnostics);
  auto base = load_scenario(dir + "england_wales_2022.yaml", {}, diagnostics);
  ASSERT_TRUE(split && base) << diagnostics.describe();
  const auto hazard = [](const Scenario& s, SentenceType type, TerminationReason reason) {
    return s.caseload.early_termination.hazard_per_year(type, reason);
  };
  using enum SentenceType;
  EXPECT_DOUBLE_EQ(hazard(base->scenario, community_order, TerminationReason::breach), 0.04);
  EXPECT_DOUBLE_EQ(hazard(split->scenario, community_order, TerminationReason::breach), 0.0);
  EXPECT_DOUBLE_EQ(hazard(split->scenario, community_order, TerminationReason::revocation), 0.10);
  EXPECT_DOUBLE_EQ(hazard(base->scenario, suspended_sentence_order, TerminationReason::activation), 0.08);
  EXPECT_DOUBLE_EQ(hazard(split->scenario, suspended_sentence_order, TerminationReason::activation), 0.04);
  EXPECT_DOUBLE_EQ(hazard(base->scenario, licence, TerminationReason::recall), 0.20);
  EXPECT_DOUBLE_EQ(hazard(split->scenario, licence, TerminationReason::recall), 0.10);
  EXPECT_FALSE(base->scenario.caseload.sentence_management.enforcement.enabled);
  const EnforcementRules& e = split->scenario.caseload.sentence_management.enforcement;
  EXPECT_TRUE(e.enabled);
  // The mean shares derived with poor attenders (§11.8: 30%, 3 times the mean).
  EXPECT_EQ(e.missed_unacceptable_share, (std::array<double, 3>{0.0167, 0.0105, 0.0235}));
  EXPECT_DOUBLE_EQ(e.poor_attenders.share, 0.3);
  EXPECT_DOUBLE_EQ(e.poor_attenders.unacceptable_multiplier, 3.0);
  EXPECT_DOUBLE_EQ(e.unacceptable_judged_share, 0.7);
  EXPECT_EQ(e.order_ended_share, (std::array<double, 3>{0.5, 1.0, 0.9}));
  EXPECT_EQ(e.continued_extension_weeks, (std::array<double, 3>{0.0, 0.0, 0.0}));
  // Its warm start carries enforcement state (§11.5): the stock survived the replaced hazard parts.
  EXPECT_TRUE(e.warm_start.enabled);
  EXPECT_EQ(e.warm_start.breach_endings_per_year, (std::array<double, 3>{0.04, 0.04, 0.10}));
  EXPECT_DOUBLE_EQ(e.warm_start.contacts_delivered_share, 0.89);
  EXPECT_FALSE(base->scenario.caseload.sentence_management.enforcement.warm_start.enabled);
}
