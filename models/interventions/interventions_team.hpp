#pragma once
// An interventions team (docs/sources.md "Organisation", "Case pathway"): the waiting lists
// of the PDUs it serves, the groups it runs with the facilitators in post in those PDUs, the partner
// support its DASOs give, and the toolkit courses it asks practitioners to deliver.
//
// The offices tell it when a case starts (routing: BBR requirement, structured intervention, toolkit)
// and ends (whatever the person was doing ends with the order). Each day, after the offices' work, the
// engine calls run_day(): people become ready, the weekly review (the first working day of the week)
// measures facilitator capacity, diverts by demand management and starts groups, sessions are held on
// the groups' weekdays, and DASOs make first contacts.
//
// Capacity (G-9): a group reserves, while it runs, the facilitator hours a week its sessions need at
// full size (group sessions, and individual sessions and expected catch-ups spread over the programme).
// A group starts only if the reservations fit in the week's facilitator hours, so starts never outrun
// the facilitators; individual sessions are covered in expectation, not session by session.
//
// The team is composed by concept: facilitator capacity (FacilitatorCapacity, facilitator_capacity.hpp),
// partner support (PartnerSupport, partner_support.hpp) and the toolkit (ToolkitDelivery,
// toolkit_delivery.hpp) are parts of their own; the waiting lists and group delivery share the
// participants and groups and are methods of the team, one file each
// (interventions_team_waiting_list.cpp, _groups.cpp, _pre_group.cpp); the routing of new
// cases and the day are interventions_team.cpp, the event log interventions_team_session_log.cpp.
//
// Invariants: every requirement is in exactly one ParticipantState; a participant is `attending` iff it
// is a member of exactly one open group; a group never has more than group_size_max members.

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "caseload/case.hpp"
#include "core/working_calendar.hpp"
#include "interventions/facilitator_capacity.hpp"
#include "interventions/intervention_counters.hpp"
#include "interventions/intervention_rules.hpp"
#include "interventions/participant.hpp"
#include "interventions/partner_support.hpp"
#include "interventions/programme_group.hpp"
#include "interventions/snapshot_bbr.hpp"
#include "interventions/snapshot_si.hpp"
#include "interventions/toolkit_delivery.hpp"
#include "office/case_listener.hpp"
#include "prioritisation/intervention_measures.hpp"

namespace probsim {

class PduOffice;

// The day a toolkit session, a group session or a DASO contact happened, for tests and the event log.
struct InterventionEvent {
  // `removal_breached` follows a `removal` the same day when RemovalEnforcement breaches it (PUB-8).
  enum class Kind : std::uint8_t {
    requirement,
    ready,
    start,
    session,
    completion,
    removal,
    removal_breached,
    exit,
    diversion
  };
  Day day = 0;
  Kind kind = Kind::requirement;
  CaseId case_id = 0;
  std::uint32_t programme = 0;
};

class InterventionsTeam final : public CaseListener {
 public:
  // `offices` are the PDUs served (the team reads their facilitators and DASOs in post, and asks their
  // practitioners to deliver toolkit sessions); `pdu_indices` their scenario-order indices.
  InterventionsTeam(std::string name, const InterventionRules& rules, std::vector<PduOffice*> offices,
                    std::vector<std::size_t> pdu_indices, const WorkingCalendar& calendar,
                    std::uint64_t replication_seed);

  // --- Called by the offices. ---
  // Whether the team needs to hear that `c` started or ended: only domestic-abuse cases are routed
  // (case_started), and every programme, toolkit and partner record starts from one, so for any other
  // case both notices are no-ops. The offices skip them (70% of cases; their notices and the record
  // lookups were a tenth of the national run's serial time).
  [[nodiscard]] static bool hears_of(const Case& c) { return c.domestic_abuse_flag; }
  [[nodiscard]] bool hears_of_case(const Case& c) const override { return hears_of(c); }
  // A case began on `day` (`initial`: placed by the warm start on `day`; its order began on its referral
  // day). Routes it and records any requirement.
  void case_started(std::uint32_t office, std::uint32_t case_slot, const Case& c, CaseId draw_key, Day day,
                    bool initial) override;
  // The case's order ended on `day` for `reason`: whatever it was doing here ends with it.
  // `c`, if given, is the case as it ended, for the event log: by the time a deferred notice arrives its
  // office slot may hold another case.
  void case_ended(CaseId id, TerminationReason reason, Day day, const Case* c = nullptr) override;

  // --- Called when the model is built from a snapshot (warm_start: snapshot). ---
  // A man's BBR requirement as the snapshot gives it; `c` is his case, open in office `office` (index
  // among the team's offices) at `case_slot`.
  struct ImportedBbr {
    std::uint32_t office = 0;
    std::uint32_t case_slot = 0;
    const Case* c = nullptr;
    CaseId draw_key = 0;
    SnapshotBbr record;
  };
  // Rebuilds, on `day`, the BBR list and the groups running from the snapshot's records (in file order),
  // instead of drawing them: see interventions_team_import.cpp for the little a row cannot give.
  void import_bbr(std::span<const ImportedBbr> records, Day day);
  // A structured intervention as the snapshot gives it; likewise (interventions_team_import_si.cpp).
  struct ImportedSi {
    std::uint32_t office = 0;
    std::uint32_t case_slot = 0;
    const Case* c = nullptr;
    CaseId draw_key = 0;
    SnapshotSi record;
  };
  void import_si(std::span<const ImportedSi> records, Day day);

  // --- Called by the engine (and the prioritisation framework). ---
  void run_day(Day day);
  // The measures in force for the team's office `office` (index among the team's offices).
  void set_measures(std::uint32_t office, const InterventionMeasures& measures) override;

  // --- Observations. ---
  [[nodiscard]] std::size_t office_count() const { return offices_.size(); }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::vector<std::size_t>& pdu_indices() const { return pdu_indices_; }
  [[nodiscard]] std::size_t programme_count() const { return 1 + rules_.structured_interventions.size(); }
  [[nodiscard]] const ProgrammeCounters& counters(std::uint32_t programme) const {
    return programme_counters_[programme];
  }
  [[nodiscard]] const TeamCounters& team_counters() const { return team_counters_; }
  // Starts in order (days never decrease), with their waits, by programme.
  [[nodiscard]] const std::vector<ProgrammeStart>& starts(std::uint32_t programme) const {
    return starts_[programme];
  }
  [[nodiscard]] const std::vector<DasoContact>& daso_contacts() const { return partner_support_.contacts(); }
  // People with a requirement not yet started (BBRN-3), and those of them waiting more than `days`.
  [[nodiscard]] std::int64_t waiting_to_start(std::uint32_t programme) const;
  [[nodiscard]] std::int64_t waiting_longer_than(std::uint32_t programme, Day day, Day days) const;
  // G-13's renege: not started, with less of the order left on `day` than the programme's
  // `min_order_weeks_left_to_start`. He stays on the list (docs/validation/09-bbr-delivery.md §9.14) but
  // cannot start.
  [[nodiscard]] bool past_renege(const Participant& p, Day day) const;
  [[nodiscard]] std::int64_t waiting_past_renege(std::uint32_t programme, Day day) const;
  [[nodiscard]] std::int64_t attending(std::uint32_t programme) const;
  [[nodiscard]] std::array<std::int64_t, kParticipantStateCount> count_by_state(
      std::uint32_t programme) const;
  [[nodiscard]] std::int64_t open_groups() const;
  [[nodiscard]] double facilitator_hours_per_week() const { return capacity_.hours_per_week(); }
  [[nodiscard]] double reserved_hours_per_week() const { return capacity_.reserved_hours_per_week(); }
  // Facilitator hours a week of the team's facilitators moved to sentence management (RAG-4).
  [[nodiscard]] double redeployed_hours_per_week() const { return capacity_.redeployed_hours_per_week(); }
  [[nodiscard]] const std::vector<Participant>& participants() const { return participants_; }
  [[nodiscard]] const PduOffice& office(std::size_t i) const { return *offices_[i]; }
  [[nodiscard]] const ToolkitDelivery& toolkit() const { return toolkit_; }
  [[nodiscard]] const std::vector<ProgrammeGroup>& groups() const { return groups_; }
  void set_event_log(std::vector<InterventionEvent>* log) { event_log_ = log; }

 private:
  [[nodiscard]] const ProgrammeRules& programme(std::uint32_t p) const {
    return p == 0 ? rules_.bbr : rules_.structured_interventions[p - 1];
  }
  std::uint32_t add_participant(const Participant& p);
  void refer(std::uint32_t office, std::uint32_t case_slot, const Case& c, CaseId draw_key,
             std::uint32_t prog, Day requirement_day, Day day, bool one_to_one, Day readiness_days,
             bool offer_partner_support = true);
  void set_state(Participant& p, ParticipantState s);
  // Records a step for the tests' event log and, with the case's attributes, for events.csv. `c` is the
  // case when the caller has it (a notice from its office); otherwise it is looked up in its slot.
  void log(Day day, InterventionEvent::Kind kind, const Participant& p, const Case* c = nullptr);
  // A group session `p` attended or missed: for the tests' event log (attended only) and, when the event
  // log asks for sessions, a `<programme>_session_attended` or `_session_missed` row of events.csv
  // (interventions_team_session_log.cpp).
  void log_session(Day day, const Participant& p, bool attended);

  // interventions_team.cpp: the day and the weekly review; the DASO hours in post, handed to
  // partner_support_.
  void weekly_review(Day day);
  void do_daso_work(Day day);
  // interventions_team_waiting_list.cpp: who may start, in what order; demand management.
  [[nodiscard]] std::vector<std::uint32_t> ready_in_priority_order(std::uint32_t prog, bool one_to_one,
                                                                   Day day) const;
  [[nodiscard]] bool may_start(const Participant& p, Day day) const;
  void divert_by_demand_management(Day day);
  void divert(std::uint32_t participant, Day day);
  // interventions_team_pre_group.cpp: the pre-group session as the recorded start (IS-2).
  void give_pre_group_sessions(Day day);
  void record_start(Participant& p, Day day);
  // interventions_team_group_opening.cpp: which programme gets the hours, and whom a new group takes.
  struct GroupCandidates {
    std::vector<std::uint32_t> men;  // ready, in the list's order
    std::size_t next = 0;            // the first a new group would take (those before fill rolling places)
  };
  void start_all_groups(Day day);
  void start_groups(std::uint32_t prog, Day day);
  void start_one_to_one_courses(Day day);
  // The ready men of `prog` a new group would take (and the ready list cleared of those who left it).
  [[nodiscard]] GroupCandidates group_candidates(std::uint32_t prog, Day day);
  [[nodiscard]] bool can_open_group(std::uint32_t prog, const GroupCandidates& list) const;
  void open_next_group(std::uint32_t prog, GroupCandidates& list, Day day);
  [[nodiscard]] int sessions_per_week_of_next_group(std::uint32_t prog, bool one_to_one) const;
  // The pace of the next group of `prog` whose hours fit the facilitators' now (its drawn pace, or weekly
  // under delivery.weekly_group_when_full_pace_does_not_fit), or 0 if none does.
  [[nodiscard]] int pace_of_next_group_that_fits(std::uint32_t prog) const;
  // interventions_team_groups.cpp: group delivery.
  void open_group(std::uint32_t prog, bool one_to_one, const std::vector<std::uint32_t>& joiners, Day day,
                  int sessions_per_week);
  void join(ProgrammeGroup& g, std::uint32_t group_index, std::uint32_t participant, Day day);
  void hold_session(std::uint32_t group_index, Day day);
  void leave_group(Participant& p);
  void close_group(ProgrammeGroup& g);
  // interventions_team_import.cpp: a group of programme `prog` running on the snapshot day, its members
  // already recorded.
  void open_imported_group(std::uint32_t prog, bool one_to_one, const std::vector<std::uint32_t>& members,
                           std::int64_t serial, Day day);
  void individual_session(const Participant& p);
  [[nodiscard]] bool enforce_removal(Participant& p, const ProgrammeRules& rules, ProgrammeCounters& n,
                                     Day day);

  std::string name_;
  const InterventionRules& rules_;
  PriorityRule bbr_order_;   // the BBR waiting list's order (rules_.bbr_priority_order)
  PriorityRule fifo_order_;  // the structured interventions' lists: first come, first served
  std::vector<PduOffice*> offices_;
  std::vector<std::size_t> pdu_indices_;
  const WorkingCalendar& calendar_;
  std::uint64_t replication_seed_;
  std::vector<InterventionMeasures> measures_;  // by office
  std::uint64_t team_key_;                      // keys the team's group draws (group_delivery.hpp)

  std::vector<Participant> participants_;
  std::unordered_map<CaseId, std::uint32_t> current_of_case_;  // the case's live programme record
  std::vector<std::uint32_t> in_readiness_;                    // participants, in referral order
  std::vector<std::vector<std::uint32_t>> ready_;              // by programme: waiting or awaiting rejoin
  std::vector<ProgrammeGroup> groups_;
  std::vector<std::uint32_t> free_groups_;
  Day last_review_monday_ = -1000000;
  std::int64_t awaiting_group_ = 0;  // BBR men started at the pre-group session, awaiting a group

  FacilitatorCapacity capacity_;    // facilitator_capacity.hpp
  PartnerSupport partner_support_;  // partner_support.hpp
  ToolkitDelivery toolkit_;         // toolkit_delivery.hpp

  std::vector<ProgrammeCounters> programme_counters_;
  TeamCounters team_counters_;
  std::vector<std::vector<ProgrammeStart>> starts_;
  std::vector<InterventionEvent>* event_log_ = nullptr;
};

}  // namespace probsim
