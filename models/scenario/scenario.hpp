#pragma once
// A scenario, typed and validated. The YAML loader (sim/config) is the only code that reads scenario
// files; everything downstream reads this struct.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "caseload/referral_process.hpp"
#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "core/simulation_window.hpp"
#include "interventions/intervention_rules.hpp"
#include "office/caseload_rules.hpp"
#include "scenario/snapshot.hpp"
#include "workforce/grade.hpp"
#include "workforce/new_staff.hpp"
#include "workforce/staffing_plan.hpp"
#include "workforce/workforce_rules.hpp"

namespace probsim {

// Staff of one grade in post in a PDU at the report start: `headcount` people like `person`.
struct StaffGroup {
  NewStaffMember person;
  int headcount = 0;
};

struct PduSpec {
  std::string name;
  ReferralRate referrals;
  std::vector<StaffGroup> staff;
  // Required FTE by grade. When the scenario gives none, the staff in post at the start.
  PerGrade<double> establishment_fte{};
  // Another PDU (index in scenario order) whose random draws this one shares: the same people referred
  // and the same staff events, so the two differ only by what the scenario sets differently.
  std::optional<std::size_t> paired_with;
  // Its own case mix (`case_mix` under the PDU or its region, over the national one); none: the
  // scenario's `case_mix`.
  std::optional<CaseMix> case_mix;
};

struct RegionSpec {
  std::string name;
  std::vector<PduSpec> pdus;
};

struct Scenario {
  std::string name;
  std::string description;
  SimulationWindow window;
  CaseloadRules caseload;
  WorkforceRules workforce;
  StaffingPlan staffing_plan;
  std::vector<RegionSpec> regions;
  // Programmes, the toolkit and partner support (`interventions`); off unless configured.
  InterventionRules interventions;
  // Who runs them (`interventions_teams`). When the scenario has interventions but names no team, the
  // loader makes one team per region serving all its PDUs.
  std::vector<InterventionsTeamSpec> interventions_teams;
  // Days that are not working days although they are weekdays (`calendar.bank_holidays`).
  std::vector<CalendarDate> bank_holidays;
  // Whether the scenario lists them at all: an empty list given is warned of, no `calendar` block is not.
  bool bank_holidays_given = false;
  // warm_start: snapshot: the two CSVs, and what the loader read from them (shared, never changed).
  std::optional<SnapshotFiles> snapshot_files;
  std::shared_ptr<const RegionSnapshot> snapshot;

  [[nodiscard]] std::size_t pdu_count() const {
    std::size_t n = 0;
    for (const auto& region : regions) n += region.pdus.size();
    return n;
  }
  // The PDU at `index` in scenario order (over all regions).
  [[nodiscard]] PduSpec& pdu_at(std::size_t index) {
    for (auto& region : regions) {
      if (index < region.pdus.size()) return region.pdus[index];
      index -= region.pdus.size();
    }
    throw std::out_of_range("no PDU at that index");
  }
  [[nodiscard]] const PduSpec& pdu_at(std::size_t index) const {
    return const_cast<Scenario*>(this)->pdu_at(index);
  }
  // Every PDU's name, in scenario order (the index a RagOverride holds).
  [[nodiscard]] std::vector<std::string> pdu_names() const;

  // The case mix new cases of a PDU are drawn from: its own, else the scenario's.
  [[nodiscard]] const CaseMix& case_mix_of(const PduSpec& pdu) const {
    return pdu.case_mix ? *pdu.case_mix : caseload.case_mix;
  }

  // The longest a case can last: how far back the warm-start pre-history must look.
  [[nodiscard]] Day longest_sentence_days() const;

  // Every rule struct's own check(), with keys as full paths of the scenario file
  // ("prioritisation.workload_pct_red_above"), and the checks between blocks. The loader reports these
  // at file:line:key as it reads; ProbationService refuses a scenario with any, so rules built in C++
  // are held to the same checks.
  [[nodiscard]] RuleProblems check() const;
};

}  // namespace probsim
