#pragma once
// The order a practitioner works through the tasks they hold (the scenario's `priority_order`): each
// task gets a key when it is queued, and smaller keys are worked first. The criteria are packed into
// one 64-bit word in the order given; ties go to the earliest due day, then the case id, then the kind,
// so the order never depends on the order tasks were created in.

#include <cstdint>
#include <vector>

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

  // Whether the holder deferred the task under overload (OverloadTriage): the key's highest bit.
  static constexpr std::uint64_t kDeferredBit = 1ULL << 63;
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

class PriorityOrder {
 public:
  explicit PriorityOrder(std::vector<PriorityCriterion> criteria) : criteria_(std::move(criteria)) {}

  [[nodiscard]] std::uint64_t key(const Task& task) const {
    std::uint64_t key = 0;
    for (PriorityCriterion criterion : criteria_) {
      switch (criterion) {
        case PriorityCriterion::mandated_first:
          key = (key << 1) | (task.mandated ? 0U : 1U);
          break;
        case PriorityCriterion::high_rosh_first:
          key = (key << 1) | (task.high_rosh ? 0U : 1U);
          break;
        case PriorityCriterion::contacts_first:
          key = (key << 1) | (task.kind == TaskKind::contact ? 0U : 1U);
          break;
        case PriorityCriterion::earliest_due:
          key = (key << kDayBits) | day_field(task.due_day);
          break;
        case PriorityCriterion::earliest_created:
          key = (key << kDayBits) | day_field(task.available_from);
          break;
      }
    }
    // A task its overloaded holder deferred (OverloadTriage) comes after every other: the criteria use
    // at most 51 bits, so the top bit is free.
    if (task.deferred) key |= QueuedTask::kDeferredBit;
    return key;
  }

  [[nodiscard]] QueuedTask queued(const Task& task, std::uint32_t index) const {
    return QueuedTask{key(task), task.due_day, task.kind, task.case_id, index, task.generation};
  }

 private:
  // Days as 24-bit unsigned fields (offset so pre-history days sort before day 0). Five criteria at most
  // (each at most once) take 3 + 2 × 24 = 51 bits.
  static constexpr int kDayBits = 24;
  static std::uint64_t day_field(Day day) {
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(day) + (1 << 23)) & ((1ULL << kDayBits) - 1);
  }

  std::vector<PriorityCriterion> criteria_;
};

}  // namespace probsim
