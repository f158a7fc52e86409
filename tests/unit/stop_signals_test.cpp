// Stop signals held until the process exits (issue 23): once a command has called
// hold_stop_signals_until_exit(), a SIGTERM, SIGINT or SIGHUP is recorded and never kills the process,
// even after every StopSignals has gone out of scope. That is the moment the Interrupt tests once hit:
// a signal after the results were published, before exit, killed a run that had succeeded.
// Each case runs in a forked child (a death test), so the test process's own handlers are untouched.

#include "runner/stop_signals.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <sstream>

namespace probsim {
namespace {

// A StopSignals guarding some work, then gone, then a signal: as at the end of run_experiment.
void signal_after_the_guard_is_gone(int signal_number, bool held) {
  if (held) hold_stop_signals_until_exit();
  { const StopSignals guard(/*interrupt_system_calls=*/false); }
  std::raise(signal_number);
  std::_Exit(stop_signal_received() == signal_number ? 0 : 3);
}

TEST(StopSignalsDeathTest, HeldUntilExitASignalAfterTheLastGuardIsRecordedNotFatal) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP})
    EXPECT_EXIT(signal_after_the_guard_is_gone(signal_number, true), ::testing::ExitedWithCode(0), "")
        << StopSignals::name(signal_number);
}

TEST(StopSignalsDeathTest, NotHeldTheSameSignalKillsTheProcessAsBeforeTheFix) {
  // The mechanism off: the guard restores the default handler, and the late signal is fatal.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP})
    EXPECT_EXIT(signal_after_the_guard_is_gone(signal_number, false),
                ::testing::KilledBySignal(signal_number), "")
        << StopSignals::name(signal_number);
}

TEST(StopSignals, ALateSignalIsNotedOnlyWhenTheCommandSucceeded) {
  // In this process no stop signal has been received: nothing is said, and the status passes through.
  std::ostringstream err;
  EXPECT_EQ(note_late_stop_signal(0, err), 0);
  EXPECT_EQ(note_late_stop_signal(1, err), 1);
  EXPECT_EQ(err.str(), "");
}

void note_after_a_late_signal(int status) {
  hold_stop_signals_until_exit();
  std::raise(SIGTERM);
  std::ostringstream err;
  const int returned = note_late_stop_signal(status, err);
  const bool said =
      err.str() == "probsim: SIGTERM arrived after the results were complete; they are kept whole\n";
  std::_Exit(returned == status && said == (status == 0) ? 0 : 3);
}

TEST(StopSignalsDeathTest, ALateSignalAfterSuccessIsNotedAndAFailureIsLeftAsItWas) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(note_after_a_late_signal(0), ::testing::ExitedWithCode(0), "");
  EXPECT_EXIT(note_after_a_late_signal(1), ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace probsim

namespace probsim {
namespace {

// While a command still reads its inputs nothing records a stop signal: the process says why it stops
// and then dies by the signal, as the default would (issue 23: "print why").
void signal_while_nothing_records_it(int signal_number, bool announced) {
  if (announced) announce_unrecorded_stop_signals();
  std::raise(signal_number);
  std::_Exit(3);
}

TEST(StopSignalsDeathTest, AnUnrecordedSignalSaysWhyAndStillKillsByThatSignal) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP})
    EXPECT_EXIT(signal_while_nothing_records_it(signal_number, true),
                ::testing::KilledBySignal(signal_number),
                "probsim: stopped by " + StopSignals::name(signal_number))
        << StopSignals::name(signal_number);
}

TEST(StopSignalsDeathTest, WithoutTheAnnouncementTheSignalKillsSilently) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(signal_while_nothing_records_it(SIGTERM, false), ::testing::KilledBySignal(SIGTERM), "^$");
}

// A guard installed after the announcement records the signal, and restores the announcement after.
void guarded_then_announced(int) {
  announce_unrecorded_stop_signals();
  {
    const StopSignals guard(/*interrupt_system_calls=*/false);
    std::raise(SIGTERM);
    if (guard.received() != SIGTERM) std::_Exit(4);
  }
  std::raise(SIGTERM);
  std::_Exit(3);
}

TEST(StopSignalsDeathTest, AGuardRecordsTheSignalAndRestoresTheAnnouncement) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(guarded_then_announced(0), ::testing::KilledBySignal(SIGTERM), "probsim: stopped by SIGTERM");
}

}  // namespace
}  // namespace probsim
