#include "runner/usable_cores.hpp"

#include <sched.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace probsim {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> first_line(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return line;
}

// ceil(quota / period) for a positive quota and period; none otherwise ("max", -1, unreadable).
std::optional<std::size_t> cores_for(const std::string& quota_text, const std::string& period_text) {
  try {
    std::size_t used = 0;
    const double quota = std::stod(quota_text, &used);
    const double period = std::stod(period_text);
    if (used != quota_text.size() || !(quota > 0.0) || !(period > 0.0)) return std::nullopt;
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(quota / period)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The quota of one cgroup directory: v2's cpu.max, else v1's pair of files.
std::optional<std::size_t> quota_in(const fs::path& dir) {
  if (const auto max = first_line(dir / "cpu.max")) {
    std::istringstream fields(*max);
    std::string quota, period;
    if (fields >> quota >> period) return cores_for(quota, period);
    return std::nullopt;
  }
  const auto quota = first_line(dir / "cpu.cfs_quota_us");
  const auto period = first_line(dir / "cpu.cfs_period_us");
  if (quota && period) return cores_for(*quota, *period);
  return std::nullopt;
}

// The smallest quota from `dir` up to `root`, both included.
std::optional<std::size_t> smallest_quota_up_to(const fs::path& root, fs::path dir) {
  std::optional<std::size_t> smallest;
  while (true) {
    if (const auto cores = quota_in(dir)) smallest = smallest ? std::min(*smallest, *cores) : *cores;
    if (dir == root || !dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return smallest;
}

}  // namespace

std::optional<std::size_t> cpu_quota_cores(const fs::path& cgroup_root, const std::string& proc_self_cgroup) {
  std::optional<std::size_t> smallest;
  std::istringstream lines(proc_self_cgroup);
  std::string line;
  while (std::getline(lines, line)) {
    // "ID:CONTROLLERS:PATH"; v2 has ID 0 and no controllers, v1 names them ("cpu,cpuacct").
    const auto first = line.find(':');
    const auto second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    const std::string path = line.substr(second + 1);
    const fs::path relative = fs::path(path).relative_path();
    std::vector<fs::path> mounts;
    if (controllers.empty()) {
      mounts = {cgroup_root, cgroup_root / "unified"};
    } else {
      std::istringstream names(controllers);
      std::string name;
      bool has_cpu = false;
      while (std::getline(names, name, ',')) has_cpu = has_cpu || name == "cpu";
      if (!has_cpu) continue;
      mounts = {cgroup_root / controllers, cgroup_root / "cpu", cgroup_root / "cpu,cpuacct"};
    }
    for (const fs::path& mount : mounts) {
      std::error_code error;
      if (!fs::is_directory(mount, error)) continue;
      // A v2 hierarchy has cgroup.controllers at its root; on a hybrid host /sys/fs/cgroup is v1's and
      // the v2 one is mounted at unified/.
      if (controllers.empty() && !fs::exists(mount / "cgroup.controllers", error)) continue;
      if (const auto cores = smallest_quota_up_to(mount, mount / relative))
        smallest = smallest ? std::min(*smallest, *cores) : *cores;
      break;
    }
  }
  return smallest;
}

std::size_t usable_cores() {
  std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
#if defined(__linux__)
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0 && CPU_COUNT(&allowed) > 0)
    cores = static_cast<std::size_t>(CPU_COUNT(&allowed));
  std::ifstream self("/proc/self/cgroup");
  std::stringstream text;
  text << self.rdbuf();
  if (const auto quota = cpu_quota_cores("/sys/fs/cgroup", text.str())) cores = std::min(cores, *quota);
#endif
  return std::max<std::size_t>(1, cores);
}

}  // namespace probsim
