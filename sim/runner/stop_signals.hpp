#pragma once
// The stop signals a user or a batch system sends (SIGINT from Ctrl-C, SIGTERM from `kill` or Slurm's
// time limit, SIGHUP when a terminal closes), caught rather than left to kill the process: a run that
// dies by signal while it merges or publishes its files leaves a half-written directory behind. While a
// StopSignals is alive each of them is recorded and the work in hand decides where it can stop cleanly.

#include <csignal>
#include <string>

namespace probsim {

class StopSignals {
 public:
  // `interrupt_system_calls`: a blocking call (waitpid) returns early with EINTR so the caller sees the
  // signal at once; otherwise calls are restarted and the signal is only recorded.
  explicit StopSignals(bool interrupt_system_calls);
  ~StopSignals();  // restores the handlers that were there before
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // The first stop signal this process has received while any StopSignals was alive, or 0.
  [[nodiscard]] int received() const;
  // "SIGINT", "SIGTERM", "SIGHUP".
  [[nodiscard]] static std::string name(int signal_number);

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  struct sigaction old_hup_ {};
};

}  // namespace probsim
