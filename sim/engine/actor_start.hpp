#pragma once
// Starting a replication's actors (engine/replication.cpp) so that a stack the system will not give is
// reported as a ThreadStartFailure (engine/thread_start_failure.hpp, of kind actor_stack) that says
// which, rather than as an abort. SimGrid 3.32 allocates a swapped context's stack (the raw, boost and
// ucontext factories: 8 MiB by default, and a guard page) in its own code and, when it cannot, aborts
// the process (xbt_assert "Failed to allocate stack."), as it does for any allocation of its own that
// fails (xbt_malloc's "Memory callocation of N bytes failed", such as the 512 KiB it allocates when the
// engine first runs the actors): a backtrace, and the parent's "replication R failed (signal 6)", which
// no handler of probsim's can catch. So, before any actor is created, every actor's stack is tried at
// once, with a mapping of their sum and a margin (kStartMargin) for SimGrid's own allocations that
// follow; then each actor's stack again just before it is created. Each mapping is released at once,
// by the maestro alone (no other thread runs then): what it gets, SimGrid's allocations just after get
// too. What these checks cannot cover is an allocation failing inside SimGrid later than that, or after
// memory the checks saw free was taken (by the model's own allocations in between, or by another
// process, for the machine's memory): that still aborts (signal 6). With thread contexts (the sanitizer
// build) an actor is a std::thread, and its std::system_error is turned into a ThreadStartFailure of
// kind thread.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace simgrid::s4u {
class Host;
}

namespace probsim {

// An actor to create: its name (which a failure names) and what it runs.
struct ActorToStart {
  std::string name;
  std::function<void()> code;
};

// Creates `actors` on `host`, in their order, having checked that all their stacks, and a margin for
// SimGrid, can be had; and each actor's stack again before it is created.
void start_actors(simgrid::s4u::Host* host, const std::vector<ActorToStart>& actors);

// Throws ThreadStartFailure ("could not allocate the stack of the offices actor (8 MiB): Cannot
// allocate memory") if `bytes` cannot be mapped now; maps nothing otherwise.
void check_actor_stack(const std::string& name, std::size_t bytes);

// Throws ThreadStartFailure ("could not allocate the stacks of the replication's 4 actors (8 MiB each,
// 34 MiB in all with SimGrid's own): Cannot allocate memory") if `actors` stacks of `bytes` each, with
// their margins, cannot be mapped now; maps nothing otherwise.
void check_actor_stacks(std::size_t actors, std::size_t bytes);

}  // namespace probsim
