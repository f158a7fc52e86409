#pragma once
// An exception that leaves a SimGrid actor ends the process: SimGrid 3.32 calls std::terminate, which
// aborts ("Uncaught exception std::bad_alloc", signal 6), with every context factory (thread, raw, boost,
// ucontext), whether or not the code that runs the engine would catch it. So each actor's body is run
// under ActorFailure::guarded: the first exception it throws is kept, every other actor is killed (their
// stacks unwind) so that the engine's run ends, and rethrow() throws it again where the engine was run
// (engine/replication.cpp), which reports it as any other: out of memory (std::bad_alloc) as out of
// memory, in a replication's child process and in `probsim snapshot`'s replay alike.

#include <exception>
#include <utility>

namespace probsim {

class ActorFailure {
 public:
  // `body`, run as an actor, with its exception kept rather than fatal. A killed actor's unwinding
  // (simgrid::ForcefulKillException) is not a std::exception and is left to SimGrid.
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
      // Outside the handler: killing switches to the other actors, whose stacks unwind meanwhile.
      if (failed) stop_the_others();
    };
  }

  // Throws the exception an actor threw, if one did; to be called after each run of the engine.
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  static void stop_the_others() noexcept;

  std::exception_ptr failure_;
};

}  // namespace probsim
