#pragma once
// A probation delivery unit's caseload and staff, advanced one day at a time. The SimGrid office actor
// (sim/engine) calls run_day() each simulated day; the region's workforce model changes the staff
// (hire, leave, change grade, capacity) before the day's work. Nothing here knows about the engine.
//
// Invariants: initial_cases + referrals = caseload() + terminations() (conservation), where caseload()
// counts allocated and unallocated cases alike; every open case is held by exactly one practitioner in
// post or is waiting for allocation, and each practitioner's caseload and case points are the sums over
// the cases they hold.

#include <cstdint>
#include <optional>
#include <queue>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "caseload/case_factory.hpp"
#include "caseload/pre_release_custody.hpp"
#include "caseload/referral_process.hpp"
#include "core/working_calendar.hpp"
#include "office/case_event_sink.hpp"
#include "office/case_listener.hpp"
#include "office/caseload_rules.hpp"
#include "office/office_counters.hpp"
#include "office/report_points.hpp"
#include "office/shared_notices.hpp"
#include "prioritisation/rag_measures.hpp"
#include "prioritisation/rag_status.hpp"
#include "sentence_management/pdu_casework.hpp"
#include "workforce/practitioner.hpp"
#include "workforce/staff_counters.hpp"
#include "workforce/staff_roster.hpp"

namespace probsim {

struct PduIdentity {
  std::uint32_t index = 0;  // position in the scenario (over all regions); part of every case id
  // The index whose random streams this PDU draws from: its own, or that of the PDU it is paired with.
  std::uint32_t stream_index = 0;
  std::string name;
  // The case mix its referrals are drawn from when it has its own (PduSpec::case_mix); nullptr: the
  // rules' national one.
  const CaseMix* case_mix = nullptr;
};

// Final, so that calls through a PduOffice (the hot paths) need no virtual dispatch; the workforce model
// reaches it through StaffRoster.
class PduOffice final : public StaffRoster {
 public:
  // `last_day` bounds the sentence-management agenda (the last simulated day).
  PduOffice(PduIdentity identity, const CaseloadRules& rules, ReferralProcess referrals,
            std::uint64_t replication_seed, std::vector<Practitioner> initial_staff, WorkingCalendar calendar,
            Day last_day = 3660);

  // Places the caseload a steady state would hold on `first_day`: replays referrals over the
  // `lookback_days` before it and keeps the people whose cases are still open (exact for a stationary
  // arrival process; the trend, if any, is extrapolated backwards).
  void place_warm_start_caseload(Day first_day, Day lookback_days);

  // A caseload imported from a snapshot (warm_start: snapshot; office/pdu_office_import.cpp): each case
  // opens on `first_day`, held by the practitioner the snapshot names (an index into staff()), or, with
  // kUnallocated, allocated by the rule like any case.
  struct ImportedCase {
    Case c;
    PractitionerIndex practitioner = kUnallocated;
    std::optional<Day> next_review_due;  // the row's, if given: replaces the review dates from the start
  };
  // Returns each case's slot, in the order given.
  std::vector<std::uint32_t> place_imported_caseload(std::span<const ImportedCase> cases, Day first_day);

  // One day: cases ending today leave, waiting cases are retried, then today's referrals arrive and
  // are allocated (fixed order, never insertion order; M-6). Then the day's sentence-management
  // work is done (tasks falling due, each practitioner's hours) and the staff time is accounted (FTE in
  // post, hours lost to sickness).
  void run_day(Day day);

  void set_event_sink(CaseEventSink* sink) {
    events_ = sink;
    notices_.set_targets(interventions_, index_in_interventions_team_, events_);
    const bool tasks = events_ != nullptr && events_->wants_tasks();
    casework_.set_case_task_log(tasks ? &case_tasks_done_ : nullptr, kLoggedTaskKinds);
  }
  [[nodiscard]] bool logs_events() const { return events_ != nullptr; }
  // The interventions team serving this PDU (through CaseListener), which knows it as its office
  // `index_in_team`: it hears of every case that starts and ends here.
  void set_interventions(CaseListener* team, std::uint32_t index_in_team) {
    interventions_ = team;
    index_in_interventions_team_ = index_in_team;
    notices_.set_targets(interventions_, index_in_interventions_team_, events_);
  }
  // While true, what run_day and place_warm_start_caseload tell the interventions team and the event
  // log is held back until deliver_deferred_notices(), so that offices can run on several threads at
  // once (see SharedNotices). Staff changes, made by the workforce actors, are never deferred.
  void set_deferring_notices(bool deferring) { notices_.set_deferring(deferring); }
  void deliver_deferred_notices() { notices_.deliver_deferred(); }
  // A toolkit session for the case in `slot` (id `id`), delivered by its practitioner (SRT-1); false if
  // the case is not under supervision here (see PduCasework::add_case_task).
  bool add_toolkit_session(std::uint32_t slot, CaseId id, double hours, Day day, Day due_day) {
    return casework_.add_case_task(slot, id, TaskKind::toolkit_session, hours, day, due_day);
  }
  // For the event log: the interventions team reports a step of case `c` through an intervention (see
  // CaseEventSink::record_intervention). Called on the team's turn, never during the offices' day.
  void record_intervention_event(Day day, std::string_view event, const Case& c, std::string_view reason,
                                 Day requirement_day) const;
  // Whether the event log wants a row per programme group session (CaseEventSink::wants_sessions).
  [[nodiscard]] bool logs_sessions() const { return events_ != nullptr && events_->wants_sessions(); }
  // Ends the order of case `id` in `slot` on `day`, for `reason`, unless it ends by then anyway (a breach
  // acted on, RemovalEnforcement). Called on the team's turn, never during the offices' day, so `day` is
  // after today's closings. False if the case is no longer here or ends by `day` anyway.
  bool end_order_early(std::uint32_t slot, CaseId id, Day day, TerminationReason reason);
  // The case in `slot` if it is still case `id` here, else null.
  [[nodiscard]] const Case* case_in_slot(std::uint32_t slot, CaseId id) const {
    return slot < slots_.size() && slots_[slot].c.id == id ? &slots_[slot].c : nullptr;
  }
  void set_establishment_fte(const PerGrade<double>& establishment) { establishment_fte_ = establishment; }

  // --- The prioritisation framework (RAG). ---
  // The PDU's status today and the measures in force under it (green: business as usual). Sentence
  // management reads the contact measures; the interventions code reads the rest.
  [[nodiscard]] RagStatus rag_status() const { return rag_status_; }
  [[nodiscard]] const RagMeasures& rag_measures() const { return rag_measures_; }
  // Set by the prioritisation reviewer before the day's work; a change of status is counted. The
  // measures for interventions are handed on to the PDU's interventions team, if any, the same day.
  void set_rag_status(RagStatus status, const RagMeasures& measures);
  // Facilitator hours per working day moved to this PDU's sentence management (RAG-4), 0 when none. The
  // casework spends them as extra practitioner capacity on the PDU's due tasks, and the office counts
  // them in counters().facilitator_hours_redeployed on each working day they are available.
  void set_redeployed_hours_per_working_day(double hours) {
    casework_.set_redeployed_hours_per_working_day(hours);
  }

  // --- Staff changes, made by the workforce model before the day's work (office/pdu_office_staff.cpp). ---
  // A new member of staff joins (into the lowest vacant slot) and is given a staff id and a name;
  // counted as a joiner of their grade.
  PractitionerIndex hire(Practitioner person) override;
  // The person leaves the service; their cases go to colleagues by the allocation rule (each counting a
  // change of practitioner) or wait unallocated if nobody may hold them.
  void remove(PractitionerIndex who, Day day) override;
  // The person's cases go to colleagues by the allocation rule (each counting a change of practitioner),
  // or wait unallocated; the person stays in post. Used when someone leaves or goes on long-term sick
  // leave. Call it once the person can no longer take cases, or they may be given their cases back.
  void reallocate_cases_of(PractitionerIndex who, Day day) override;
  // Licence cases held before release at custody points (allocation.licence_allocated_before_release_weeks).
  [[nodiscard]] const PreReleaseCustody& pre_release_custody() const { return custody_; }
  // The person moves to another grade (a PQiP qualifying as PO, a PSO starting PQiP), keeping their cases.
  void change_grade(PractitionerIndex who, Grade grade) override;
  // Recomputes available WMT points after a change of reduction or long-term sickness.
  void refresh_capacity(PractitionerIndex who) override;
  // From today every case's WMT points carry the responsive weighting (WMT-7; workload_points.hpp).
  void start_responsive_weighting() override;
  Practitioner& staff_member(PractitionerIndex who) override { return staff_[static_cast<std::size_t>(who)]; }
  StaffCounters& staff_counters() override { return staff_counters_; }

  // A case waits unallocated only when nobody in post may hold it, so waiting cases are retried only
  // after the staff in post change.
  void note_staffing_changed() { retry_waiting_cases_ = true; }

  [[nodiscard]] std::uint32_t index() const { return identity_.index; }
  [[nodiscard]] std::uint32_t stream_index() const { return identity_.stream_index; }
  [[nodiscard]] const std::string& name() const { return identity_.name; }
  // What its new cases are drawn from: its own case mix, or the scenario's.
  [[nodiscard]] const CaseMix& case_mix() const {
    return identity_.case_mix != nullptr ? *identity_.case_mix : rules_.case_mix;
  }
  [[nodiscard]] const WorkingCalendar& calendar() const override { return calendar_; }
  [[nodiscard]] std::int64_t caseload() const { return static_cast<std::int64_t>(open_cases_); }
  [[nodiscard]] std::int64_t unallocated() const {
    return static_cast<std::int64_t>(waiting_for_allocation_.size());
  }
  [[nodiscard]] const OfficeCounters& counters() const { return counters_; }
  [[nodiscard]] const PduCasework& casework() const { return casework_; }
  PduCasework& casework() { return casework_; }
  [[nodiscard]] const StaffCounters& staff_counters() const { return staff_counters_; }
  // Every staff slot, including vacant ones (in_post false): indices stay valid for cases.
  [[nodiscard]] std::span<const Practitioner> staff() const override { return staff_; }
  [[nodiscard]] double in_post_fte(Grade grade) const override;
  [[nodiscard]] std::int64_t in_post_headcount(Grade grade) const;
  [[nodiscard]] double establishment_fte(Grade grade) const override { return at(establishment_fte_, grade); }

  // Calls `visit(const Case&)` for every open case (for tests and audits; order unspecified).
  template <typename Visit>
  void for_each_open_case(Visit visit) const {
    for (const Slot& slot : slots_)
      if (slot.open) visit(slot.c);
  }
  // The same with each case's slot: `visit(std::uint32_t slot, const Case&)`, in slot order.
  template <typename Visit>
  void for_each_open_case_slot(Visit visit) const {
    for (std::uint32_t slot = 0; slot < slots_.size(); ++slot)
      if (slots_[slot].open) visit(slot, slots_[slot].c);
  }
  // The due day of the next periodic review of the case in `slot` (PduCasework::next_periodic_review_due),
  // or, for an imported case not yet allocated, the one its snapshot row gave.
  [[nodiscard]] std::optional<Day> next_periodic_review_due(std::uint32_t slot) const;

 private:
  struct Slot {
    Case c;
    bool open = false;
    bool initial = false;  // in the warm-start caseload: supervision began on its referral day
  };
  struct Ending {
    Day day;
    CaseId id;
    std::uint32_t slot;
    bool operator>(const Ending& other) const { return day != other.day ? day > other.day : id > other.id; }
  };

  // The tasks whose completions the event log gets a row for (CaseEventSink::wants_tasks): a case's own,
  // except its contacts, which are many per case and which the KPIs count. Court reports (the PDU's work)
  // and terminations (done after the case has left) belong to no case held here.
  static constexpr TaskKindSet kLoggedTaskKinds =
      ~(task_kind_bit(TaskKind::contact) | task_kind_bit(TaskKind::court_report) |
        task_kind_bit(TaskKind::termination));

  std::uint32_t open_case(const Case& c, bool initial = false);
  void close_case(std::uint32_t slot, Day day);
  // Breach decisions (sentence_management/enforcement_process.hpp): those that end an order end the
  // case; those that continue it with more requirements lengthen it on the decision day
  // (office/pdu_office_court.cpp).
  void end_orders_the_court_ended(Day day);
  // Lengthens the order of case `id` in `slot` by `days` from today, if it is still here: its sentence
  // end moves, and so does its end day unless an earlier early ending is already drawn.
  void extend_order(std::uint32_t slot, CaseId id, Day days);
  // `preferred`: the practitioner who held the case before release, given it if they still may hold it.
  bool try_allocate(std::uint32_t slot, Day day, PractitionerIndex preferred = kUnallocated);
  // Pre-release custody (pdu_office_custody.cpp): hold the licence cases referred on `release_day`; end
  // the hold of `c` on its referral (returns its holder); give the holds of `who` to others.
  void hold_cases_released_on(Day release_day);
  PractitionerIndex end_custody_hold(const Case& c);
  void rehold_custody_of(PractitionerIndex who);
  void allocate_imported(std::uint32_t slot, PractitionerIndex who, Day day,
                         std::optional<Day> next_review_due);
  void account_staff_time(Day day);
  void give_identity(Practitioner& person);
  // The day's case_tasks_done_, to the event log with their cases, in the order they were completed.
  void record_case_tasks_done();

  PduIdentity identity_;
  const CaseloadRules& rules_;
  bool responsive_weighting_on_ = false;
  ReferralProcess referrals_;
  CaseFactory factory_;
  WorkingCalendar calendar_;
  std::vector<Practitioner> staff_;
  CaseManagementTeams teams_;  // fixed at opening, from the case holders in post (allocation.team_size)
  PerGrade<double> establishment_fte_{};
  std::uint32_t next_staff_ordinal_ = 0;  // joiners in order, initial staff first (make_staff_id)
  PerGrade<int> named_by_grade_{};

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t open_cases_ = 0;
  std::priority_queue<Ending, std::vector<Ending>, std::greater<>> endings_;
  std::vector<std::uint32_t> waiting_for_allocation_;  // slots, in arrival order
  // Imported cases placed without a practitioner whose row gave a next review: kept until their first
  // allocation starts supervision (empty unless a snapshot gives the column).
  std::unordered_map<CaseId, Day> imported_review_due_;
  std::vector<OrderExtension> pending_extensions_;  // decided, applied on their decision day
  PreReleaseCustody custody_;

  OfficeCounters counters_;
  StaffCounters staff_counters_;
  CaseEventSink* events_ = nullptr;
  CaseListener* interventions_ = nullptr;
  std::uint32_t index_in_interventions_team_ = 0;
  SharedNotices notices_;  // the only way the day's work reaches objects other offices share
  std::vector<TaskCompletion> case_tasks_done_;  // today's, while the event log wants them
  bool retry_waiting_cases_ = false;
  RagStatus rag_status_ = RagStatus::green;
  RagMeasures rag_measures_;
  PduCasework casework_;        // after calendar_, which it refers to
  ReportPoints report_points_;  // WMT-4: points of the court reports each practitioner wrote lately
};

}  // namespace probsim
