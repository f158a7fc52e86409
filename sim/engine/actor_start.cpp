#include "engine/actor_start.hpp"

#include <sys/mman.h>
#include <xbt/misc.h>

#include <cerrno>
#include <cstring>
#include <simgrid/s4u/Actor.hpp>
#include <system_error>
#include <vector>
#include <xbt/config.hpp>

#include "engine/thread_start_failure.hpp"

namespace probsim {

namespace {

// Beyond one stack, when it is checked just before its actor is created: glibc's posix_memalign maps a
// few pages more than it is asked for (its alignment and header), and SimGrid allocates the actor's own
// objects between the check and the stack, which may extend the heap by its usual 128 KiB step.
constexpr std::size_t kMargin = std::size_t{256} << 10;

// Beyond every stack, when they are checked together before the first actor is created: each stack's
// margin as above, and SimGrid's own allocations once the actors exist, which abort when they fail, not
// throw (512 KiB when the engine first runs them, with its heap's step). Small beside the 8 MiB stacks,
// so that a replication is refused here only when it is within that of running out anyway.
constexpr std::size_t kStartMargin = std::size_t{1} << 20;

// The stack SimGrid will allocate for an actor: its configured size and guard, as it reads them.
std::size_t configured_stack_bytes() {
  const auto kib = static_cast<std::size_t>(simgrid::config::get_value<int>("contexts/stack-size"));
  const auto guard_pages = static_cast<std::size_t>(simgrid::config::get_value<int>("contexts/guard-size"));
  return kib * 1024 + guard_pages * static_cast<std::size_t>(xbt_pagesize);
}

std::string mebibytes(std::size_t bytes) {
  return std::to_string((bytes + (std::size_t{1} << 19)) >> 20) + " MiB";
}

// Maps `bytes` as glibc maps a large allocation and lets them go at once; the mapping's errno, or 0.
// A private writable mapping, so that the same limits refuse it (ulimit -v, ulimit -d, strict
// overcommit); not malloc, which would move glibc's mmap threshold.
int try_mapping(std::size_t bytes) {
  void* mapping = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) return errno;
  ::munmap(mapping, bytes);
  return 0;
}

}  // namespace

void check_actor_stack(const std::string& name, std::size_t bytes) {
  if (const int error = try_mapping(bytes + kMargin); error != 0)
    throw ThreadStartFailure(
        ThreadStartFailure::Kind::actor_stack,
        "could not allocate the stack of the " + name + " actor (" + mebibytes(bytes) + ")",
        std::strerror(error));
}

void check_actor_stacks(std::size_t actors, std::size_t bytes) {
  const std::size_t total = actors * (bytes + kMargin) + kStartMargin;
  if (const int error = try_mapping(total); error != 0)
    throw ThreadStartFailure(ThreadStartFailure::Kind::actor_stack,
                             "could not allocate the stacks of the replication's " + std::to_string(actors) +
                                 " actors (" + mebibytes(bytes) + " each, " + mebibytes(total) +
                                 " in all with SimGrid's own)",
                             std::strerror(error));
}

void start_actors(simgrid::s4u::Host* host, const std::vector<ActorToStart>& actors) {
  const bool thread_contexts = simgrid::config::get_value<std::string>("contexts/factory") == "thread";
  if (!thread_contexts) check_actor_stacks(actors.size(), configured_stack_bytes());
  for (const ActorToStart& actor : actors) {
    if (!thread_contexts) check_actor_stack(actor.name, configured_stack_bytes());
    try {
      simgrid::s4u::Actor::create(actor.name, host, actor.code);
    } catch (const std::system_error& error) {
      throw ThreadStartFailure(ThreadStartFailure::Kind::thread,
                               "could not start the thread of the " + actor.name + " actor",
                               error.code().message());
    }
  }
}

}  // namespace probsim
