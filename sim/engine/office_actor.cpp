#include "engine/office_actor.hpp"

#include <simgrid/s4u/Actor.hpp>

namespace probsim {

void OfficeActor::operator()() const {
  // Within day d: the workforce actors change staff at time d, this office works at d + 0.25, and
  // observers look at d + 0.5, so nobody ever sees a day half done.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day) + 0.25);
    office_.run_day(day);
  }
}

}  // namespace probsim
