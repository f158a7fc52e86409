#include "engine/office_actor.hpp"

#include <simgrid/s4u/Actor.hpp>

namespace probsim {

void OfficeActor::operator()() const {
  // Day d's work happens at simulated time d; observers look at d + 0.5, between days.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day));
    office_.run_day(day);
  }
}

}  // namespace probsim
