#pragma once
// A small fixed pool of threads that runs the same piece of work for items 0..n-1 and returns when all
// are done: the engine's way to run the day's independent PDU offices on several cores inside one
// replication (see DailyPhaseActor); the ProbationService sees it as IndependentUnits. The calling thread
// works too, so `threads` = 1 starts no thread at all and runs the items in order on the caller. Items are
// handed out one at a time from a shared counter, so which thread runs which item varies from run to run: the
// work must give the same result whoever runs it (each office touches only its own state while the pool
// runs).

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "service/independent_units.hpp"

namespace probsim {

class ParallelDay final : public IndependentUnits {
 public:
  // How a helper thread is started: std::thread's constructor, or a test's starter that fails on cue
  // (tests/engine/parallel_day_test.cpp), passed in rather than set globally.
  using ThreadStarter = std::function<std::thread(std::function<void()>)>;
  static std::thread start_thread(std::function<void()> body) { return std::thread(std::move(body)); }

  // `work` names what the pool runs, for a thread that cannot be started: "the day's casework". A
  // std::system_error from `start` (EAGAIN: a limit on threads, or no memory for a stack) is thrown as
  // ThreadStartFailure (engine/thread_start_failure.hpp), "could not start thread 2 of 3 for WORK".
  ParallelDay(std::size_t threads, const std::string& work, const ThreadStarter& start = start_thread);
  ~ParallelDay() override;
  ParallelDay(const ParallelDay&) = delete;
  ParallelDay& operator=(const ParallelDay&) = delete;

  [[nodiscard]] std::size_t threads() const override { return helpers_.size() + 1; }

  // Calls work(i) once for every i in [0, count); rethrows the first exception any call threw.
  void run(std::size_t count, const std::function<void(std::size_t)>& work) override;

 private:
  // Tells the helpers to stop and joins them (the destructor, or a constructor that failed part-way).
  void stop_helpers() noexcept;
  void helper_loop();
  void take_items();

  std::vector<std::thread> helpers_;
  std::mutex mutex_;
  std::condition_variable started_;
  std::condition_variable finished_;
  std::uint64_t round_ = 0;  // bumped by run(): helpers wait for a new round
  std::size_t helpers_busy_ = 0;
  bool stopping_ = false;

  // The round's work, read by helpers only between `started_` and their report to `finished_`.
  const std::function<void(std::size_t)>* work_ = nullptr;
  std::size_t count_ = 0;
  std::size_t next_ = 0;  // the next item to hand out (under mutex_)
  std::exception_ptr failure_;
};

}  // namespace probsim
