#include "engine/interventions_actor.hpp"

#include <simgrid/s4u/Actor.hpp>

namespace probsim {

void InterventionsActor::operator()() const {
  // Offices work at d + 0.25 and observers look at d + 0.5: the team's day sits between them, so the
  // day's new requirements and ended orders are known before places are offered.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day) + 0.375);
    team_.run_day(day);
  }
}

}  // namespace probsim
