#include "engine/parallel_day.hpp"

#include <system_error>

#include "engine/thread_start_failure.hpp"

namespace probsim {

ParallelDay::ParallelDay(std::size_t threads, const std::string& work, const ThreadStarter& start) {
  // A thread that cannot be started leaves those already started joinable, and a joinable std::thread
  // destroyed calls std::terminate: they are stopped and joined, and the error goes on to the caller,
  // a std::system_error as a ThreadStartFailure that says which thread, of how many, for what. The
  // calling thread is thread 1, so the helpers are threads 2 to `threads`.
  try {
    helpers_.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t i = 1; i < threads; ++i) helpers_.push_back(start([this] { helper_loop(); }));
  } catch (const std::system_error& error) {
    stop_helpers();
    throw ThreadStartFailure(ThreadStartFailure::Kind::thread,
                             "could not start thread " + std::to_string(helpers_.size() + 2) + " of " +
                                 std::to_string(threads) + " for " + work,
                             error.code().message());
  } catch (...) {
    stop_helpers();
    throw;
  }
}

ParallelDay::~ParallelDay() {
  stop_helpers();
}

void ParallelDay::stop_helpers() noexcept {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  started_.notify_all();
  for (std::thread& helper : helpers_) helper.join();
}

void ParallelDay::run(std::size_t count, const std::function<void(std::size_t)>& work) {
  if (helpers_.empty()) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    work_ = &work;
    count_ = count;
    next_ = 0;
    failure_ = nullptr;
    helpers_busy_ = helpers_.size();
    ++round_;
  }
  started_.notify_all();
  take_items();
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [this] { return helpers_busy_ == 0; });
  work_ = nullptr;
  if (failure_) std::rethrow_exception(failure_);
}

void ParallelDay::take_items() {
  // A mutex per item rather than an atomic counter: items are whole offices (tens of microseconds
  // each), so the lock costs nothing measurable and keeps the state in one place.
  for (;;) {
    std::size_t item;
    {
      std::lock_guard lock(mutex_);
      if (next_ >= count_ || failure_) return;
      item = next_++;
    }
    try {
      (*work_)(item);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
  }
}

void ParallelDay::helper_loop() {
  std::uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      started_.wait(lock, [&] { return stopping_ || round_ != seen; });
      if (stopping_) return;
      seen = round_;
    }
    take_items();
    {
      std::lock_guard lock(mutex_);
      --helpers_busy_;
    }
    finished_.notify_one();
  }
}

}  // namespace probsim
