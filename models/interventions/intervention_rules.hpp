#pragma once
// The scenario's `interventions` block: how domestic-abuse cases are routed to Building Better
// Relationships (BBR), structured interventions (SIs) or the Skills for Relationships Toolkit (SRT); how
// programme groups run; what facilitators and domestic abuse safety officers (DASOs) spend per session
// or contact; and demand management. docs/sources.md (INT-*, BBR-*, SI-*, SRT-*, VIC-*) and the gaps
// G-8..G-14, G-19, G-20, G-25. Absent, no interventions are simulated.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/case_attributes.hpp"
#include "caseload/priority_rule.hpp"
#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "core/share_sum.hpp"
#include "interventions/bbr_cohort_report.hpp"
#include "interventions/intervention_delivery.hpp"
#include "interventions/weeks_range.hpp"

namespace probsim {

// The Spousal Assault Risk Assessment level of a domestic-abuse case (docs/sources.md, G-20).
enum class SaraLevel : std::uint8_t { low, medium, high };
inline constexpr std::array<std::string_view, 3> kSaraLevelNames = {"low", "medium", "high"};
inline std::string_view to_string(SaraLevel v) {
  return name_of(v, kSaraLevelNames);
}

// The order a programme's waiting list is offered places in (G-13, INT-8, LV-14) is a PriorityRule
// (caseload/priority_rule.hpp), the rule practitioners' tasks follow. These are the named lists
// `interventions.bbr.priority` offers; `interventions.bbr.priority_order` gives the criteria directly.
// Ties always go to the earliest requirement, then the case id.
enum class WaitingListPriority : std::uint8_t {
  fifo,                 // earliest requirement first: [earliest_created]
  risk_then_order_end,  // higher RoSH first, then the earliest planned end of the order:
                        // [highest_rosh_first, earliest_due]
  order_end,            // earliest planned end of the order first: [earliest_due]
};
inline constexpr std::array<std::string_view, 3> kWaitingListPriorityNames = {"fifo", "risk_then_order_end",
                                                                              "order_end"};
[[nodiscard]] inline std::vector<PriorityCriterion> waiting_list_criteria(WaitingListPriority named) {
  switch (named) {
    case WaitingListPriority::fifo:
      return {PriorityCriterion::earliest_created};
    case WaitingListPriority::risk_then_order_end:
      return {PriorityCriterion::highest_rosh_first, PriorityCriterion::earliest_due};
    case WaitingListPriority::order_end:
      return {PriorityCriterion::earliest_due};
  }
  return {};
}

// The problems of a waiting list's criteria, keyed by their place in the list ("[1]"): a criterion that
// reads what no waiting-list entry has (applies_to_waiting_lists), or one listed twice.
[[nodiscard]] inline RuleProblems check_waiting_list_order(const std::vector<PriorityCriterion>& criteria) {
  RuleProblems problems;
  if (criteria.empty()) problems.push_back({"", "needs at least one criterion"});
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const std::string name(kPriorityCriterionNames[static_cast<std::size_t>(criteria[i])]);
    if (!applies_to_waiting_lists(criteria[i]))
      problems.push_back(
          {"[" + std::to_string(i) + "]",
           "'" + name + "' does not apply to a waiting list (its entries are neither tasks nor contacts)"});
    else if (std::find(criteria.begin(), criteria.begin() + static_cast<std::ptrdiff_t>(i), criteria[i]) !=
             criteria.begin() + static_cast<std::ptrdiff_t>(i))
      problems.push_back({"[" + std::to_string(i) + "]", "'" + name + "' is listed twice"});
  }
  return problems;
}

// Rolling groups take new members at the start of each module; closed groups start a cohort together
// and take nobody after (BBR-6, G-11).
enum class GroupFormat : std::uint8_t { rolling, closed };
inline constexpr std::array<std::string_view, 2> kGroupFormatNames = {"rolling", "closed"};

// Where someone removed from a closed group for missing sessions goes (BBR-6).
enum class AfterRemoval : std::uint8_t { waiting_list, exit };
inline constexpr std::array<std::string_view, 2> kAfterRemovalNames = {"waiting_list", "exit"};

// Where demand management sends people taken off the BBR list (INT-8, LV-15).
enum class DiversionRoute : std::uint8_t { structured_intervention, toolkit };
inline constexpr std::array<std::string_view, 2> kDiversionRouteNames = {"structured_intervention",
                                                                         "toolkit"};

// What follows a removal for missed sessions (BBR-5). Missing sessions without an acceptable reason is a
// failure to comply with the order or licence, breached with `breach_probability` (G-27, PUB-8). The breach
// is decided `weeks_to_outcome` after the removal (the breach laid, then the court or the recall): it ends
// the order with `order_ended_probability` of its sentence type (a community order revoked, a suspended
// sentence activated, a licence revoked by recall); otherwise the court amends the order, removing the
// programme requirement with `requirement_removed_probability` (the requirement terminated, "other" in
// BBRN-7), else leaving it. All 0 by default: a removal ends nothing.
struct RemovalEnforcement {
  double breach_probability = 0.0;
  std::array<double, kSentenceTypeNames.size()> order_ended_probability{};  // by SentenceType
  double requirement_removed_probability = 0.0;
  WeeksRange weeks_to_outcome{4.0, 12.0};
};

// A group programme: BBR, or one structured intervention (Stepwise, Positive Pathways Plus, Help).
struct ProgrammeRules {
  std::string name;
  int group_sessions = 24;  // BBR-3
  int individual_sessions =
      0;                      // BBR: 5, one before the group phase, one per module boundary, one after (G-10)
  int sessions_per_week = 2;  // 1 or 2 (BBR-4)
  int group_size_min = 6;     // a group starts with at least this many (G-8)
  int group_size_max = 12;    // PUB-9
  GroupFormat format = GroupFormat::rolling;
  int module_sessions = 6;  // rolling groups: group_sessions is a whole number of modules (G-11)
  // Each participant attends each group session with this probability (G-12).
  double attendance_probability = 0.94;
  // A participant is removed on missing one more than this many group sessions (BBR-5: "more than two").
  // A missed session within the allowance is caught up one-to-one (a facilitator's individual session),
  // so a completer has had every session's content.
  int missed_sessions_allowed = 2;
  // Rolling groups: how many times a removed participant may rejoin at the start of a later module,
  // keeping the credit of the modules completed (BBR-6). Closed groups: see closed_removed_to.
  int rolling_rejoins_allowed = 1;
  AfterRemoval closed_removed_to = AfterRemoval::waiting_list;
  RemovalEnforcement removal_enforcement;
  bool men_only = false;  // Help (SI-4)
  // G-13, 1.19: a man not yet started may not start while less than this many weeks of his order are left
  // (its planned end): he stays on the list. 0: no such rule (docs/validation/09-bbr-delivery.md §9.13).
  double min_order_weeks_left_to_start = 0.0;

  // Group sizes in order, and a rolling group of whole modules (keys of the programme's map; the
  // removal enforcement's weeks are checked by the Scenario, which knows its path).
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    if (group_size_min > group_size_max)
      problems.push_back({"group_size_min", "group_size_min (" + std::to_string(group_size_min) +
                                                ") must not exceed group_size_max (" +
                                                std::to_string(group_size_max) + ")"});
    if (format == GroupFormat::rolling && (module_sessions < 1 || group_sessions % module_sessions != 0))
      problems.push_back({"module_sessions", "a rolling group runs whole modules: group_sessions (" +
                                                 std::to_string(group_sessions) +
                                                 ") must be a multiple of module_sessions (" +
                                                 std::to_string(module_sessions) + ")"});
    return problems;
  }
};

// Facilitator time (G-9, BBR-15): each session's hours include preparation and write-up.
struct FacilitationRules {
  int facilitators_per_group_session = 2;
  double hours_per_group_session = 2.5;  // per facilitator
  double hours_per_individual_session = 2.5;
  // Share of a facilitator's contracted hours that never becomes sessions: supervision, counselling,
  // treatment-manager monitoring, travel, training (BBR-15) [Assume].
  double non_delivery_share = 0.2;
  // Scales the hours of every facilitator in post (G-16, LV-8): one setting for "x% more or fewer
  // facilitators" nationally, without editing each PDU's headcount. 1: the staff as listed.
  double facilitator_scale = 1.0;
};

// Who goes where (INT-5, G-19, G-20). Drawn once per case, from the case's own stream.
struct InterventionRouting {
  std::array<double, 3> sara_level_shares{0.10, 0.50, 0.40};  // domestic-abuse cases, by SaraLevel (G-20)
  // Of BBR-eligible cases (male, domestic abuse, SARA medium or high), the share whose order or licence
  // carries a BBR requirement or condition (G-19: national inflow ≈101 a week, CT-1).
  double bbr_requirement_share = 0.5;
  // Courts attach BBR only to an order or licence at least this long, so that the wait and the programme
  // fit inside it (1.19); an eligible man with a shorter one gets no requirement. 0: any length.
  double bbr_minimum_order_months = 0.0;
  // Of BBR requirements, the share delivered one-to-one by a facilitator instead of in a group (BBR-7).
  double bbr_one_to_one_share = 0.0;
  // Of domestic-abuse cases with SARA low, the shares referred to a structured intervention and to the
  // toolkit; the rest get neither (INT-5, INT-6).
  double sara_low_structured_intervention_share = 0.5;
  double sara_low_toolkit_share = 0.2;
  // Which structured intervention, by the order of `structured_interventions` (SI-6: Stepwise most).
  // Men-only programmes are skipped for women (the others' weights renormalised).
  std::vector<double> structured_intervention_mix;

  // Keys of `routing`: the SARA levels' shares and the structured-intervention mix are each of one
  // whole; the SARA-low shares leave the rest for neither.
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    add_problems(problems, "sara_level_shares", check_shares_sum_to_one(sara_level_shares));
    if (sara_low_structured_intervention_share + sara_low_toolkit_share > 1.0 + 1e-6)
      problems.push_back({"sara_low_toolkit_share",
                          "sara_low_structured_intervention_share + sara_low_toolkit_share must be at "
                          "most 1, found " +
                              describe_number(sara_low_structured_intervention_share) + " + " +
                              describe_number(sara_low_toolkit_share)});
    // Empty: no structured interventions, or a scenario built in C++ that routes to none.
    if (!structured_intervention_mix.empty())
      add_problems(problems, "structured_intervention_mix",
                   check_shares_sum_to_one(structured_intervention_mix));
    return problems;
  }
};

// Taking people off a long BBR list (INT-8, LV-15). Checked weekly; off unless a trigger is set.
struct DemandManagement {
  bool enabled = false;
  double divert_after_weeks_waiting = 0.0;  // 0: no waiting-time trigger
  int divert_when_list_longer_than = 0;     // 0: no list-length trigger (the longest waiters go first)
  std::array<bool, 4> divert_rosh{true, true, false, false};  // by RoshLevel: low and medium (INT-8)
  DiversionRoute divert_to = DiversionRoute::structured_intervention;
  std::size_t divert_to_programme = 0;  // index into structured_interventions, for that route
};

// Partner support (VIC-1..4, G-25): a BBR requirement refers the partner to the DASOs of the team's PDUs.
struct DasoRules {
  bool enabled = true;
  double hours_per_first_contact = 2.0;  // [Assume]
  double support_hours_per_week = 0.5;   // per partner engaged, while the man's requirement is open [Assume]
  double acceptance_at_sentence = 0.95;  // G-25
  double acceptance_after_6_months = 0.7;  // G-25; linear in between, flat after
  double non_delivery_share = 0.2;         // [Assume]
};

// The toolkit, delivered one-to-one by the case's own practitioner from their hours (SRT-1, SRT-2).
struct ToolkitRules {
  int sessions = 6;                     // SRT-2: no fixed count [Assume]
  double session_interval_weeks = 2.0;  // [Assume]
  double hours_per_session = 1.5;       // including preparation and recording [Assume]
};

// The BBR waiting list at the start of a warm-started run (G-21): warm-start cases whose BBR requirement
// was made within the last `waiting_list_max_weeks` are waiting, each with probability `waiting_share`,
// their wait counted from the requirement. Older requirements are taken as settled before the run
// (started, completed or ended): they are not counted and hold no places.
struct InterventionsWarmStart {
  double waiting_list_max_weeks = 0.0;
  double waiting_share = 1.0;
};

// Which structured intervention's list gets the facilitator hours BBR leaves
// (docs/validation/09-bbr-delivery.md §9.16): first come, first served across the lists (LV-14), or the order
// the scenario lists the programmes (the model before session 12; no source gives it).
enum class StructuredInterventionGroups : std::uint8_t { longest_waiting_first, file_order };

struct InterventionRules {
  bool enabled = false;
  InterventionsWarmStart warm_start;
  BbrCohortReport cohort_report;
  // The same dates for the structured interventions (CT-6, SI-6: referrals and completions
  // 1 April 2022 - 13 February 2023), reported as the si_cohort_* KPIs (sim/output/si_cohort_kpis.hpp).
  BbrCohortReport si_cohort_report;
  InterventionRouting routing;
  // From the requirement (the start of the order) to being ready for a place: paperwork, suitability,
  // induction (BBR-9, G-14). Drawn per case.
  WeeksRange readiness{2.0, 4.0};
  // The BBR waiting list's order (`bbr.priority` or `bbr.priority_order`); criteria that read what a
  // waiting-list entry has (applies_to_waiting_lists).
  std::vector<PriorityCriterion> bbr_priority_order =
      waiting_list_criteria(WaitingListPriority::risk_then_order_end);
  ProgrammeRules bbr;
  std::vector<ProgrammeRules> structured_interventions;  // SIs are run FIFO ([earliest_created])
  StructuredInterventionGroups structured_intervention_groups =
      StructuredInterventionGroups::longest_waiting_first;
  FacilitationRules facilitation;
  DemandManagement demand_management;
  InterventionDelivery delivery;  // between recorded start and recorded completion (issue 18)
  DasoRules daso;
  ToolkitRules toolkit;

  // Every part's own check and the rules between parts (keys of `interventions`); the cohort reports'
  // dates against the report `window`. Checked whether or not interventions run, except the routing
  // targets (a default share to structured interventions needs none while nothing is referred).
  [[nodiscard]] RuleProblems check(const SimulationWindow& window) const;
  // Routing that refers cases to programmes these rules do not have (keys of `interventions`).
  [[nodiscard]] RuleProblems check_routing_targets() const;
};

// An interventions team: it holds the waiting lists of the PDUs it serves and runs their groups with the
// facilitators (and supports partners with the DASOs) in post in those PDUs.
struct InterventionsTeamSpec {
  std::string name;
  std::vector<std::size_t> pdus;  // scenario-order indices of the PDUs served
};

}  // namespace probsim
