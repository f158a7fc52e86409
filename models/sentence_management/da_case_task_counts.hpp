#pragma once
// The domestic-abuse cases under supervision at the end of one day, and whether the tasks their start
// creates are done: the SARA (TS-2, G-6) and the home visit (TS-1, G-7). Two published figures count
// exactly that: CT-13 (AR-7: "SARA completion for current perpetrators", 49.6% raised to 67%) and TS-1
// (AR-13: home visits "done in 40% of cases that needed one", in a sample of cases begun 6-7 months
// before). docs/validation/10-workload.md §10.16 gives the readings.
//
// Counted from a PDU's open tasks: a start task not yet done is an open task of its case (one of each is
// created for every DA case whose supervision starts, and closed only when done or when the case ends).
// A home visit an event brought (TS-1's "when concerns escalate", validation/10-workload.md §10.21) counts as
// not done only once it is past its due day.
// A warm-start case (supervision begun before the run's first day) gets its start tasks only if their due
// days are still ahead; the rest are taken as done, an input rather than a result, so the cases begun in
// the run are counted apart from them.

#include <cstdint>

#include "core/calendar_date.hpp"
#include "sentence_management/casework_task_store.hpp"

namespace probsim {

struct DaCaseTaskCounts {
  // DA cases under supervision whose supervision began on or after the run's first day ...
  std::int64_t da_cases = 0;
  std::int64_t sara_completed = 0;  // ... with no start SARA open
  std::int64_t sara_overdue = 0;    // ... whose start SARA is open past its due day
  std::int64_t review_overdue = 0;  // ... with a periodic review (and its SARA review) open past its due day
  std::int64_t home_visit_completed = 0;  // ... with no home visit open
  // Of them, those begun within the sample's ages (TS-1: 26 to 30 weeks before the day), and those of
  // these with no home visit open (TS-1) and with no start SARA open (AR-6).
  std::int64_t sample_da_cases = 0;
  std::int64_t sample_home_visit_completed = 0;
  std::int64_t sample_sara_completed = 0;
  // DA cases whose supervision began before the run's first day, and those of them with a SARA open.
  std::int64_t warm_start_da_cases = 0;
  std::int64_t warm_start_sara_open = 0;

  DaCaseTaskCounts& operator+=(const DaCaseTaskCounts& o) {
    da_cases += o.da_cases;
    sara_completed += o.sara_completed;
    sara_overdue += o.sara_overdue;
    review_overdue += o.review_overdue;
    home_visit_completed += o.home_visit_completed;
    sample_da_cases += o.sample_da_cases;
    sample_home_visit_completed += o.sample_home_visit_completed;
    sample_sara_completed += o.sample_sara_completed;
    warm_start_da_cases += o.warm_start_da_cases;
    warm_start_sara_open += o.warm_start_sara_open;
    return *this;
  }
};

// The DA thematic's main sample (TS-1; also MS-1 and VIC-3, interventions/da_intervention_sample.hpp):
// orders and licences begun 6-7 months before the inspection, read as 26 to 30 weeks.
inline constexpr Day kMainSampleMinAgeDays = 26 * 7;
inline constexpr Day kMainSampleMaxAgeDays = 30 * 7;

// At the end of `day` (a task due on `day` and still open is overdue): every active domestic-abuse case
// in `store`, those whose supervision began before `first_day` counted as the warm start.
[[nodiscard]] DaCaseTaskCounts count_da_case_tasks(const CaseworkTaskStore& store, Day day, Day first_day);

}  // namespace probsim
