#pragma once
// The tasks one practitioner holds, as binary heaps in priority order (PriorityOrder): the routine tasks
// in one, those deferred under overload in another. Tasks leave them lazily: when a task is done, moved to a
// colleague or cancelled, its entry goes stale (its generation no longer matches) and is dropped when it
// reaches the top, or all at once when stale entries outnumber live ones. So no day's work ever sorts or
// scans a practitioner's whole list.

#include <algorithm>
#include <span>
#include <vector>

#include "sentence_management/priority_order.hpp"

namespace probsim {

class PractitionerWorkQueue {
 public:
  void push(const QueuedTask& entry) {
    std::vector<QueuedTask>& heap = entry.deferred() ? deferred_ : routine_;
    heap.push_back(entry);
    std::push_heap(heap.begin(), heap.end(), after);
  }
  [[nodiscard]] bool empty() const { return routine_.empty() && deferred_.empty(); }
  [[nodiscard]] std::size_t size() const { return routine_.size() + deferred_.size(); }
  // Every routine entry is worked before every deferred one (the deferred bit is the key's highest), so
  // the first of the routine heap, while it has any, is the first of all.
  [[nodiscard]] const QueuedTask& top() const { return first_heap().front(); }
  void pop() {
    std::vector<QueuedTask>& heap = routine_.empty() ? deferred_ : routine_;
    std::pop_heap(heap.begin(), heap.end(), after);
    heap.pop_back();
  }
  void pop_stale() {
    pop();
    if (stale_ > 0) --stale_;
  }

  // One of this queue's entries went stale. Returns true when it is worth compacting.
  bool note_stale() {
    ++stale_;
    return stale_ > kCompactFloor && 2 * stale_ > size();
  }
  // Drops every entry `is_live` rejects and restores the heaps.
  template <typename IsLive>
  void compact(IsLive is_live) {
    for (std::vector<QueuedTask>* heap : {&routine_, &deferred_}) {
      std::erase_if(*heap, [&](const QueuedTask& e) { return !is_live(e); });
      std::make_heap(heap->begin(), heap->end(), after);
    }
    stale_ = 0;
  }
  void clear() {
    for (std::vector<QueuedTask>* heap : {&routine_, &deferred_}) {
      heap->clear();
      heap->shrink_to_fit();
    }
    stale_ = 0;
    backlog = 0;
  }
  // Calls f on every entry, live or stale, in no particular order.
  template <typename F>
  void for_each_entry(F&& f) const {
    for (const QueuedTask& e : routine_) f(e);
    for (const QueuedTask& e : deferred_) f(e);
  }
  // The first `count` entries (at most) of the heap worked first: its top levels, for reading ahead.
  [[nodiscard]] std::span<const QueuedTask> top_levels(std::size_t count) const {
    const std::vector<QueuedTask>& heap = first_heap();
    return {heap.data(), std::min(count, heap.size())};
  }

  // Reads the entries a push or the first pop touches (the front, the middle, the end) and returns
  // a sum of them, for reading ahead in bulk (core/memory_warming.hpp).
  [[nodiscard]] std::uint64_t read_ends() const {
    const std::vector<QueuedTask>& heap = first_heap();
    if (heap.empty()) return 0;
    return std::uint64_t{heap.front().task} + heap[(heap.size() - 1) / 2].task + heap.back().task;
  }

  // Seconds not yet worked of the open tasks this practitioner holds.
  WorkSeconds backlog = 0;

 private:
  static constexpr std::size_t kCompactFloor = 64;
  // Each heap keeps the task to do first at the front: a max-heap under "is worked after". A function
  // object rather than a function pointer, so the heap algorithms inline the comparison (as a pointer
  // it was called out of line, about a tenth of the national benchmark's time).
  struct WorkedAfter {
    bool operator()(const QueuedTask& a, const QueuedTask& b) const { return b.before(a); }
  };
  static constexpr WorkedAfter after{};

  [[nodiscard]] const std::vector<QueuedTask>& first_heap() const {
    return routine_.empty() ? deferred_ : routine_;
  }

  // Tasks an overloaded holder deferred (OverloadTriage) are kept apart. Under pressure they pile up
  // (in the national baseline about half of a queue's entries), and in one heap with the rest they
  // deepened every push and pop of the work actually done that day.
  std::vector<QueuedTask> routine_;
  std::vector<QueuedTask> deferred_;
  std::size_t stale_ = 0;
};

}  // namespace probsim
