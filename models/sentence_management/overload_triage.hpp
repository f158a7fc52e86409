#pragma once
// What an overloaded practitioner lets slip (AUD-1..10; AR-12, AR-16; TS-1; RAG-13).
// The 2004 audits found reviews, risk assessments and home visits missed in many cases and name high
// workloads and workload-reduction strategies as the cause; §4.4 asks for on-time probability to fall
// with WMT load. The 2023 inspection finds the same (home visits done in 40% of cases needing one,
// TS-1; reviews addressing change in 49%, AR-16), although RAG-8 mandates SARA and the assessments
// under every status: staff used their own judgement (RAG-13).
//
// The rule: when a task of a listed kind is created, its holder protects it (works it among the
// mandated tasks, first) with a probability that is 1 up to `protect_all_up_to_workload_pct` of WMT
// capacity and falls linearly to 0 at `protect_none_from_workload_pct`. An unprotected task is
// deferred: worked only after every other task the practitioner holds (booked appointments and
// protected work first), so it waits for spare hours and is late when there are none. Each draw is
// keyed on the case and the task, so two scenarios differing only in staffing see the same draws
// (common random numbers) and a task is deferred in the lighter scenario only if also in the heavier.

#include <array>
#include <cstdint>
#include <string>

#include "core/random_stream.hpp"
#include "core/rule_problems.hpp"
#include "sentence_management/task.hpp"
#include "sentence_management/task_draw.hpp"

namespace probsim {

namespace stream {
inline constexpr std::uint64_t kOverloadTriage = purpose_key("overload_triage");  // case id, kind, due day
}  // namespace stream

struct OverloadTriage {
  bool enabled = false;
  double protect_all_up_to_workload_pct = 100.0;
  double protect_none_from_workload_pct = 200.0;
  std::array<bool, kTaskKindCount> applies_to{};  // by TaskKind

  // The falling stretch must have a length, and only tasks of a case's own schedule can be deferred
  // (keys of `sentence_management.overload_triage`).
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    if (protect_none_from_workload_pct <= protect_all_up_to_workload_pct)
      problems.push_back({"protect_none_from_workload_pct", "must be above protect_all_up_to_workload_pct"});
    for (std::size_t i = 0; i < kTaskKindCount; ++i) {
      const auto kind = static_cast<TaskKind>(i);
      // Terminations and court reports are created outside a case's schedule, after its supervision.
      if (applies_to[i] &&
          (kind == TaskKind::contact || kind == TaskKind::court_report || kind == TaskKind::termination))
        problems.push_back({"tasks", "only tasks of a case's own schedule can be deferred, not '" +
                                         std::string(to_string(kind)) +
                                         "' (a contact not delivered in its window is already missed)"});
    }
    return problems;
  }

  // The probability a task created for a practitioner at `workload_pct` of WMT capacity is protected.
  [[nodiscard]] double protect_probability(double workload_pct) const {
    if (!enabled || workload_pct <= protect_all_up_to_workload_pct) return 1.0;
    if (workload_pct >= protect_none_from_workload_pct) return 0.0;
    return 1.0 - (workload_pct - protect_all_up_to_workload_pct) /
                     (protect_none_from_workload_pct - protect_all_up_to_workload_pct);
  }

  // The uniform draw that decides task (case, kind, due day); the same in every scenario of a run.
  [[nodiscard]] static double draw(std::uint64_t replication_seed, CaseId case_id, TaskKind kind,
                                   Day due_day) {
    return task_draw(replication_seed, stream::kOverloadTriage, case_id, kind, due_day);
  }

  // Whether the task is deferred when created for a practitioner at `workload_pct`.
  [[nodiscard]] bool defers(std::uint64_t replication_seed, CaseId case_id, TaskKind kind, Day due_day,
                            double workload_pct) const {
    if (!enabled || !applies_to[static_cast<std::size_t>(kind)]) return false;
    const double protect = protect_probability(workload_pct);
    if (protect >= 1.0) return false;
    return draw(replication_seed, case_id, kind, due_day) >= protect;
  }
};

}  // namespace probsim
