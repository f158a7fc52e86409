#include "engine/workforce_actor.hpp"

#include <algorithm>
#include <simgrid/s4u/Actor.hpp>
#include <string>

#include "engine/parallel_day.hpp"

namespace probsim {

void WorkforceActor::operator()() const {
  ParallelDay pool(std::min(threads_, std::max<std::size_t>(1, service_.units_in(DayPhase::staff_changes))),
                   "the day's " + std::string(day_phase_spec(DayPhase::staff_changes).name));
  for (;;) {
    const auto next = service_.next_staff_change_day();
    if (!next || *next > last_day_) return;
    simgrid::s4u::this_actor::sleep_until(day_phase_time(*next, DayPhase::staff_changes));
    service_.run_staff_changes(*next, pool);
  }
}

}  // namespace probsim
