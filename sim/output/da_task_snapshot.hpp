#pragma once
// The domestic-abuse cases' start tasks at the end of one day (simulation.workload_snapshot_on), for
// CT-13 (AR-7: "SARA completion for current perpetrators", 49.6% raised to 67%) and TS-1 (AR-13: home
// visits "done in 40% of cases that needed one"). Read as docs/validation.md §10.16 states; counted by
// sentence_management/da_case_task_counts.hpp.
//
// KPIs, per unit (national, region, PDU), over the DA cases under supervision that day whose supervision
// began in the run:
//   sara_snapshot_da_cases, sara_snapshot_completed_share, sara_snapshot_overdue_share (start SARA open
//   past its due day), sara_snapshot_review_overdue_share (a periodic review, and so its SARA review,
//   open past its due day), home_visit_snapshot_completed_share;
// over those begun 26 to 30 weeks before (TS-1's sample): home_visit_snapshot_sample_da_cases,
//   home_visit_snapshot_sample_completed_share;
// and over every DA case, the warm start's taken as done unless one is open:
//   sara_snapshot_completed_share_with_warm_start.

#include <functional>
#include <string>
#include <vector>

#include "sentence_management/da_case_task_counts.hpp"

namespace probsim {

class DaTaskSnapshot {
 public:
  // One count per office (in the recorder's office order).
  void take(std::vector<DaCaseTaskCounts> by_office) {
    by_office_ = std::move(by_office);
    taken_ = true;
  }

  // Calls kpi(name, value) for the offices `units` pooled; nothing if no snapshot was taken.
  void emit(const std::vector<std::size_t>& units,
            const std::function<void(const std::string&, double)>& kpi) const;

 private:
  std::vector<DaCaseTaskCounts> by_office_;
  bool taken_ = false;
};

}  // namespace probsim
