// CaseworkTaskStore (casework_task_store.hpp): the task slab and its free list, the cases' records,
// the practitioners' queues and their backlogs, and reading ahead what a day will touch.
#include "sentence_management/casework_task_store.hpp"

#include <algorithm>

#include "core/memory_warming.hpp"

namespace probsim {

namespace {
// How far ahead new_task asks for the free slot it will reuse. Far enough to cover a miss to DRAM,
// near enough that what was fetched is still in the cache when used.
constexpr std::size_t kFreeSlotLookahead = 4;
// Tasks read ahead per practitioner before the day's work: the three levels of the heap a day's few
// pops take the next task from.
constexpr std::size_t kWarmedTasksPerQueue = 7;
}  // namespace

CaseworkTaskStore::CaseTasks& CaseworkTaskStore::start_case(std::uint32_t slot) {
  if (slot >= cases_.size()) cases_.resize(slot + 1);
  CaseTasks& c = cases_[slot];
  const std::uint32_t contact_generation = c.generation;
  c = CaseTasks{};
  c.generation = contact_generation;
  return c;
}

Task CaseworkTaskStore::contact_as_task(std::uint32_t slot) const {
  const CaseTasks& c = cases_[slot];
  Task t;
  t.kind = TaskKind::contact;
  t.mandated = mandated_[static_cast<std::size_t>(TaskKind::contact)];
  t.rosh = c.rosh;
  t.domestic_abuse = c.domestic_abuse;
  t.open = c.open;
  t.face_to_face = c.face_to_face;
  t.generation = c.generation;
  t.case_slot = slot;
  t.next_of_case = kNoTask;
  t.case_id = c.id;
  t.holder = c.holder;
  t.seconds = c.seconds;
  t.seconds_remaining = c.seconds_remaining;
  t.available_from = c.available_from;
  t.due_day = c.due_day;
  return t;
}

PractitionerWorkQueue& CaseworkTaskStore::queue_of(PractitionerIndex who) {
  const auto i = static_cast<std::size_t>(who);
  if (i >= queues_.size()) queues_.resize(i + 1);
  return queues_[i];
}

std::uint32_t CaseworkTaskStore::new_task(const Task& task) {
  std::uint32_t index;
  if (!free_tasks_.empty()) {
    index = free_tasks_.back();
    free_tasks_.pop_back();
    // Freed slots are reused last-in first-out, scattered over the slab: fetch the one reused a few
    // tasks from now, so its store does not wait for memory.
    if (free_tasks_.size() >= kFreeSlotLookahead)
      __builtin_prefetch(&tasks_[free_tasks_[free_tasks_.size() - kFreeSlotLookahead]], 1);
    const std::uint32_t generation = tasks_[index].generation;
    tasks_[index] = task;
    tasks_[index].generation = generation;
  } else {
    index = static_cast<std::uint32_t>(tasks_.size());
    tasks_.push_back(task);
  }
  Task& t = tasks_[index];
  t.open = true;
  t.holder = kUnallocated;
  t.next_of_case = kNoTask;
  t.mandated = mandated_[static_cast<std::size_t>(t.kind)];
  t.seconds_remaining = t.seconds;
  return index;
}

std::uint32_t CaseworkTaskStore::new_contact(std::uint32_t slot, WorkSeconds seconds, Day day, Day due_day) {
  CaseTasks& c = cases_[slot];
  c.open = true;
  c.face_to_face = false;  // set by the rules once the contact is given
  c.holder = kUnallocated;
  c.seconds = static_cast<std::int32_t>(seconds);  // at most kMaxContactSeconds (PduCasework's constructor)
  c.seconds_remaining = c.seconds;
  c.available_from = day;
  c.due_day = due_day;
  return contact_index(slot);
}

void CaseworkTaskStore::give(std::uint32_t index, PractitionerIndex holder) {
  if (!is_contact_index(index) && tasks_[index].set_aside) {
    tasks_[index].holder = holder;
    set_aside_seconds_ += tasks_[index].seconds_remaining;
    return;
  }
  with_task(index, [&](auto& t) {
    t.holder = holder;
    if (holder == kUnallocated) {
      unassigned_backlog_ += t.seconds_remaining;
      return;
    }
    PractitionerWorkQueue& queue = queue_of(holder);
    queue.backlog += t.seconds_remaining;
    queue.push(queued(t, index));
  });
}

void CaseworkTaskStore::take_back(std::uint32_t index) {
  if (!is_contact_index(index) && tasks_[index].set_aside) {
    tasks_[index].holder = kUnallocated;  // it was in no queue: no entry to make stale
    set_aside_seconds_ -= tasks_[index].seconds_remaining;
    return;
  }
  with_task(index, [&](auto& t) {
    if (t.holder == kUnallocated) {
      unassigned_backlog_ -= t.seconds_remaining;
      return;
    }
    PractitionerWorkQueue& queue = queue_of(t.holder);
    queue.backlog -= t.seconds_remaining;
    const PractitionerIndex who = t.holder;
    t.generation += 1;  // its queue entry is now stale
    t.holder = kUnallocated;
    if (queue.note_stale()) queue.compact([&](const QueuedTask& e) { return is_live(e, who); });
  });
}

void CaseworkTaskStore::unlink_from_case(std::uint32_t index) {
  if (is_contact_index(index)) return;  // a contact is the case's own field, in no list
  Task& t = tasks_[index];
  if (t.case_slot == kNoCaseSlot || t.kind == TaskKind::contact) return;
  CaseTasks& c = cases_[t.case_slot];
  std::uint32_t* link = &c.head;
  while (*link != kNoTask && *link != index) link = &tasks_[*link].next_of_case;
  if (*link == index) *link = t.next_of_case;
  t.next_of_case = kNoTask;
}

void CaseworkTaskStore::move_case_tasks(std::uint32_t slot, PractitionerIndex holder) {
  CaseTasks& c = cases_[slot];
  c.case_holder = holder;
  for (std::uint32_t i = c.head; i != kNoTask; i = tasks_[i].next_of_case) {
    take_back(i);
    give(i, holder);
  }
  if (c.open) {
    take_back(contact_index(slot));
    give(contact_index(slot), holder);
  }
}

WorkSeconds CaseworkTaskStore::open_seconds() const {
  WorkSeconds total = unassigned_backlog_ + set_aside_seconds_;
  for (const PractitionerWorkQueue& q : queues_) total += q.backlog;
  return total;
}

void CaseworkTaskStore::warm_cases_of(std::span<const CaseworkAgenda::Item> items) const {
  // See core/memory_warming.hpp. First the cases (one line each: the case and its contact), then,
  // from them, the heaps of their holders, which closing a window and opening the next pushes into.
  std::uint64_t sum = 0;
  for (const CaseworkAgenda::Item& item : items)
    if (item.slot < cases_.size()) sum += cases_[item.slot].head;
  for (const CaseworkAgenda::Item& item : items)
    if (item.slot < cases_.size()) {
      const PractitionerIndex holder = cases_[item.slot].case_holder;
      if (holder != kUnallocated && static_cast<std::size_t>(holder) < queues_.size())
        sum += queues_[static_cast<std::size_t>(holder)].read_ends();
    }
  keep_loaded(sum);
}

void CaseworkTaskStore::warm_work_queues() const {
  // See core/memory_warming.hpp. First each heap's ends, then the tasks on its top levels.
  std::uint64_t sum = 0;
  for (const PractitionerWorkQueue& queue : queues_) sum += queue.read_ends();
  for (const PractitionerWorkQueue& queue : queues_) {
    for (const QueuedTask& entry : queue.top_levels(kWarmedTasksPerQueue)) {
      const std::uint32_t index = entry.task;
      sum += is_contact_index(index) ? cases_[slot_of_contact(index)].generation : tasks_[index].generation;
    }
  }
  keep_loaded(sum);
}

}  // namespace probsim
