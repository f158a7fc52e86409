#pragma once

#include <cstddef>

namespace probsim {

// The cores this process may run on: its CPU affinity mask where the system has one (taskset, Slurm's
// and cgroups' CPU binding, a container's cpuset), else std::thread::hardware_concurrency(); at least 1.
// The machine's count alone would put a 64-core node's threads on the 2 CPUs a Slurm job was granted.
[[nodiscard]] std::size_t usable_cores();

}  // namespace probsim
