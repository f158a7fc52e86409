#pragma once
// Where a PDU's open casework tasks are kept (docs/architecture.md): the task slab and its free list,
// each case's record with its current contact inline, and each practitioner's work queue, with every
// holder's backlog in whole seconds. It creates, gives, takes back, moves and frees tasks; it decides
// nothing and counts no outcome. The rules (PduCasework) say which tasks exist, who holds them and
// what becomes of them, and count that in TaskOutcomes.
//
// Performance (docs/performance.md): the store is a member of PduCasework, not behind a pointer, and
// what the day's work calls per task (with_task, is_live, free_task) is inline here.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "caseload/case.hpp"
#include "sentence_management/casework_agenda.hpp"
#include "sentence_management/practitioner_work_queue.hpp"
#include "sentence_management/priority_order.hpp"
#include "sentence_management/task.hpp"

namespace probsim {

class CaseworkTaskStore {
 public:
  // A case's state, with its current contact inline, in one cache line. Contacts are 85% of all tasks
  // and a case has at most one open; kept here, a contact window closing and the next opening touch one
  // line, and contacts never go through the task slab or its free list. Their task index is
  // kContactOfCase | slot. The contact's fields that would repeat the case's (its case id and slot, its
  // kind, its RoSH) are not stored (contact_as_task rebuilds them), and those it shares with Task have
  // Task's names, so the code that works on any task is written once for both (with_task).
  struct alignas(64) CaseTasks {
    CaseId id = 0;
    Day start = 0;
    PractitionerIndex case_holder = kUnallocated;  // the case's practitioner
    std::uint32_t head = kNoTask;                  // open tasks of the case, but for its contact
    std::uint32_t contact_ordinal = 0;             // contacts created, for the face-to-face draw
    std::uint32_t event_ordinal = 0;               // significant events drawn
    // The contact of the current window, open until done, missed or cancelled. Its generation keeps
    // counting when the slot passes to another case, so old queue entries stay stale. Its holder is the
    // case's practitioner while it is open, but is cleared whenever it leaves a queue.
    std::uint32_t generation = 0;
    PractitionerIndex holder = kUnallocated;
    std::int32_t seconds = 0;  // at most kMaxContactSeconds
    std::int32_t seconds_remaining = 0;
    Day available_from = 0;
    Day due_day = 0;
    bool open = false;
    bool face_to_face = false;
    bool active = false;  // supervision has started and the case is open
    bool domestic_abuse = false;
    bool licence = false;  // the first contact is the first appointment after release (RAG-7)
    RoshLevel rosh = RoshLevel::low;
    CaseExemptions exemptions = 0;  // every RagExemption the case has, drawn or not
    Day next_review_day = 0;        // the day its next periodic review falls (what a snapshot writes back)
    static constexpr TaskKind kind = TaskKind::contact;
  };
  static_assert(sizeof(CaseTasks) == 64, "a case and its contact share one cache line");
  static constexpr WorkSeconds kMaxContactSeconds = 0x7fffffff;

  // `mandated`: the scenario's mandated task kinds (every task created is marked from it);
  // `priority_order`: the order each practitioner's queue works in.
  CaseworkTaskStore(const std::array<bool, kTaskKindCount>& mandated,
                    std::vector<PriorityCriterion> priority_order)
      : mandated_(mandated), priority_(std::move(priority_order)) {}

  // Task indices: a slab index, or kContactOfCase | slot for the contact of the case in `slot`.
  [[nodiscard]] static bool is_contact_index(std::uint32_t index) { return (index & kContactOfCase) != 0; }
  [[nodiscard]] static std::uint32_t contact_index(std::uint32_t slot) { return kContactOfCase | slot; }
  [[nodiscard]] static std::uint32_t slot_of_contact(std::uint32_t index) { return index & ~kContactOfCase; }

  // Cases, by office case slot.
  [[nodiscard]] std::size_t case_slots() const { return cases_.size(); }
  [[nodiscard]] CaseTasks& case_at(std::uint32_t slot) { return cases_[slot]; }
  [[nodiscard]] const CaseTasks& case_at(std::uint32_t slot) const { return cases_[slot]; }
  // The record of a case starting in `slot` (grown as needed), cleared but for its contact's generation,
  // which keeps counting so that queue entries of the slot's earlier cases stay stale.
  CaseTasks& start_case(std::uint32_t slot);

  // Calls f(Task&) or f(CaseTasks&) (the contact) for the task at `index`.
  template <typename F>
  decltype(auto) with_task(std::uint32_t index, F&& f) {
    if (is_contact_index(index)) return f(cases_[slot_of_contact(index)]);
    return f(tasks_[index]);
  }
  [[nodiscard]] Task& task(std::uint32_t index) { return tasks_[index]; }
  [[nodiscard]] const Task& task(std::uint32_t index) const { return tasks_[index]; }
  [[nodiscard]] static CaseId case_id_of(const Task& t) { return t.case_id; }
  [[nodiscard]] static CaseId case_id_of(const CaseTasks& c) { return c.id; }
  [[nodiscard]] CaseId case_id_at(std::uint32_t index) const {
    return is_contact_index(index) ? cases_[slot_of_contact(index)].id : tasks_[index].case_id;
  }
  [[nodiscard]] TaskKind kind_at(std::uint32_t index) const {
    return is_contact_index(index) ? TaskKind::contact : tasks_[index].kind;
  }
  // The case slot of the task at `index` (kNoCaseSlot for tasks of no case).
  [[nodiscard]] std::uint32_t case_slot_at(std::uint32_t index) const {
    return is_contact_index(index) ? slot_of_contact(index) : tasks_[index].case_slot;
  }
  // The contact of the case in `slot` as a whole Task (for its priority key, audits and tests).
  [[nodiscard]] Task contact_as_task(std::uint32_t slot) const;

  // A task in the slab, open and held by nobody yet, marked mandated or not by its kind.
  std::uint32_t new_task(const Task& task);
  // Opens the contact of the case in `slot`: `seconds`, available from `day`, due by `due_day`, held by
  // nobody yet.
  std::uint32_t new_contact(std::uint32_t slot, WorkSeconds seconds, Day day, Day due_day);
  // Adds a slab task to the open tasks of the case in `slot`.
  void link_to_case(std::uint32_t index, std::uint32_t slot) {
    tasks_[index].next_of_case = cases_[slot].head;
    cases_[slot].head = index;
  }
  void unlink_from_case(std::uint32_t index);
  // Whether the case in `slot` has an open task of `kind` (a walk of its own short list).
  // Whether the case in `slot` has an open task of `kind` (one set aside, RAG-13, counted or not).
  [[nodiscard]] bool has_open_task(std::uint32_t slot, TaskKind kind, bool counting_set_aside = true) const {
    for (std::uint32_t t = cases_[slot].head; t != kNoTask; t = tasks_[t].next_of_case)
      if (tasks_[t].kind == kind && (counting_set_aside || !tasks_[t].set_aside))
        return true;  // a case's list holds its open tasks only
    return false;
  }
  // Closes the task; its queue entry, if any, is stale from now on, and a slab slot is free for reuse.
  void free_task(std::uint32_t index) {
    with_task(index, [](auto& t) {
      t.open = false;
      t.generation += 1;
    });
    if (!is_contact_index(index)) free_tasks_.push_back(index);
  }

  // Queues it (holder may be kUnallocated). A task set aside (RAG-13) is only recorded as `holder`'s: it
  // goes in no queue and no backlog, so it is never worked, and its seconds are counted apart.
  void give(std::uint32_t index, PractitionerIndex holder);
  void take_back(std::uint32_t index);  // remove from its holder's queue (a set-aside task: from its holder)
  // Every open task of the case in `slot` goes to `holder` (who also becomes the case's practitioner).
  void move_case_tasks(std::uint32_t slot, PractitionerIndex holder);

  PractitionerWorkQueue& queue_of(PractitionerIndex who);
  [[nodiscard]] std::span<const PractitionerWorkQueue> queues() const { return queues_; }
  // Whether a queue entry of `who` still stands for an open task `who` holds.
  [[nodiscard]] bool is_live(const QueuedTask& e, PractitionerIndex who) const {
    if (is_contact_index(e.task)) {
      const CaseTasks& c = cases_[slot_of_contact(e.task)];
      return c.open && c.generation == e.generation && c.holder == who;
    }
    const Task& t = tasks_[e.task];
    return t.open && t.generation == e.generation && t.holder == who;
  }

  [[nodiscard]] WorkSeconds backlog_of(PractitionerIndex who) const {
    const auto i = static_cast<std::size_t>(who);
    return i < queues_.size() ? queues_[i].backlog : 0;
  }
  // Seconds not yet worked of open tasks nobody holds (their case waits for allocation).
  [[nodiscard]] WorkSeconds unassigned_backlog() const { return unassigned_backlog_; }
  // Seconds of the open tasks set aside (RAG-13), in no backlog.
  [[nodiscard]] WorkSeconds set_aside_seconds() const { return set_aside_seconds_; }
  // Seconds not yet worked of every open task, set aside or not.
  [[nodiscard]] WorkSeconds open_seconds() const;
  [[nodiscard]] std::size_t open_tasks() const {
    std::size_t open_contacts = 0;
    for (const CaseTasks& c : cases_) open_contacts += c.open ? 1 : 0;
    return tasks_.size() - free_tasks_.size() + open_contacts;
  }
  // Calls visit(const Task&) for each open task (tests and audits): contacts first, by case slot.
  template <typename Visit>
  void for_each_open_task(Visit visit) const {
    for (std::size_t slot = 0; slot < cases_.size(); ++slot)
      if (cases_[slot].open) visit(contact_as_task(static_cast<std::uint32_t>(slot)));
    for (const Task& t : tasks_)
      if (t.open) visit(t);
  }

  // Read ahead what a day's agenda items and the day's work will touch (core/memory_warming.hpp).
  void warm_cases_of(std::span<const CaseworkAgenda::Item> items) const;
  void warm_work_queues() const;

 private:
  static constexpr std::uint32_t kContactOfCase = 0x80000000U;
  [[nodiscard]] QueuedTask queued(const Task& t, std::uint32_t index) const {
    return priority_.queued(t, index);
  }
  [[nodiscard]] QueuedTask queued(const CaseTasks&, std::uint32_t index) const {
    return priority_.queued(contact_as_task(slot_of_contact(index)), index);
  }

  std::array<bool, kTaskKindCount> mandated_;
  PriorityOrder priority_;
  std::vector<Task> tasks_;
  std::vector<std::uint32_t> free_tasks_;
  std::vector<CaseTasks> cases_;               // by office case slot
  std::vector<PractitionerWorkQueue> queues_;  // by practitioner index
  WorkSeconds unassigned_backlog_ = 0;
  WorkSeconds set_aside_seconds_ = 0;
};

}  // namespace probsim
