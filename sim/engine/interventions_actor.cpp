#include "engine/interventions_actor.hpp"

#include <algorithm>
#include <simgrid/s4u/Actor.hpp>

#include "engine/parallel_day.hpp"

namespace probsim {

void InterventionsActor::operator()() const {
  ParallelDay pool(std::min(threads_, std::max<std::size_t>(1, teams_.size())));
  // Handed out largest team first (by PDUs served), so the day does not end with one thread on a big
  // team; with one thread they run in scenario order.
  std::vector<InterventionsTeam*> order = teams_;
  if (pool.threads() > 1)
    std::stable_sort(order.begin(), order.end(), [](const InterventionsTeam* a, const InterventionsTeam* b) {
      return a->office_count() > b->office_count();
    });
  // Offices work at d + 0.25 and observers look at d + 0.5: the teams' day sits between them, so the
  // day's new requirements and ended orders are known before places are offered.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day) + 0.375);
    pool.run(order.size(), [&](std::size_t i) { order[i]->run_day(day); });
  }
}

}  // namespace probsim
