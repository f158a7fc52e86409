// The default thread and job counts follow the CPUs this process may run on (taskset, Slurm's binding),
// not the machine's count: a job granted one CPU of a larger machine must not start a thread per core.
#include "runner/usable_cores.hpp"

#include <gtest/gtest.h>
#include <sched.h>

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
