#pragma once
// One unit's figures for one month of timeseries.csv: flows over the period (referrals, terminations,
// leavers, joiners, PDU-days by RAG status) and stocks at its end (caseload, staff, workload). Read
// from each PDU office, then added into its region and the nation.

#include <array>
#include <vector>

#include "office/pdu_office.hpp"
#include "output/task_figures.hpp"

namespace probsim {

struct PeriodFigures {  // one unit's figures for one period (flows) or at its end (stocks)
  double caseload = 0, referrals = 0, terminations_sentence_end = 0, terminations_early = 0, unallocated = 0;
  // Over practitioners who can take cases (in post, case-holding grade, not on long-term sickness).
  double workload_pct_sum = 0, practitioners = 0, practitioners_over_110pct = 0;
  std::vector<double> workload_pcts;  // one per such practitioner, for the percentiles
  PerGrade<double> in_post_fte{}, establishment_fte{};
  double vacant_fte = 0, practitioner_establishment_fte = 0;  // over the case-holding grades
  double leavers = 0, joiners = 0;                            // case-holding grades, headcount
  // Sentence management: tasks DUE in the period (docs/reference/outputs.md), flows since the last
  // snapshot, and stocks at its end.
  TaskFigures tasks;
  // The prioritisation framework: PDUs in each status at the snapshot (1 for the PDU's own at PDU
  // level), and PDU-days in each status over the period; both by RagStatus.
  std::array<double, kRagStatusCount> pdus_by_status{};
  std::array<double, kRagStatusCount> rag_days{};
  void add(const PeriodFigures& other);
};

// The figures of `office` now, with flows against `before` and `staff_before`; `tasks` is left empty
// (the caller reads them for its own due days with task_figures_of).
[[nodiscard]] PeriodFigures period_figures_of(const PduOffice& office, const OfficeCounters& before,
                                              const StaffCounters& staff_before);

}  // namespace probsim
