#include "runner/stop_signals.hpp"

#include <unistd.h>

#include <cstring>
#include <ostream>

namespace probsim {

namespace {
volatile sig_atomic_t g_received = 0;
void record(int signal_number) {
  if (g_received == 0) g_received = signal_number;
}

void install_recorder(bool interrupt_system_calls, struct sigaction* old_int, struct sigaction* old_term,
                      struct sigaction* old_hup) {
  struct sigaction on_stop {};
  on_stop.sa_handler = record;
  on_stop.sa_flags = interrupt_system_calls ? 0 : SA_RESTART;
  sigemptyset(&on_stop.sa_mask);
  sigaction(SIGINT, &on_stop, old_int);
  sigaction(SIGTERM, &on_stop, old_term);
  sigaction(SIGHUP, &on_stop, old_hup);
}
// Async-signal-safe: only write(2), sigaction via signal(2) and raise(3).
void announce_and_die(int signal_number) {
  const char* name = signal_number == SIGINT    ? "SIGINT"
                     : signal_number == SIGTERM ? "SIGTERM"
                     : signal_number == SIGHUP  ? "SIGHUP"
                                                : "a stop signal";
  const char prefix[] = "probsim: stopped by ";
  (void)!::write(STDERR_FILENO, prefix, sizeof prefix - 1);
  (void)!::write(STDERR_FILENO, name, std::strlen(name));
  (void)!::write(STDERR_FILENO, "\n", 1);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}
}  // namespace

void announce_unrecorded_stop_signals() {
  struct sigaction on_stop {};
  on_stop.sa_handler = announce_and_die;
  on_stop.sa_flags = SA_RESTART;
  sigemptyset(&on_stop.sa_mask);
  sigaction(SIGINT, &on_stop, nullptr);
  sigaction(SIGTERM, &on_stop, nullptr);
  sigaction(SIGHUP, &on_stop, nullptr);
}

void hold_stop_signals_until_exit() {
  // SA_RESTART: outside a StopSignals that asks for EINTR, nothing waits on the signal; it is only kept.
  install_recorder(/*interrupt_system_calls=*/false, nullptr, nullptr, nullptr);
}

int stop_signal_received() {
  return g_received;
}

int note_late_stop_signal(int status, std::ostream& err) {
  if (status == 0 && g_received != 0)
    err << "probsim: " << StopSignals::name(g_received)
        << " arrived after the results were complete; they are kept whole\n";
  return status;
}

StopSignals::StopSignals(bool interrupt_system_calls) {
  // g_received is not reset: a signal caught by an enclosing StopSignals (a run setting up) must still
  // stop the work a nested one guards (the replications).
  install_recorder(interrupt_system_calls, &old_int_, &old_term_, &old_hup_);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  sigaction(SIGHUP, &old_hup_, nullptr);
}

int StopSignals::received() const {
  return g_received;
}

std::string StopSignals::name(int signal_number) {
  switch (signal_number) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
    default:
      return "signal " + std::to_string(signal_number);
  }
}

}  // namespace probsim
