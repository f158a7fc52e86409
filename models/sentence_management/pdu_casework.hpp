#pragma once
// A PDU's sentence-management work: the tasks its cases create, who holds them, and each working day's
// work (docs/model.md). PduOffice tells it when cases are allocated, lose their practitioner or
// end, and when practitioners leave; each day it opens the tasks falling due and lets every practitioner
// spend the day's hours on their tasks in the scenario's priority order. What is not done on time is
// late; a contact not delivered within its window is missed.
//
// Its storage is two types of their own, which decide nothing: the tasks, the cases' records and the
// practitioners' queues (CaseworkTaskStore), and the day agenda (CaseworkAgenda). This class holds the
// rules: which tasks a case creates and when, who holds them, and what is counted when they end.
//
// Performance (docs/performance.md): a case holds at most one pending contact, review and event date on
// the office's agenda (a bucket per day, O(1)), and each practitioner's tasks sit in a heap, so a day's
// work costs O(tasks worked × log tasks held), never a sort or scan of the caseload.
//
// Hours are conserved exactly (whole seconds): counters.demanded = worked + open_seconds() +
// cancelled_seconds + missed_seconds at the end of every day.

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "caseload/case.hpp"
#include "core/working_calendar.hpp"
#include "prioritisation/contact_measures.hpp"
#include "prioritisation/rag_policy.hpp"
#include "prioritisation/rag_status.hpp"
#include "sentence_management/case_task_schedule.hpp"
#include "sentence_management/casework_agenda.hpp"
#include "sentence_management/casework_task_store.hpp"
#include "sentence_management/da_case_task_counts.hpp"
#include "sentence_management/enforcement_process.hpp"
#include "sentence_management/task_outcomes.hpp"
#include "sentence_management/task_rules.hpp"
#include "workforce/practitioner.hpp"

namespace probsim {

// One completed task, for tests and audits (set_completion_log) and the office's event log
// (set_case_task_log).
struct TaskCompletion {
  Day day = 0;
  TaskKind kind = TaskKind::contact;
  CaseId case_id = 0;
  PractitionerIndex holder = kUnallocated;
  Day due_day = 0;
  std::uint32_t case_slot = kNoCaseSlot;  // the office's slot of the case; kNoCaseSlot for a task of no case
};

// A set of task kinds, one bit each (1 << kind): which completions set_case_task_log keeps.
using TaskKindSet = std::uint32_t;
static_assert(kTaskKindCount <= 32, "TaskKindSet has a bit per kind");
[[nodiscard]] constexpr TaskKindSet task_kind_bit(TaskKind kind) {
  return TaskKindSet{1} << static_cast<unsigned>(kind);
}

class PduCasework {
 public:
  // `last_day` bounds the agenda and the due-day counts; `stream_index` keys this PDU's draws.
  PduCasework(const SentenceManagementRules& rules, const WorkingCalendar& calendar,
              std::uint64_t replication_seed, std::uint32_t stream_index, Day last_day);
  PduCasework(const PduCasework&) = delete;
  PduCasework& operator=(const PduCasework&) = delete;

  [[nodiscard]] bool enabled() const { return rules_.enabled; }

  // The prioritisation framework's settings, and the contact measures in force today (owned by the
  // office, which changes them when the PDU's status changes). Without them every contact follows BAU
  // rules.
  void set_prioritisation(const PrioritisationRules* rules, const ContactMeasures* measures_in_force) {
    rag_rules_ = rules;
    contact_measures_ = measures_in_force;
  }
  // The PDU's status from today (set by the office when it changes): under amber or red its revised
  // measures are in force, and staff may judge a mandated task not needed (RAG-13).
  void set_rag_status(RagStatus status) { rag_status_ = status; }
  // Facilitator hours per working day lent to casework (RAG-4): after the practitioners' own hours, they
  // are spent on the tasks of whoever holds the most backlog, until they run out or nothing is left.
  void set_redeployed_hours_per_working_day(double hours) {
    redeployed_per_working_day_ = hours > 0.0 ? seconds_of_hours(hours) : 0;  // none, never negative capacity
  }
  [[nodiscard]] double redeployed_hours_per_working_day() const {
    return hours_of(redeployed_per_working_day_);
  }

  // The case in `slot` was allocated to `c.practitioner` (of `holder_grade`) on `day`. On its first
  // allocation supervision starts on `start` (the allocation day; for a warm-start case its referral day,
  // so only the tasks still due from `day` on are created). On a later allocation its open tasks move to
  // the new holder.
  // `next_review_due`: a snapshot row's due day of the case's next periodic review, which then replaces
  // the review dates counted from `start` (pdu_casework_reviews.cpp).
  void case_allocated(std::uint32_t slot, const Case& c, Day start, bool first_allocation, Day day,
                      Grade holder_grade = Grade::po, std::optional<Day> next_review_due = std::nullopt);
  // The due day of the next periodic review of case `id` in `slot`: its open review's (overdue or not),
  // else the next one scheduled's; none if it has no supervision record here or reviews are off.
  [[nodiscard]] std::optional<Day> next_periodic_review_due(std::uint32_t slot, CaseId id) const;
  // The case's practitioner left: its open tasks wait with it, held by nobody.
  void case_unallocated(std::uint32_t slot);
  // The case ended on `day`: its open tasks are cancelled (a task not yet due never counts as due), and
  // its practitioner, if any, gets the termination task.
  void case_closed(std::uint32_t slot, const Case& c, Day day);
  // `who` has left (after their cases were reallocated): tasks of no case (court reports, terminations)
  // go to the colleague who may hold them with the fewest backlog hours, or are cancelled.
  void practitioner_left(PractitionerIndex who, std::span<const Practitioner> staff, Day day);

  // The day: contact windows closing and opening, reviews and events falling due, court reports
  // (`caseload` scales their rate), then every practitioner's work (none on non-working days), then any
  // redeployed hours. Returns the redeployed hours made available today (0 on non-working days).
  double run_day(Day day, std::span<const Practitioner> staff, std::int64_t caseload);

  // A task the case in `slot` (whose id is `id`) needs besides its own schedule, such as a toolkit
  // session; held by the case's practitioner. False, and nothing created, when sentence management is
  // off or the case's supervision has not started or has ended.
  bool add_case_task(std::uint32_t slot, CaseId id, TaskKind kind, double hours, Day day, Day due_day);

  // Tests: a hand-built task given to `holder` (its case_slot is ignored: it belongs to no case).
  void add_task(Task task, PractitionerIndex holder);
  void set_completion_log(std::vector<TaskCompletion>* log) { completion_log_ = log; }
  // The office's event log of tasks done (--events-tasks): each task of a case whose kind is in `kinds`
  // is appended to `log` as it is completed, for the office to write with its case; null: none kept, so a
  // run without the option pays only the null test per completion.
  void set_case_task_log(std::vector<TaskCompletion>* log, TaskKindSet kinds) {
    case_task_log_ = log;
    case_task_log_kinds_ = kinds;
  }

  [[nodiscard]] const TaskOutcomes& outcomes() const { return outcomes_; }
  // The writers of the court reports finished since the last call, one entry per report, in the
  // order finished (for the WMT's report points, office/report_points.hpp).
  [[nodiscard]] std::vector<PractitionerIndex> take_court_reports_written() {
    return std::exchange(court_reports_written_, {});
  }
  // Appointments, absences and breach (issue 24); idle unless the scenario enables enforcement.
  [[nodiscard]] const EnforcementProcess& enforcement() const { return enforcement_; }
  EnforcementProcess& enforcement() { return enforcement_; }
  [[nodiscard]] const TaskCounters& counters() const { return outcomes_.counters; }
  [[nodiscard]] WorkSeconds backlog_of(PractitionerIndex who) const { return store_.backlog_of(who); }
  // Seconds not yet worked of open tasks nobody holds (their case waits for allocation).
  [[nodiscard]] WorkSeconds unassigned_backlog() const { return store_.unassigned_backlog(); }
  // Seconds not yet worked of every open task.
  [[nodiscard]] WorkSeconds open_seconds() const { return store_.open_seconds(); }
  [[nodiscard]] std::size_t open_tasks() const { return store_.open_tasks(); }
  // CT-13, TS-1: the domestic-abuse cases under supervision at the end of `day`, and their start SARAs and
  // home visits; cases begun before day 0 (the run's first day) are the warm start (da_case_task_counts.hpp).
  [[nodiscard]] DaCaseTaskCounts da_case_task_counts(Day day) const {
    return count_da_case_tasks(store_, day, 0);
  }
  // Calls visit(CaseId, Day start) for each domestic-abuse case under supervision (start: the day its
  // supervision began), by case slot.
  template <typename Visit>
  void for_each_da_case(Visit visit) const {
    for (std::size_t slot = 0; slot < store_.case_slots(); ++slot) {
      const CaseTasks& c = store_.case_at(static_cast<std::uint32_t>(slot));
      if (c.active && c.domestic_abuse) visit(c.id, c.start);
    }
  }
  // Calls visit(const Task&) for each open task (tests and audits): contacts first, by case slot.
  template <typename Visit>
  void for_each_open_task(Visit visit) const {
    store_.for_each_open_task(visit);
  }

 private:
  using CaseTasks = CaseworkTaskStore::CaseTasks;
  using AgendaKind = CaseworkAgenda::Kind;
  [[nodiscard]] static bool is_contact_index(std::uint32_t index) {
    return CaseworkTaskStore::is_contact_index(index);
  }
  [[nodiscard]] static std::uint32_t contact_index(std::uint32_t slot) {
    return CaseworkTaskStore::contact_index(slot);
  }

  std::uint32_t new_task(const Task& task);  // in the store's slab, counted as created
  // Opens the case's contact of `seconds`, available from `day`, due by `due_day`, counted as created.
  std::uint32_t new_contact(std::uint32_t slot, WorkSeconds seconds, Day day, Day due_day);
  void count_created(std::uint32_t index);  // the task just made at `index`: created, demanded and due
  void cancel(std::uint32_t index, Day day);
  void complete(std::uint32_t index, PractitionerIndex holder, Day day);
  // Enforcement's record of the case in `slot`, whose supervision started on `start` (allocated on `day`),
  // and the check at the end of its first weeks (first_weeks_standard.hpp).
  void start_enforcement(std::uint32_t slot, const Case& c, Day start, Day day);
  // After a contact or a breach action of the case in `slot` was completed (enforcement on): the
  // absence judgement and breach action tasks it leads to, or the court's decision.
  void follow_up_enforcement(TaskKind kind, std::uint32_t slot, Day day, bool late);
  // A task of the case in `slot`, given to its practitioner. `holder_is_trainee` (a PQiP trainee holds the
  // case, RAG-12) is needed for a kind the scenario lets be set aside: its callers, the case's start and
  // its events, pass it, and one that does not is a programming error, thrown.
  std::uint32_t create_case_task(std::uint32_t slot, TaskKind kind, double hours, Day day, Day due_day,
                                 std::optional<bool> holder_is_trainee = std::nullopt);
  // Whether the holder of a new task of `kind` follows business-as-usual guidance, so judges nothing away.
  [[nodiscard]] bool holder_on_business_as_usual(TaskKind kind, std::optional<bool> holder_is_trainee) const;
  // Whether practitioner `who` of `staff` is a PQiP trainee (false for nobody).
  [[nodiscard]] static bool is_trainee(std::span<const Practitioner> staff, PractitionerIndex who) {
    return who != kUnallocated && static_cast<std::size_t>(who) < staff.size() &&
           staff[static_cast<std::size_t>(who)].grade == Grade::pqip;
  }
  void schedule(Day day, std::uint32_t slot, AgendaKind kind) {
    agenda_.schedule(day, CaseworkAgenda::Item{store_.case_at(slot).id, slot, kind});
  }
  void open_contact_window(std::uint32_t slot, Day day, bool holder_is_trainee);
  [[nodiscard]] bool contact_on_bau_rules(const CaseTasks& ct, std::uint32_t ordinal,
                                          bool holder_is_trainee) const;
  // Whether a home visit of `ct` due on `due_day` is not made because the measures in force cut
  // face-to-face contact (RAG-6, RAG-3, RAG-7; prioritisation.home_visits_follow_face_to_face_cut).
  [[nodiscard]] bool home_visit_not_made_under_face_to_face_cut(const CaseTasks& ct, Day due_day,
                                                                std::optional<bool> holder_is_trainee) const;
  void schedule_next_event(std::uint32_t slot, Day from);
  // An event of the case (G-5): its review, a DA case's home visit (TS-1, G-7), and the next event.
  void event_falls(std::uint32_t slot, Day day, bool holder_is_trainee);
  // The first periodic review of a case whose supervision starts now, and each next one.
  void start_periodic_reviews(std::uint32_t slot, Day start, Day day, std::optional<Day> next_review_due);
  void schedule_periodic_review(std::uint32_t slot, Day review_day);
  void run_agenda(Day day, std::span<const Practitioner> staff);
  void request_court_reports(Day day, std::span<const Practitioner> staff, std::int64_t caseload);
  [[nodiscard]] PractitionerIndex least_backlogged(std::span<const Practitioner> staff, TaskKind kind) const;
  void work(PractitionerIndex who, WorkSeconds budget, Day day);
  // WF-20: `who` works up to `extra` seconds more today on what is left (hours_beyond_contract.hpp).
  void work_beyond_contract(PractitionerIndex who, WorkSeconds extra, Day day);
  // Works `who`'s tasks for up to `budget` seconds; returns what is left of the budget.
  WorkSeconds spend(PractitionerIndex who, WorkSeconds budget, Day day);
  void work_redeployed_hours(std::span<const Practitioner> staff, Day day);

  const SentenceManagementRules& rules_;
  const WorkingCalendar& calendar_;
  CaseTaskSchedule schedule_;
  std::uint64_t replication_seed_;
  std::uint32_t stream_index_;

  CaseworkTaskStore store_;
  CaseworkAgenda agenda_;
  std::uint64_t loose_task_sequence_ = 0;  // ids for tasks of no case
  TaskOutcomes outcomes_;
  EnforcementProcess enforcement_;
  std::vector<TaskCompletion>* completion_log_ = nullptr;
  std::vector<TaskCompletion>* case_task_log_ = nullptr;
  TaskKindSet case_task_log_kinds_ = 0;
  std::vector<PractitionerIndex> court_reports_written_;
  const PrioritisationRules* rag_rules_ = nullptr;
  const ContactMeasures* contact_measures_ = nullptr;
  RagStatus rag_status_ = RagStatus::green;
  WorkSeconds redeployed_per_working_day_ = 0;
  // Each practitioner's WMT % at the start of the day (OverloadTriage); empty while triage is off.
  std::vector<double> holder_workload_pct_;
  [[nodiscard]] double workload_pct_of(PractitionerIndex who) const {
    const auto i = static_cast<std::size_t>(who);
    return who != kUnallocated && i < holder_workload_pct_.size() ? holder_workload_pct_[i] : 0.0;
  }
};

}  // namespace probsim
