#include "engine/actor_start.hpp"

#include <sys/mman.h>
#include <xbt/misc.h>

#include <cerrno>
#include <cstring>
#include <simgrid/s4u/Actor.hpp>
#include <system_error>
#include <xbt/config.hpp>

#include "engine/thread_start_failure.hpp"

namespace probsim {

namespace {

// Beyond the stack itself: glibc's posix_memalign maps a few pages more than it is asked for (its
// alignment and header), and SimGrid allocates the actor's own objects between the check and the
// stack, which may extend the heap by its usual 128 KiB step. Small beside the 8 MiB stack, so that a
// replication is refused here only when it is within that of running out anyway.
constexpr std::size_t kMargin = std::size_t{256} << 10;

// The stack SimGrid will allocate for an actor: its configured size and guard, as it reads them.
std::size_t configured_stack_bytes() {
  const auto kib = static_cast<std::size_t>(simgrid::config::get_value<int>("contexts/stack-size"));
  const auto guard_pages = static_cast<std::size_t>(simgrid::config::get_value<int>("contexts/guard-size"));
  return kib * 1024 + guard_pages * static_cast<std::size_t>(xbt_pagesize);
}

}  // namespace

void check_actor_stack(const std::string& name, std::size_t bytes) {
  // A private writable mapping, as glibc makes for a large allocation, so that the same limits refuse
  // it (ulimit -v, ulimit -d, strict overcommit); not malloc, which would move glibc's mmap threshold.
  void* stack = ::mmap(nullptr, bytes + kMargin, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (stack == MAP_FAILED) {
    const int error = errno;
    throw ThreadStartFailure("could not allocate the stack of the " + name + " actor (" +
                                 std::to_string((bytes + (std::size_t{1} << 19)) >> 20) + " MiB)",
                             std::strerror(error));
  }
  ::munmap(stack, bytes + kMargin);
}

void start_actor(const std::string& name, simgrid::s4u::Host* host, const std::function<void()>& code) {
  const bool thread_contexts = simgrid::config::get_value<std::string>("contexts/factory") == "thread";
  if (!thread_contexts) check_actor_stack(name, configured_stack_bytes());
  try {
    simgrid::s4u::Actor::create(name, host, code);
  } catch (const std::system_error& error) {
    throw ThreadStartFailure("could not start the thread of the " + name + " actor", error.code().message());
  }
}

}  // namespace probsim
