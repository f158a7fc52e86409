#pragma once
// Cumulative counts a PDU office keeps from day 0. They only ever grow, so the recorder gets any
// period's flow as the difference of two snapshots.

#include <array>
#include <cstdint>

namespace probsim {

struct OfficeCounters {
  std::int64_t initial_cases = 0;  // warm-start caseload placed on day 0
  std::int64_t referrals = 0;
  std::array<std::int64_t, 5> terminations_by_reason{};  // by TerminationReason
  std::int64_t allocations = 0;
  std::int64_t allocations_outside_grade_rule = 0;
  std::int64_t orders_extended = 0;  // continued by a court with more requirements (extend_order)
  std::int64_t reallocations = 0;  // cases moved to a colleague because their practitioner left
  // Σ over terminated cases of their changes of practitioner (for the mean per completed case).
  std::int64_t terminated_case_practitioner_changes = 0;
  // Σ over days of the caseload at the end of the day (case-days), for time-averaged caseloads.
  std::int64_t caseload_days = 0;

  // The prioritisation framework (RAG). Days (office days run) spent in each status, by RagStatus, and
  // changes of status.
  std::array<std::int64_t, 3> rag_days{};
  std::int64_t rag_changes = 0;
  // Facilitator hours handed to sentence management (set_redeployed_hours_per_working_day), counted on
  // each working day they were made available to the PDU's casework (RAG-4).
  double facilitator_hours_redeployed = 0.0;

  [[nodiscard]] std::int64_t terminations() const {
    std::int64_t total = 0;
    for (auto n : terminations_by_reason) total += n;
    return total;
  }
  [[nodiscard]] std::int64_t early_terminations() const { return terminations() - terminations_by_reason[0]; }
};

}  // namespace probsim
