#pragma once
// CT-13 (AR-7, HMIP 2023 §2.2): "national monitoring raised SARA completion for current perpetrators
// from 49.6% to 67%". Of the domestic-abuse cases under supervision at the end of one day, how many have
// completed the SARA of their start (TS-2, G-6): counted from a PDU's open tasks, since a start SARA not
// yet done is an open `sara` task of its case (one is created for every DA case whose supervision starts,
// and it is closed only when done or when the case ends). docs/validation.md §10.16 gives the reading.
//
// A warm-start case (supervision begun before the run's first day) gets a start SARA only if its due
// day is still ahead; the rest are taken as done, an input rather than a result. So the cases begun in
// the run are counted apart from them.

#include <cstdint>

#include "core/calendar_date.hpp"
#include "sentence_management/casework_task_store.hpp"

namespace probsim {

struct SaraCompletion {
  // DA cases under supervision whose supervision began on or after the run's first day ...
  std::int64_t da_cases = 0;
  std::int64_t sara_completed = 0;  // ... with no start SARA open
  std::int64_t sara_overdue = 0;    // ... whose start SARA is open past its due day
  std::int64_t review_overdue =
      0;  // ... with a periodic review (and so its SARA review) open past its due day
  // DA cases whose supervision began before the run's first day, and those of them with a SARA open.
  std::int64_t warm_start_da_cases = 0;
  std::int64_t warm_start_sara_open = 0;

  SaraCompletion& operator+=(const SaraCompletion& o) {
    da_cases += o.da_cases;
    sara_completed += o.sara_completed;
    sara_overdue += o.sara_overdue;
    review_overdue += o.review_overdue;
    warm_start_da_cases += o.warm_start_da_cases;
    warm_start_sara_open += o.warm_start_sara_open;
    return *this;
  }
};

// At the end of `day` (a task due on `day` and still open is overdue): every active domestic-abuse case
// in `store`, those whose supervision began before `first_day` counted as the warm start.
[[nodiscard]] SaraCompletion count_sara_completion(const CaseworkTaskStore& store, Day day, Day first_day);

}  // namespace probsim
