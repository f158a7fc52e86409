#include "engine/prioritisation_actor.hpp"

#include <simgrid/s4u/Actor.hpp>

namespace probsim {

void PrioritisationActor::operator()() const {
  // Daily, because an override can start on any day; a day without a sample, review or override costs a
  // comparison per PDU.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day) + 0.125);
    reviewer_.run_day(day);
  }
}

}  // namespace probsim
