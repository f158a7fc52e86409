#pragma once
// The workforce actor: one long-lived SimGrid actor that sleeps until the next staff event on any
// region's agenda (a leaver, a recruit arriving, a trainee qualifying, a sickness episode) and applies
// every region's events of that day. It acts at the very start of day d (time d), before the offices do
// the day's casework (time d + 0.25), so a leaver's cases are reallocated before new referrals arrive.
//
// Regions are independent: a region's staff events touch only its own offices, and tell nobody else
// but the case event log (a reallocation is an `allocated` row). So, like the offices' day, the regions
// with events on a day run on a pool of threads when the replication has several; with an event log
// attached they run one after another in the scenario's order of regions. Outputs are the same either way.

#include <cstddef>
#include <vector>

#include "core/calendar_date.hpp"
#include "workforce/region_workforce.hpp"

namespace probsim {

class WorkforceActor {
 public:
  WorkforceActor(std::vector<RegionWorkforce*> regions, Day last_day, std::size_t threads)
      : regions_(std::move(regions)), last_day_(last_day), threads_(threads) {}
  void operator()() const;

 private:
  std::vector<RegionWorkforce*> regions_;  // in scenario order
  Day last_day_;
  std::size_t threads_;  // 1 when an event log is attached
};

}  // namespace probsim
