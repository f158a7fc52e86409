#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace probsim {

// The cores this process may run on: its CPU affinity mask where the system has one (taskset, Slurm's
// and cgroups' CPU binding, a container's cpuset), else std::thread::hardware_concurrency(), and no more
// than a CPU quota allows (cpu_quota_cores); at least 1. The machine's count alone would put a 64-core
// node's threads on the 2 CPUs a Slurm job was granted, or on a container given 2 CPUs' worth of time.
[[nodiscard]] std::size_t usable_cores();

// The cores a CPU quota allows, rounded up: cgroup v2's `cpu.max` ("QUOTA PERIOD", or "max" for none) and
// v1's `cpu.cfs_quota_us` / `cpu.cfs_period_us` (-1 for none), for the cgroups that `proc_self_cgroup`
// (the text of /proc/self/cgroup) names under `cgroup_root` (/sys/fs/cgroup), the smallest over each
// cgroup and its ancestors, since a parent's quota binds its children. None when no quota is set or
// nothing can be read.
[[nodiscard]] std::optional<std::size_t> cpu_quota_cores(const std::filesystem::path& cgroup_root,
                                                         const std::string& proc_self_cgroup);

}  // namespace probsim
