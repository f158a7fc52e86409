#include "engine/workforce_actor.hpp"

#include <simgrid/s4u/Actor.hpp>

namespace probsim {

void WorkforceActor::operator()() const {
  for (auto day = workforce_.next_event_day(); day && *day <= last_day_; day = workforce_.next_event_day()) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(*day));
    workforce_.run_events_on(*day);
  }
}

}  // namespace probsim
