#pragma once
// Starting one of a replication's actors (engine/replication.cpp) so that a stack the system will not
// give is reported as a ThreadStartFailure (engine/thread_start_failure.hpp) that names the actor,
// rather than as an abort. SimGrid 3.32 allocates a swapped context's stack (the raw, boost and
// ucontext factories: 8 MiB by default, and a guard page) in its own code and, when it cannot, aborts
// the process (xbt_assert "Failed to allocate stack.", a backtrace, and the parent's "replication R
// failed (signal 6)"), which no handler of probsim's can catch. So the stack is tried first, with a
// mapping of its size and a margin that is released at once, by the maestro alone (no other thread
// runs then): what that mapping gets, SimGrid's allocation just after gets too. With thread contexts
// (the sanitizer build) an actor is a std::thread, and its std::system_error is turned into the same.

#include <cstddef>
#include <functional>
#include <string>

namespace simgrid::s4u {
class Host;
}

namespace probsim {

// Creates actor `name` on `host`, running `code`, having checked that its stack can be had.
void start_actor(const std::string& name, simgrid::s4u::Host* host, const std::function<void()>& code);

// Throws ThreadStartFailure ("could not allocate the stack of the offices actor (8 MiB): Cannot
// allocate memory") if `bytes` cannot be mapped now; maps nothing otherwise.
void check_actor_stack(const std::string& name, std::size_t bytes);

}  // namespace probsim
