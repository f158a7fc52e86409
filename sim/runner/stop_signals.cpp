#include "runner/stop_signals.hpp"

namespace probsim {

namespace {
volatile sig_atomic_t g_received = 0;
void record(int signal_number) {
  if (g_received == 0) g_received = signal_number;
}
}  // namespace

StopSignals::StopSignals(bool interrupt_system_calls) {
  // g_received is not reset: a signal caught by an enclosing StopSignals (a run setting up) must still
  // stop the work a nested one guards (the replications).
  struct sigaction on_stop {};
  on_stop.sa_handler = record;
  on_stop.sa_flags = interrupt_system_calls ? 0 : SA_RESTART;
  sigemptyset(&on_stop.sa_mask);
  sigaction(SIGINT, &on_stop, &old_int_);
  sigaction(SIGTERM, &on_stop, &old_term_);
  sigaction(SIGHUP, &on_stop, &old_hup_);
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
