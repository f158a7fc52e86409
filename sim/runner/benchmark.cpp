#include "runner/benchmark.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <new>

#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "runner/out_of_memory.hpp"
#include "runner/thread_start.hpp"

namespace probsim {

int run_benchmark(const LoadedScenario& loaded, std::uint64_t base_seed, std::size_t threads,
                  const std::optional<std::string>& max_memory) {
  int channel[2];
  if (::pipe(channel) != 0) return 1;
  std::fflush(nullptr);
  const auto started = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    ::close(channel[0]);
    try {
      const ReplicationResult result = run_replication(
          loaded.scenario, ReplicationSpec{1, replication_seed(base_seed, 1), nullptr, threads});
      const long long events = result.case_events;
      const ssize_t written = ::write(channel[1], &events, sizeof events);
      ::_exit(written == sizeof events ? 0 : 1);
    } catch (const std::bad_alloc&) {
      ::_exit(kOutOfMemoryExitStatus);  // said by the parent, with the command's advice
    } catch (const ThreadStartFailure& e) {
      // Not out of memory: said here, as a replication's child of `run` says it (thread_start.hpp).
      std::fprintf(stderr, "probsim: the benchmark replication %s\n",
                   describe_thread_start_failure(e, process_thread_limits(), kAdviceOfBench).c_str());
      ::_exit(2);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "probsim: the benchmark replication failed: %s\n", e.what());
      ::_exit(2);
    }
  }
  ::close(channel[1]);
  long long events = 0;
  const ssize_t got = ::read(channel[0], &events, sizeof events);
  ::close(channel[0]);
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (ran_out_of_memory(status)) throw ReplicationOutOfMemory("the benchmark replication", max_memory);
  if (got != sizeof events || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "probsim: the benchmark replication failed%s\n",
                 describe_signal_end(status).c_str());
    return 1;
  }
  const Scenario& s = loaded.scenario;
  std::printf("scenario            %s (%zu region%s, %zu PDU%s)\n", s.name.c_str(), s.regions.size(),
              s.regions.size() == 1 ? "" : "s", s.pdu_count(), s.pdu_count() == 1 ? "" : "s");
  std::printf("simulated days      %d (%d warm-up + report %s to %s)\n", s.window.last_day() + 1,
              s.window.first_report_day(), s.window.report_start.iso().c_str(),
              s.window.report_end.iso().c_str());
  // The offices' day is shared among at most one thread per PDU (engine/replication.cpp), so more asked
  // for are not used, and the figure printed is the one that ran.
  const std::size_t used =
      std::min(std::max<std::size_t>(1, threads), std::max<std::size_t>(1, s.pdu_count()));
  std::printf("threads             %zu (running the PDU offices' day", used);
  if (used < threads) std::printf("; %zu asked for, one a PDU at most", threads);
  std::printf(")\n");
  std::printf("wall time           %.2f s (one replication, including process start)\n", wall);
  std::printf("cpu time            %.2f s user, %.2f s system\n",
              static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) / 1e6,
              static_cast<double>(usage.ru_stime.tv_sec) + static_cast<double>(usage.ru_stime.tv_usec) / 1e6);
  std::printf("peak memory         %.1f MiB (maximum resident set of the replication process)\n",
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::printf("case events         %lld (initial cases, referrals, allocations, terminations)\n", events);
  std::printf("case events per s   %.0f\n", static_cast<double>(events) / wall);
  return 0;
}

}  // namespace probsim
