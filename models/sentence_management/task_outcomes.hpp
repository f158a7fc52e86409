#pragma once
// What happened to a PDU's tasks, cumulative from day 0 so the recorder takes any period's flows as
// differences. Timeliness is counted by DUE day: a task counts as due on its due day unless its case
// ended on or before that day (then it was cancelled and never counts), and as on time if it was
// completed on or before its due day. Both arrays are final for every day up to today, so a period's
// share is known when the period closes. Days late are recorded when a late task is completed.
//
// Hours: demanded (hours of tasks created) = worked + open + cancelled + missed, exactly, in seconds.

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "sentence_management/task.hpp"

namespace probsim {

struct TaskCounters {
  std::array<std::int64_t, kTaskKindCount> created{};
  std::array<std::int64_t, kTaskKindCount> completed{};
  std::array<std::int64_t, kTaskKindCount> completed_late{};
  std::array<std::int64_t, kTaskKindCount> cancelled{};  // their case ended (or nobody could hold them)
  // Of `created`, those set aside as not needed under revised measures (RAG-13): never worked, open until
  // their case ends and they are cancelled.
  std::array<std::int64_t, kTaskKindCount> set_aside{};
  std::int64_t contacts_missed = 0;  // windows that closed without the contact
  WorkSeconds demanded = 0;          // seconds of every task created
  WorkSeconds worked = 0;
  WorkSeconds worked_beyond_contract = 0;  // of `worked`, in hours beyond contract (WF-20)
  WorkSeconds cancelled_seconds = 0;       // not yet worked when cancelled
  WorkSeconds missed_seconds = 0;          // not yet worked when a contact's window closed
  WorkSeconds available = 0;               // practitioners' hours for tasks, on working days
};

// A late task's completion: the day it was done and how many calendar days after its due day.
struct LateCompletion {
  Day day = 0;
  std::int32_t days_late = 0;
};

class TaskOutcomes {
 public:
  // Days [0, last_day] are recorded; tasks due later (past the simulation) are not counted as due.
  explicit TaskOutcomes(Day last_day)
      : day_count_(static_cast<std::size_t>(last_day < 0 ? 0 : last_day + 1)) {
    for (auto& v : due_) v.assign(day_count_, 0);
    for (auto& v : on_time_) v.assign(day_count_, 0);
    face_to_face_.assign(day_count_, 0);
    high_rosh_home_visits_due_.assign(day_count_, 0);
    high_rosh_home_visits_on_time_.assign(day_count_, 0);
    for (std::size_t k = 0; k < kTaskKindCount; ++k) {
      if (!counted_for_domestic_abuse(static_cast<TaskKind>(k))) continue;
      domestic_abuse_due_[k].assign(day_count_, 0);
      domestic_abuse_on_time_[k].assign(day_count_, 0);
    }
  }

  void add_due(TaskKind kind, Day due_day, int delta) {
    if (in_range(due_day)) due_[index(kind)][static_cast<std::size_t>(due_day)] += delta;
  }
  void add_on_time(TaskKind kind, Day due_day) {
    if (in_range(due_day)) on_time_[index(kind)][static_cast<std::size_t>(due_day)] += 1;
  }
  void add_face_to_face_delivered(Day due_day) {
    if (in_range(due_day)) face_to_face_[static_cast<std::size_t>(due_day)] += 1;
  }
  // The home visits of high and very high RoSH cases, counted a second time on their own, because AUD-9
  // counts only these. The RoSH is the case's at the start of supervision; its tasks keep that value.
  void add_high_rosh_home_visit_due(Day due_day, int delta) {
    if (in_range(due_day)) high_rosh_home_visits_due_[static_cast<std::size_t>(due_day)] += delta;
  }
  void add_high_rosh_home_visit_on_time(Day due_day) {
    if (in_range(due_day)) high_rosh_home_visits_on_time_[static_cast<std::size_t>(due_day)] += 1;
  }
  // The tasks of domestic-abuse cases, counted a second time on their own, because the DV audits count
  // only these (validation/11-national-standards.md §11.12). The flag is the case's at the start of
  // supervision. Only the kinds the audits read are kept (the others would be about 8 MiB of a national run,
  // never read).
  [[nodiscard]] static constexpr bool counted_for_domestic_abuse(TaskKind kind) {
    switch (kind) {
      case TaskKind::initial_assessment:
      case TaskKind::sara:
      case TaskKind::contact:
      case TaskKind::periodic_review:
      case TaskKind::event_review:
      case TaskKind::breach_action:
      case TaskKind::risk_management_plan:
        return true;
      default:
        return false;
    }
  }
  void add_domestic_abuse_due(TaskKind kind, Day due_day, int delta) {
    if (in_range(due_day) && counted_for_domestic_abuse(kind))
      domestic_abuse_due_[index(kind)][static_cast<std::size_t>(due_day)] += delta;
  }
  void add_domestic_abuse_on_time(TaskKind kind, Day due_day) {
    if (in_range(due_day) && counted_for_domestic_abuse(kind))
      domestic_abuse_on_time_[index(kind)][static_cast<std::size_t>(due_day)] += 1;
  }
  void add_late_completion(TaskKind kind, Day day, std::int32_t days_late) {
    late_[index(kind)].push_back(LateCompletion{day, days_late});
  }

  // Tasks of `kind` due on days [first, last], and those of them done on time.
  [[nodiscard]] std::int64_t due(TaskKind kind, Day first, Day last) const {
    return sum(due_[index(kind)], first, last);
  }
  [[nodiscard]] std::int64_t on_time(TaskKind kind, Day first, Day last) const {
    return sum(on_time_[index(kind)], first, last);
  }
  // Contacts due on days [first, last] delivered face to face within their window.
  [[nodiscard]] std::int64_t face_to_face_delivered(Day first, Day last) const {
    return sum(face_to_face_, first, last);
  }
  // Home visits of high and very high RoSH cases due on days [first, last], and those done on time.
  [[nodiscard]] std::int64_t high_rosh_home_visits_due(Day first, Day last) const {
    return sum(high_rosh_home_visits_due_, first, last);
  }
  [[nodiscard]] std::int64_t high_rosh_home_visits_on_time(Day first, Day last) const {
    return sum(high_rosh_home_visits_on_time_, first, last);
  }
  // Tasks of `kind` of domestic-abuse cases due on days [first, last], and those done on time.
  // A kind not counted apart is a programming error, not a zero.
  [[nodiscard]] std::int64_t domestic_abuse_due(TaskKind kind, Day first, Day last) const {
    return sum(domestic_abuse_counts(domestic_abuse_due_, kind), first, last);
  }
  [[nodiscard]] std::int64_t domestic_abuse_on_time(TaskKind kind, Day first, Day last) const {
    return sum(domestic_abuse_counts(domestic_abuse_on_time_, kind), first, last);
  }
  // Late completions in completion order (days never decrease).
  [[nodiscard]] const std::vector<LateCompletion>& late_completions(TaskKind kind) const {
    return late_[index(kind)];
  }

  TaskCounters counters;

 private:
  static std::size_t index(TaskKind kind) { return static_cast<std::size_t>(kind); }
  [[nodiscard]] bool in_range(Day day) const {
    return day >= 0 && static_cast<std::size_t>(day) < day_count_;
  }
  [[nodiscard]] static const std::vector<std::int32_t>& domestic_abuse_counts(
      const std::array<std::vector<std::int32_t>, kTaskKindCount>& counts, TaskKind kind) {
    if (!counted_for_domestic_abuse(kind))
      throw std::logic_error("TaskOutcomes: " + std::string(to_string(kind)) +
                             " is not counted for DA cases apart");
    return counts[index(kind)];
  }
  [[nodiscard]] std::int64_t sum(const std::vector<std::int32_t>& v, Day first, Day last) const {
    std::int64_t total = 0;
    for (Day d = first < 0 ? 0 : first; d <= last && in_range(d); ++d)
      total += v[static_cast<std::size_t>(d)];
    return total;
  }

  std::size_t day_count_;
  std::array<std::vector<std::int32_t>, kTaskKindCount> due_;
  std::array<std::vector<std::int32_t>, kTaskKindCount> on_time_;
  std::vector<std::int32_t> face_to_face_;
  std::vector<std::int32_t> high_rosh_home_visits_due_;
  std::vector<std::int32_t> high_rosh_home_visits_on_time_;
  std::array<std::vector<std::int32_t>, kTaskKindCount> domestic_abuse_due_;
  std::array<std::vector<std::int32_t>, kTaskKindCount> domestic_abuse_on_time_;
  std::array<std::vector<LateCompletion>, kTaskKindCount> late_;
};

}  // namespace probsim
