#include "engine/workforce_actor.hpp"

#include <algorithm>
#include <optional>
#include <simgrid/s4u/Actor.hpp>

#include "engine/parallel_day.hpp"

namespace probsim {

void WorkforceActor::operator()() const {
  ParallelDay pool(std::min(threads_, std::max<std::size_t>(1, regions_.size())));
  std::vector<RegionWorkforce*> due;  // the regions with events on the day, in scenario order
  for (;;) {
    std::optional<Day> next;
    for (const RegionWorkforce* region : regions_)
      if (const auto day = region->next_event_day(); day && (!next || *day < *next)) next = day;
    if (!next || *next > last_day_) return;
    const Day day = *next;
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day));
    due.clear();
    for (RegionWorkforce* region : regions_)
      if (region->next_event_day() == day) due.push_back(region);
    pool.run(due.size(), [&](std::size_t i) { due[i]->run_events_on(day); });
  }
}

}  // namespace probsim
