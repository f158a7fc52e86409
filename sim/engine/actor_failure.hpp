#pragma once
// An exception that leaves a SimGrid actor ends the process: SimGrid 3.32 calls std::terminate, which
// aborts ("Uncaught exception std::bad_alloc", signal 6), with every context factory (thread, raw, boost,
// ucontext), whether or not the code that runs the engine would catch it. So each actor's body is run
// under ActorFailure::guarded: the first exception it throws is kept, every other actor is killed so that
// the engine's run ends, and rethrow() throws it again where the engine was run (engine/replication.cpp),
// which reports it as any other: a std::bad_alloc thrown inside the model's actors as out of memory, in a
// replication's child process and in `probsim snapshot`'s replay. A --threads thread that cannot be
// started inside an actor comes here too, as a ThreadStartFailure (engine/thread_start_failure.hpp); an
// actor's stack that cannot be had is found before the actor is created (engine/actor_start.hpp).

#include <exception>
#include <utility>

namespace probsim {

class ActorFailure {
 public:
  // `body`, run as an actor, with its exception kept rather than fatal. A killed actor's unwinding
  // (simgrid::ForcefulKillException) is not a std::exception and is left to SimGrid, whose wrapper
  // around the actor catches it: in `body`, or in stop_the_others() when another actor failed at the
  // same simulated time and killed this one first.
  template <class Body>
  auto guarded(Body body) {
    return [this, body = std::move(body)] {
      bool failed = false;
      try {
        body();
      } catch (const std::exception&) {
        if (!failure_) failure_ = std::current_exception();  // no allocation: it holds the exception
        failed = true;
      }
      // Outside the handler. In SimGrid 3.32 kill marks the other actors and queues them: their stacks
      // unwind when they are next scheduled, after this actor has returned.
      if (failed) stop_the_others();
    };
  }

  // Throws the exception an actor threw, if one did; to be called after each run of the engine.
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  // Not noexcept: this actor may itself be killed inside it (ForcefulKillException), see guarded().
  static void stop_the_others();

  std::exception_ptr failure_;
};

}  // namespace probsim
