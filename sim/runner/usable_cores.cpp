#include "runner/usable_cores.hpp"

#include <sched.h>

#include <algorithm>
#include <thread>

namespace probsim {

std::size_t usable_cores() {
#if defined(__linux__)
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0) {
    const int count = CPU_COUNT(&allowed);
    if (count > 0) return static_cast<std::size_t>(count);
  }
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace probsim
