// Reallocation when staff leave (pdu_office.hpp invariants): every open case is held by exactly one
// practitioner in post of a case-holding grade, or waits unallocated; each practitioner's caseload and
// case points are the sums over the cases pointing to them; no case points to a vacant slot; and each
// time a case's practitioner leaves, the case counts exactly one change of practitioner (when it is
// next allocated).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "unit/model_run.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;
using probsim::testing::load_scenario_file;
using probsim::testing::ModelRun;

namespace {

void expect_every_case_held_exactly_once(const PduOffice& office, const CaseloadRules& rules,
                                         const std::string& when) {
  const auto staff = office.staff();
  std::vector<std::int64_t> cases(staff.size(), 0);
  std::vector<double> points(staff.size(), 0.0);
  std::int64_t waiting = 0, open = 0;
  office.for_each_open_case([&](const Case& c) {
    ++open;
    if (c.practitioner == kUnallocated) {
      ++waiting;
      return;
    }
    ASSERT_GE(c.practitioner, 0);
    ASSERT_LT(static_cast<std::size_t>(c.practitioner), staff.size());
    const Practitioner& holder = staff[static_cast<std::size_t>(c.practitioner)];
    ASSERT_TRUE(holder.in_post) << "case " << c.id << " points to the vacant slot of " << holder.name << " "
                                << when;
    ASSERT_TRUE(holds_cases(holder.grade)) << holder.name << " " << when;
    ASSERT_TRUE(rules.allocation.allows(c.rosh, holder.grade)) << holder.name << " " << when;
    cases[static_cast<std::size_t>(c.practitioner)] += 1;
    points[static_cast<std::size_t>(c.practitioner)] += rules.workload.case_points(c);
  });
  ASSERT_EQ(open, office.caseload()) << when;
  ASSERT_EQ(waiting, office.unallocated()) << office.name() << " " << when;
  for (std::size_t i = 0; i < staff.size(); ++i) {
    ASSERT_EQ(staff[i].caseload, cases[i]) << staff[i].name << " " << when;
    ASSERT_NEAR(staff[i].case_points_per_week, points[i], 1e-6) << staff[i].name << " " << when;
    if (!staff[i].in_post) {
      ASSERT_EQ(staff[i].case_points_per_week, 0.0) << staff[i].name << " " << when;
    }
  }
}

// The allocations an office reports, in order, for one step of the day.
class AllocationLog final : public CaseEventSink {
 public:
  struct Allocation {
    CaseId id;
    std::string practitioner;
  };
  void record(Day, CaseEvent event, const Case& c, std::string_view, std::string_view practitioner) override {
    if (event == CaseEvent::allocated) allocations.push_back({c.id, std::string(practitioner)});
  }
  std::vector<Allocation> allocations;
};

// A case's holder by staff id (names are what the event log gives; ids are what identify a person).
constexpr StaffId kNobody = ~StaffId{0};

StaffId holder_id(const PduOffice& office, const Case& c) {
  return c.practitioner == kUnallocated ? kNobody
                                        : office.staff()[static_cast<std::size_t>(c.practitioner)].id;
}

PduOffice make_office(const CaseloadRules& rules, double per_week, std::vector<Practitioner> staff) {
  ReferralRate rate;
  rate.per_week = per_week;
  return PduOffice(PduIdentity{0, 0, "Test PDU"}, rules,
                   ReferralProcess(rate, CalendarDate{2022, 1, 3}, 0, 0, 5), 5, std::move(staff),
                   WorkingCalendar(CalendarDate{2022, 1, 3}));
}

}  // namespace

// Two years of the all-flows scenario (tests/scenarios/workforce_flows.yaml), audited after the staff
// events and after the casework of every day. Each allocation the office reports during the staff
// events must take a case from someone who left that day, and adds exactly one change of practitioner;
// a case whose practitioner left and who waits carries the change to its next allocation.
TEST(Reallocation, EveryCaseIsHeldByOnePractitionerInPostOrWaitsEveryDay) {
  ModelRun run(load_scenario_file("tests/scenarios/workforce_flows.yaml"));
  const CaseloadRules& rules = run.scenario().caseload;
  const std::size_t offices = run.office_count();
  std::vector<AllocationLog> logs(offices);
  std::vector<std::unordered_map<CaseId, std::int64_t>> orphaned(offices);  // times its practitioner left
  std::vector<std::int64_t> reallocations_before(offices);
  std::int64_t orphanings = 0, left_waiting = 0, moved_twice_in_a_day = 0;
  for (std::size_t i = 0; i < offices; ++i) {
    run.office(i).set_event_sink(&logs[i]);
    reallocations_before[i] = run.office(i).counters().reallocations;
    expect_every_case_held_exactly_once(run.office(i), rules, "after the warm start");
  }
  for (Day day = 0; day <= run.scenario().window.last_day(); ++day) {
    // Who holds each case, and its changes, before the day; and who is who.
    std::vector<std::unordered_map<CaseId, std::pair<StaffId, std::uint16_t>>> before(offices);
    std::vector<std::unordered_map<std::string, StaffId>> id_of(offices);
    for (std::size_t i = 0; i < offices; ++i) {
      const PduOffice& office = run.office(i);
      before[i].reserve(static_cast<std::size_t>(office.caseload()));
      office.for_each_open_case([&](const Case& c) {
        before[i][c.id] = {holder_id(office, c), c.practitioner_changes};
      });
      for (const Practitioner& p : office.staff()) id_of[i][p.name] = p.id;
      logs[i].allocations.clear();
    }
    run.run_staff_events();
    for (std::size_t i = 0; i < offices; ++i) {
      const PduOffice& office = run.office(i);
      const std::string when = office.name() + ", after the staff events of day " + std::to_string(day);
      expect_every_case_held_exactly_once(office, rules, when);
      // Holders a case may be taken from: none. Those it may: leavers, and (reallocate_cases_when_long_term,
      // the default) anyone who went on long-term sick leave.
      std::unordered_set<StaffId> in_post;
      for (const Practitioner& p : office.staff()) {
        id_of[i][p.name] = p.id;  // and today's recruits
        if (p.in_post && !p.long_term_sick) in_post.insert(p.id);
      }
      // Follow each reallocated case from holder to holder through the day's leavers.
      std::unordered_map<CaseId, StaffId> holder;
      std::unordered_map<CaseId, int> moves;
      for (const auto& allocation : logs[i].allocations) {
        const auto was = before[i].find(allocation.id);
        ASSERT_NE(was, before[i].end()) << "no case opens during the staff events; " << when;
        const StaffId previous = holder.count(allocation.id) ? holder[allocation.id] : was->second.first;
        ASSERT_NE(previous, kNobody) << "a waiting case is retried only in the casework; " << when;
        ASSERT_FALSE(in_post.count(previous))
            << "case " << allocation.id << " taken from someone still in post and at work; " << when;
        ASSERT_TRUE(id_of[i].count(allocation.practitioner)) << allocation.practitioner;
        holder[allocation.id] = id_of[i][allocation.practitioner];
        moves[allocation.id] += 1;
      }
      office.for_each_open_case([&](const Case& c) {
        const auto& [was_holder, was_changes] = before[i].at(c.id);
        const auto moved_entry = moves.find(c.id);
        const int moved = moved_entry == moves.end() ? 0 : moved_entry->second;
        const StaffId last_holder = moved ? holder[c.id] : was_holder;
        ASSERT_EQ(c.practitioner_changes, was_changes + moved) << "case " << c.id << "; " << when;
        // Its practitioner left `moved` times, and once more if it now waits for a new one.
        const bool orphaned_and_waiting = c.practitioner == kUnallocated && last_holder != kNobody;
        if (orphaned_and_waiting) {
          ASSERT_FALSE(in_post.count(last_holder)) << "case " << c.id << "; " << when;
        } else {
          ASSERT_EQ(holder_id(office, c), last_holder) << "case " << c.id << " moved; " << when;
        }
        const int left = moved + (orphaned_and_waiting ? 1 : 0);
        if (left > 0) orphaned[i][c.id] += left;
        orphanings += left;
        left_waiting += orphaned_and_waiting ? 1 : 0;
        moved_twice_in_a_day += moved > 1 ? 1 : 0;
      });
    }
    for (auto& log : logs) log.allocations.clear();
    run.run_casework();
    for (std::size_t i = 0; i < offices; ++i) {
      const PduOffice& office = run.office(i);
      const std::string when = office.name() + ", after the casework of day " + std::to_string(day);
      expect_every_case_held_exactly_once(office, rules, when);
      // A case's changes of practitioner are the times its practitioner left, less one while it waits.
      office.for_each_open_case([&](const Case& c) {
        const auto found = orphaned[i].find(c.id);
        const std::int64_t left = found == orphaned[i].end() ? 0 : found->second;
        const std::int64_t expected =
            c.practitioner != kUnallocated ? left : std::max<std::int64_t>(0, left - 1);
        ASSERT_EQ(c.practitioner_changes, expected) << "case " << c.id << "; " << when;
      });
    }
  }
  std::int64_t reallocations = 0;
  for (std::size_t i = 0; i < offices; ++i) {
    reallocations += run.office(i).counters().reallocations - reallocations_before[i];
    run.office(i).set_event_sink(nullptr);
  }
  EXPECT_EQ(reallocations, orphanings) << "the reallocations counter counts each orphaned case once";
  EXPECT_GT(orphanings, 200) << "leavers held cases, so reallocation was exercised";
  EXPECT_GT(moved_twice_in_a_day, 0) << "two holders of a case left on one day";
  std::cout << "cases whose practitioner left: " << orphanings << ", of which left waiting " << left_waiting
            << ", moved twice in a day " << moved_twice_in_a_day << "\n";
}

TEST(Reallocation, ALeaversCasesGoToColleaguesEachCountingOneChange) {
  CaseloadRules rules = fixtures::fixed_length_rules(12.0);
  rules.case_mix.rosh = WeightedChoice({0.0, 0.5, 0.5, 0.0});  // medium (PO or PSO) and high (PO only)
  PduOffice office = make_office(
      rules, 20,
      {fixtures::practitioner(Grade::po, rules.workload), fixtures::practitioner(Grade::po, rules.workload),
       fixtures::practitioner(Grade::pso, rules.workload)});
  for (Day day = 0; day < 60; ++day) office.run_day(day);
  std::map<CaseId, std::uint16_t> leavers_cases;
  office.for_each_open_case([&](const Case& c) {
    if (c.practitioner == 0) leavers_cases[c.id] = c.practitioner_changes;
  });
  ASSERT_GT(leavers_cases.size(), 20u);
  const std::int64_t reallocations = office.counters().reallocations;

  office.remove(0, 60);
  EXPECT_FALSE(office.staff()[0].in_post);
  EXPECT_EQ(office.staff()[0].caseload, 0);
  EXPECT_EQ(office.counters().reallocations - reallocations, static_cast<std::int64_t>(leavers_cases.size()));
  EXPECT_EQ(office.unallocated(), 0);  // the other PO can take the high-RoSH ones
  office.for_each_open_case([&](const Case& c) {
    ASSERT_NE(c.practitioner, 0);
    const auto found = leavers_cases.find(c.id);
    if (found == leavers_cases.end()) return;
    EXPECT_EQ(c.practitioner_changes, found->second + 1) << c.id;
    if (c.rosh == RoshLevel::high) {
      EXPECT_EQ(c.practitioner, 1);
    }
  });
  expect_every_case_held_exactly_once(office, rules, "after the PO left");
  EXPECT_EQ(at(office.staff_counters().left, Grade::po).headcount, 1);
}

TEST(Reallocation, CasesNobodyMayHoldWaitAndCountOneChangeWhenARecruitTakesThem) {
  CaseloadRules rules = fixtures::fixed_length_rules(12.0);
  rules.case_mix.rosh = WeightedChoice({0.0, 0.0, 1.0, 0.0});  // all high RoSH: POs only
  PduOffice office = make_office(rules, 10,
                                 {fixtures::practitioner(Grade::po, rules.workload),
                                  fixtures::practitioner(Grade::pso, rules.workload)});
  for (Day day = 0; day < 30; ++day) office.run_day(day);
  const std::int64_t held = office.staff()[0].caseload;
  ASSERT_GT(held, 10);
  ASSERT_EQ(office.unallocated(), 0);

  office.remove(0, 30);  // the only PO leaves
  EXPECT_EQ(office.unallocated(), held);
  office.for_each_open_case([](const Case& c) {
    EXPECT_EQ(c.practitioner, kUnallocated);
    EXPECT_EQ(c.practitioner_changes, 0) << "no new practitioner yet";
  });
  expect_every_case_held_exactly_once(office, rules, "after the only PO left");
  for (Day day = 30; day < 35; ++day) office.run_day(day);  // still nobody may hold them
  EXPECT_GE(office.unallocated(), held);
  expect_every_case_held_exactly_once(office, rules, "with no PO");

  // A new PO joins into the vacant slot; the waiting cases go to them in the next day's casework. Cases
  // that were held before count one change; cases referred while nobody could hold them count none.
  const PractitionerIndex recruit = office.hire(fixtures::practitioner(Grade::po, rules.workload));
  EXPECT_EQ(recruit, 0) << "the lowest vacant slot";
  office.run_day(35);
  EXPECT_EQ(office.unallocated(), 0);
  std::int64_t changed = 0;
  office.for_each_open_case([&](const Case& c) {
    EXPECT_EQ(c.practitioner, recruit);
    EXPECT_EQ(c.practitioner_changes, c.referral_day < 30 ? 1 : 0) << c.id;
    changed += c.practitioner_changes;
  });
  EXPECT_EQ(changed, held);
  expect_every_case_held_exactly_once(office, rules, "after the recruit started");
}
