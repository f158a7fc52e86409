#include "engine/actor_failure.hpp"

#include <simgrid/s4u/Actor.hpp>

namespace probsim {

void ActorFailure::stop_the_others() {
  try {
    simgrid::s4u::Actor::kill_all();  // all but this one, which then returns
  } catch (const std::exception&) {
    // Could not stop them (out of memory again): they run on to the engine's next stop, where the
    // failure is rethrown all the same.
  }
  // simgrid::ForcefulKillException goes on: another actor that failed at the same simulated time killed
  // this one while it was in kill_all, and SimGrid's wrapper around the actor catches it.
}

}  // namespace probsim
