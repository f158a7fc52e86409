#include "engine/daily_phase_actor.hpp"

#include <algorithm>
#include <simgrid/s4u/Actor.hpp>
#include <string>

#include "engine/parallel_day.hpp"

namespace probsim {

void DailyPhaseActor::operator()() const {
  ParallelDay pool(std::min(threads_, std::max<std::size_t>(1, service_.units_in(phase_))),
                   "the day's " + std::string(day_phase_spec(phase_).name));
  // Daily, whether or not the phase has work on the day: a RAG override can start on any day, and a day
  // without work costs a comparison per unit.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(day_phase_time(day, phase_));
    service_.run_phase(phase_, day, pool);
  }
}

}  // namespace probsim
