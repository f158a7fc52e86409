#pragma once
// The tasks one practitioner holds, as a binary heap in priority order (PriorityOrder). Tasks leave it
// lazily: when a task is done, moved to a colleague or cancelled, its entry goes stale (its generation
// no longer matches) and is dropped when it reaches the top, or all at once when stale entries
// outnumber live ones. So no day's work ever sorts or scans a practitioner's whole list.

#include <algorithm>
#include <vector>

#include "sentence_management/priority_order.hpp"

namespace probsim {

class PractitionerWorkQueue {
 public:
  void push(const QueuedTask& entry) {
    heap_.push_back(entry);
    std::push_heap(heap_.begin(), heap_.end(), after);
  }
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] const QueuedTask& top() const { return heap_.front(); }
  void pop() {
    std::pop_heap(heap_.begin(), heap_.end(), after);
    heap_.pop_back();
  }
  void pop_stale() {
    pop();
    if (stale_ > 0) --stale_;
  }

  // One of this queue's entries went stale. Returns true when it is worth compacting.
  bool note_stale() {
    ++stale_;
    return stale_ > kCompactFloor && 2 * stale_ > heap_.size();
  }
  // Drops every entry `is_live` rejects and restores the heap.
  template <typename IsLive>
  void compact(IsLive is_live) {
    std::erase_if(heap_, [&](const QueuedTask& e) { return !is_live(e); });
    std::make_heap(heap_.begin(), heap_.end(), after);
    stale_ = 0;
  }
  void clear() {
    heap_.clear();
    heap_.shrink_to_fit();
    stale_ = 0;
    backlog = 0;
  }
  [[nodiscard]] const std::vector<QueuedTask>& entries() const { return heap_; }

  // Reads the entries a push or the first pop touches (the front, the middle, the end) and returns
  // a sum of them, for reading ahead in bulk (core/memory_warming.hpp).
  [[nodiscard]] std::uint64_t read_ends() const {
    if (heap_.empty()) return 0;
    return std::uint64_t{heap_.front().task} + heap_[(heap_.size() - 1) / 2].task + heap_.back().task;
  }

  // Seconds not yet worked of the open tasks this practitioner holds.
  WorkSeconds backlog = 0;

 private:
  static constexpr std::size_t kCompactFloor = 64;
  // The heap keeps the task to do first at the front: a max-heap under "is worked after". A function
  // object rather than a function pointer, so the heap algorithms inline the comparison (as a pointer
  // it was called out of line, about a tenth of the national benchmark's time).
  struct WorkedAfter {
    bool operator()(const QueuedTask& a, const QueuedTask& b) const { return b.before(a); }
  };
  static constexpr WorkedAfter after{};

  std::vector<QueuedTask> heap_;
  std::size_t stale_ = 0;
};

}  // namespace probsim
