#pragma once
// The workforce actor: one long-lived SimGrid actor that sleeps until the next staff event on any
// region's agenda (a leaver, a recruit arriving, a trainee qualifying, a sickness episode) and runs the
// ProbationService's staff changes of that day, at that day's staff-changes time (service/day_phase.hpp:
// first in the day, so a leaver's cases are reallocated before new referrals arrive).
//
// Regions are independent: a region's staff events touch only its own offices, and tell nobody else
// but the case event log (a reallocation is an `allocated` row). So, like the offices' day, the regions
// with events on a day run on a pool of threads when the replication has several; with an event log
// attached they run one after another in the scenario's order of regions. Outputs are the same either way.

#include <cstddef>

#include "core/calendar_date.hpp"
#include "service/probation_service.hpp"

namespace probsim {

class WorkforceActor {
 public:
  WorkforceActor(ProbationService& service, Day last_day, std::size_t threads)
      : service_(service), last_day_(last_day), threads_(threads) {}
  void operator()() const;

 private:
  ProbationService& service_;
  Day last_day_;
  std::size_t threads_;  // 1 when an event log is attached
};

}  // namespace probsim
