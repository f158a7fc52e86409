// The default thread and job counts follow the CPUs this process may run on (taskset, Slurm's binding, a
// container's CPU quota), not the machine's count: a job granted one CPU of a larger machine must not
// start a thread per core.
#include "runner/usable_cores.hpp"

#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "runner/run_options.hpp"

using namespace probsim;

namespace {

// Restores the affinity mask a test narrowed, whatever the test's outcome.
class AffinityRestorer {
 public:
  AffinityRestorer() { saved_ok_ = sched_getaffinity(0, sizeof(saved_), &saved_) == 0; }
  ~AffinityRestorer() {
    if (saved_ok_) sched_setaffinity(0, sizeof(saved_), &saved_);
  }
  [[nodiscard]] bool ok() const { return saved_ok_; }
  [[nodiscard]] int first_allowed() const {
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
      if (CPU_ISSET(cpu, &saved_)) return cpu;
    return -1;
  }

 private:
  cpu_set_t saved_{};
  bool saved_ok_ = false;
};

}  // namespace

TEST(UsableCores, CountsTheCpusOfTheAffinityMaskNotTheMachine) {
  AffinityRestorer restore;
  ASSERT_TRUE(restore.ok());
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(restore.first_allowed(), &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof(one), &one), 0);
  EXPECT_EQ(usable_cores(), 1u);
  // So a run's default threads per replication are 1 there, whatever the machine has.
  EXPECT_EQ(threads_per_replication(0, 1), 1u);
  EXPECT_EQ(threads_per_replication(3, 1), 3u);  // an explicit --threads is kept
}

TEST(UsableCores, IsAtLeastOne) {
  EXPECT_GE(usable_cores(), 1u);
}

namespace {

// A cgroup tree of plain files in a fresh directory, as /sys/fs/cgroup would hold it.
class CgroupTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("probsim_cgroup_" + std::to_string(::getpid()) + "_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void write(const std::string& relative, const std::string& text) const {
    const auto file = root_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text << "\n";
  }
  std::filesystem::path root_;
};

}  // namespace

// cgroup v2: a container's "cpu.max" of 2 CPUs' time caps the cores; "max" is no cap.
TEST_F(CgroupTree, V2QuotaIsRoundedUpAndNoneIsNone) {
  write("cgroup.controllers", "cpu memory");
  write("cpu.max", "max 100000");
  write("job/cpu.max", "250000 100000");
  EXPECT_EQ(cpu_quota_cores(root_, "0::/job\n"), std::optional<std::size_t>(3));
  write("job/cpu.max", "max 100000");
  EXPECT_EQ(cpu_quota_cores(root_, "0::/job\n"), std::nullopt);
  write("job/cpu.max", "50000 100000");  // half a CPU's time: still one thread
  EXPECT_EQ(cpu_quota_cores(root_, "0::/job\n"), std::optional<std::size_t>(1));
}

// A parent's quota binds its children: the smallest over the cgroup and its ancestors.
TEST_F(CgroupTree, V2ParentQuotaBindsTheChild) {
  write("cgroup.controllers", "cpu memory");
  write("slice/cpu.max", "200000 100000");
  write("slice/job/cpu.max", "800000 100000");
  EXPECT_EQ(cpu_quota_cores(root_, "0::/slice/job\n"), std::optional<std::size_t>(2));
}

// A hybrid host: v1 controllers at the root, the v2 hierarchy under unified/, where its quota is read.
TEST_F(CgroupTree, HybridHostReadsV2UnderUnified) {
  write("cpu/cpu.cfs_quota_us", "-1");
  write("cpu/cpu.cfs_period_us", "100000");
  write("unified/cgroup.controllers", "cpu");
  write("unified/job/cpu.max", "200000 100000");
  EXPECT_EQ(cpu_quota_cores(root_, "1:cpu:/\n0::/job\n"), std::optional<std::size_t>(2));
}

// cgroup v1: the cpu controller's cfs files, found by the controllers the line names; -1 is no quota;
// lines for other controllers and malformed lines are ignored.
TEST_F(CgroupTree, V1CfsQuotaUnderTheCpuController) {
  write("cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "400000");
  write("cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000");
  const std::string self = "4:memory:/docker/abc\nnot a cgroup line\n3:cpu,cpuacct:/docker/abc\n";
  EXPECT_EQ(cpu_quota_cores(root_, self), std::optional<std::size_t>(4));
  write("cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "-1");
  EXPECT_EQ(cpu_quota_cores(root_, self), std::nullopt);
  EXPECT_EQ(cpu_quota_cores(root_, "4:memory:/docker/abc\n"), std::nullopt);
  EXPECT_EQ(cpu_quota_cores(root_ / "absent", self), std::nullopt);
}
