// engine/actor_failure.hpp on a SimGrid Engine of its own (one per test process, as ctest runs them):
// actors that throw hand their exception back to the code that runs the engine, rather than abort.
#include "engine/actor_failure.hpp"

#include <gtest/gtest.h>
#include <xbt/log.h>

#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/NetZone.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace probsim;

namespace {

// Two actors throw at the same simulated time. The first one's kill_all marks the second, which is then
// inside its own kill_all: the second leaves it by simgrid::ForcefulKillException, which used to escape
// a noexcept function (std::terminate, a segfault; seen as "replication 1 failed (signal 11)" under a
// tight ulimit with --threads 4). A third actor, that would run on to day 100, is stopped.
TEST(ActorFailure, TwoActorsFailingAtTheSameTimeRethrowTheFirstWithoutACrash) {
  xbt_log_control_set("root.thres:critical");
  char program_name[] = "actor_failure_test";
  char* argv[] = {program_name, nullptr};
  int argc = 1;
  ActorFailure failure;  // outlives the actors, which keep an exception in it
  simgrid::s4u::Engine engine(&argc, argv);
  simgrid::s4u::NetZone* zone = simgrid::s4u::create_full_zone("zone");
  simgrid::s4u::Host* host = zone->create_host("host", 1e9);
  zone->seal();

  // SimGrid picks which of the two runs first at that time; the test notes the order they threw in.
  std::vector<std::string> thrown;
  for (const std::string name : {"one", "two"})
    simgrid::s4u::Actor::create(name, host, failure.guarded([name, &thrown] {
      simgrid::s4u::this_actor::sleep_for(1.0);
      thrown.push_back(name);
      throw std::runtime_error(name);
    }));
  bool ran_on = false;
  simgrid::s4u::Actor::create("bystander", host, failure.guarded([&ran_on] {
    simgrid::s4u::this_actor::sleep_for(100.0);
    ran_on = true;
  }));

  engine.run();
  try {
    failure.rethrow();
    FAIL() << "rethrow() threw nothing";
  } catch (const std::runtime_error& error) {
    ASSERT_EQ(thrown.size(), 2U) << "both threw, at the same time";
    EXPECT_EQ(error.what(), thrown.front()) << "the first exception thrown is the one kept";
  }
  EXPECT_FALSE(ran_on);
  EXPECT_LT(simgrid::s4u::Engine::get_clock(), 100.0);
}

}  // namespace
