#pragma once
// The stop signals a user or a batch system sends (SIGINT from Ctrl-C, SIGTERM from `kill` or Slurm's
// time limit, SIGHUP when a terminal closes), caught rather than left to kill the process: a run that
// dies by signal while it merges or publishes its files leaves a half-written directory behind. While a
// StopSignals is alive each of them is recorded and the work in hand decides where it can stop cleanly.

#include <csignal>
#include <iosfwd>
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

// From this call until the process exits, a stop signal is recorded (as a StopSignals records it) and
// never kills the process. A command that writes results calls it before it starts writing: the handlers
// of its StopSignals are otherwise restored to the default when the last one goes out of scope, so a
// signal arriving after the results are published, but before the process exits, would kill a run
// whose results are whole and make it report death by signal (issue 23). Nested StopSignals restore
// to this handler. Calling it again has no further effect.
void hold_stop_signals_until_exit();

// From this call on, a stop signal that arrives while nothing records it (no StopSignals alive and no
// hold) prints "probsim: stopped by SIGTERM" on stderr and then ends the process by that signal as the
// default would, so the shell and a batch system still see death by signal, and the user sees why.
// Those are the moments a command is still reading its inputs or checking them (issue 23: "print why").
// main() calls it first; replication child processes reset the signals to their default.
void announce_unrecorded_stop_signals();

// The first stop signal this process has received while its handlers were installed, or 0.
[[nodiscard]] int stop_signal_received();

// For a command that finished with `status` 0 although a stop signal arrived: the signal came after
// every file was whole and published, so the results are kept; says so on `err`. Returns `status`.
int note_late_stop_signal(int status, std::ostream& err);

}  // namespace probsim
