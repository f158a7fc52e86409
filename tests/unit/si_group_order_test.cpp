// Which structured intervention gets the facilitator hours BBR leaves (`structured_intervention_groups`,
// docs/validation/09-bbr-delivery.md §9.16): first come, first served across the team's SI lists, or the
// order the scenario lists them. Men are put on the lists directly (as a snapshot would), so the test fixes
// who waits since when.

#include <gtest/gtest.h>

#include <deque>
#include <string>

#include "interventions/interventions_team.hpp"
#include "unit/interventions_harness.hpp"

using namespace probsim;

namespace {

ProgrammeRules pairs_programme(const std::string& name) {
  ProgrammeRules p;
  p.name = name;
  p.group_sessions = 10;
  p.sessions_per_week = 1;
  p.format = GroupFormat::closed;
  p.group_size_min = 2;
  p.group_size_max = 2;
  p.attendance_probability = 1.0;
  return p;
}

// Three SIs listed first, second, third; one facilitator whose week holds one group of 20 hours and not
// two.
InterventionRules three_sis(StructuredInterventionGroups order) {
  InterventionRules rules = deterministic_rules();
  rules.structured_interventions = {pairs_programme("first"), pairs_programme("second"),
                                    pairs_programme("third")};
  rules.routing.structured_intervention_mix = {1.0, 0.0, 0.0};
  rules.facilitation.facilitators_per_group_session = 1;
  rules.facilitation.hours_per_group_session = 20.0;
  rules.structured_intervention_groups = order;
  return rules;
}

struct Lists {
  std::deque<Case> cases;  // the team keeps pointers to them
  std::vector<InterventionsTeam::ImportedSi> records;
  // A man waiting for programme `programme` (1 = first) since `requirement_day`.
  CaseId add(std::uint32_t programme, Day requirement_day) {
    Case& c = cases.emplace_back();
    c.id = make_case_id(0, requirement_day + 1000, static_cast<std::uint32_t>(cases.size()));
    c.referral_day = requirement_day;
    c.sentence_length_days = 730;
    c.end_day = requirement_day + 730;
    c.rosh = RoshLevel::medium;
    c.domestic_abuse_flag = true;
    c.sex = Sex::male;
    InterventionsTeam::ImportedSi r;
    r.case_slot = static_cast<std::uint32_t>(cases.size() - 1);
    r.c = &c;
    r.draw_key = c.id;
    r.record.programme = programme;
    r.record.status = SnapshotSiStatus::waiting;
    r.record.requirement_day = requirement_day;
    records.push_back(r);
    return c.id;
  }
};

struct Started {
  std::vector<CaseId> first, second, third;
};

// first: two men since days -10 and -9; second: two since -20 and -19; third: one since -30, too few
// for a group. The review of day 0 opens one group.
Started day_zero_starts(StructuredInterventionGroups order) {
  Harness h(three_sis(order));
  Lists lists;
  const CaseId f1 = lists.add(1, -10), f2 = lists.add(1, -9);
  const CaseId s1 = lists.add(2, -20), s2 = lists.add(2, -19);
  const CaseId t1 = lists.add(3, -30);
  h.team->import_si(lists.records, 0);
  h.run_through(0);
  Started started;
  for (CaseId id : {f1, f2})
    if (!h.days_of(InterventionEvent::Kind::start, id).empty()) started.first.push_back(id);
  for (CaseId id : {s1, s2})
    if (!h.days_of(InterventionEvent::Kind::start, id).empty()) started.second.push_back(id);
  if (!h.days_of(InterventionEvent::Kind::start, t1).empty()) started.third.push_back(t1);
  return started;
}

}  // namespace

// The man next in line on "second" has waited 10 days longer than first's; third's has waited longest
// but cannot make a group alone.
TEST(StructuredInterventionGroups, TheHoursGoToTheListWhoseManNextInLineHasWaitedLongest) {
  const Started s = day_zero_starts(StructuredInterventionGroups::longest_waiting_first);
  EXPECT_EQ(s.second.size(), 2U);
  EXPECT_TRUE(s.first.empty());
  EXPECT_TRUE(s.third.empty());
}

// The model before session 12: the programme listed first takes the hours, whoever has waited longest.
TEST(StructuredInterventionGroups, FileOrderGivesTheHoursToTheProgrammeListedFirst) {
  const Started s = day_zero_starts(StructuredInterventionGroups::file_order);
  EXPECT_EQ(s.first.size(), 2U);
  EXPECT_TRUE(s.second.empty());
  EXPECT_TRUE(s.third.empty());
}
