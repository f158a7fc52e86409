#pragma once
// The domestic-abuse cases of the DA thematic's main sample, and the DA interventions they have had by
// the end of one day. Two published figures count them: MS-1 (of 60 orders and licences begun 6-7 months
// before, "intervention delivered: 17 (28%)"; "not delivered but should have been: 27 (45%)") and VIC-3
// ("17 originally had a BBR requirement or condition; 2 were removed"). docs/validation/09-bbr-delivery.md
// §9.17 gives the readings.
//
// The sample is TS-1's (sentence_management/da_case_task_counts.hpp): DA cases under supervision whose
// supervision began 26 to 30 weeks before the day, and on or after the run's first day (a warm-start
// case's interventions were settled by the import, an input rather than a result). A DA intervention is a
// BBR or structured-intervention requirement (any of the case's records: a man diverted from BBR has two)
// or a toolkit course.

#include <cstdint>
#include <vector>

#include "core/calendar_date.hpp"

namespace probsim {

class InterventionsTeam;

struct DaInterventionSampleCounts {
  std::int64_t da_cases = 0;  // the sample
  // Of them, those with a DA intervention required or referred, ...
  std::int64_t referred = 0;
  std::int64_t started = 0;    // ... with one begun: a recorded start, or a toolkit session asked for
  std::int64_t completed = 0;  // ... with one finished
  // Those with a BBR requirement made, whatever became of it (VIC-3's "originally had"); those of them with
  // a recorded BBR start; and those whose requirement was removed: removed for missed sessions, diverted,
  // or taken off the order by a court.
  std::int64_t bbr_required = 0;
  std::int64_t bbr_started = 0;
  std::int64_t bbr_removed = 0;

  DaInterventionSampleCounts& operator+=(const DaInterventionSampleCounts& o) {
    da_cases += o.da_cases;
    referred += o.referred;
    started += o.started;
    completed += o.completed;
    bbr_required += o.bbr_required;
    bbr_started += o.bbr_started;
    bbr_removed += o.bbr_removed;
    return *this;
  }
};

// At the end of `day`, for each of `team`'s offices (by the team's office index).
[[nodiscard]] std::vector<DaInterventionSampleCounts> count_da_intervention_sample(
    const InterventionsTeam& team, Day day);

}  // namespace probsim
