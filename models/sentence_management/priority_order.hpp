#pragma once
// The order a practitioner works through the tasks they hold (the scenario's `priority_order`): each
// task gets a key from the shared ordering rule (caseload/priority_rule.hpp) when it is queued, and
// smaller keys are worked first; ties go to the earliest due day, then the case id, then the kind, then
// the task's slot, so the order never depends on the order tasks were created in.

#include <cstdint>
#include <utility>
#include <vector>

#include "caseload/priority_rule.hpp"
#include "sentence_management/task.hpp"
#include "sentence_management/task_rules.hpp"

namespace probsim {

struct QueuedTask {
  std::uint64_t key = 0;
  Day due_day = 0;
  TaskKind kind = TaskKind::contact;
  CaseId case_id = 0;
  std::uint32_t task = kNoTask;
  std::uint32_t generation = 0;

  // Whether the holder deferred the task under overload (OverloadTriage): the key's highest bit, which
  // the ordering rule leaves free.
  static constexpr std::uint64_t kDeferredBit = PriorityRule::kAfterEverythingBit;
  [[nodiscard]] bool deferred() const { return (key & kDeferredBit) != 0; }

  // True when `this` is worked before `other`.
  [[nodiscard]] bool before(const QueuedTask& other) const {
    if (key != other.key) return key < other.key;
    if (due_day != other.due_day) return due_day < other.due_day;
    if (case_id != other.case_id) return case_id < other.case_id;
    if (kind != other.kind) return kind < other.kind;
    // Two open tasks of one kind for one case, due the same day (e.g. two event reviews): the one in the
    // lower slot. An arbitrary rule, but a fixed one: the order is total, so no outcome depends on where
    // a heap happens to keep its entries.
    return task < other.task;
  }
};

// A task's facts for the shared ordering rule (caseload/priority_rule.hpp).
[[nodiscard]] inline PriorityFacts priority_facts(const Task& task) {
  return PriorityFacts{task.mandated, task.kind == TaskKind::contact, task.rosh, task.due_day,
                       task.available_from};
}

class PriorityOrder {
 public:
  explicit PriorityOrder(std::vector<PriorityCriterion> criteria) : rule_(std::move(criteria)) {}

  [[nodiscard]] std::uint64_t key(const Task& task) const {
    std::uint64_t key = rule_.key(priority_facts(task));
    // A task its overloaded holder deferred (OverloadTriage) comes after every other.
    if (task.deferred) key |= QueuedTask::kDeferredBit;
    return key;
  }

  [[nodiscard]] QueuedTask queued(const Task& task, std::uint32_t index) const {
    return QueuedTask{key(task), task.due_day, task.kind, task.case_id, index, task.generation};
  }

 private:
  PriorityRule rule_;
};

}  // namespace probsim
