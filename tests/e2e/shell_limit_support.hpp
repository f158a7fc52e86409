#pragma once
// probsim under a shell limit (`limit` is prefixed to the command, e.g. "ulimit -v 100000; "), for the
// tests of what a replication says when the system will not give it memory, a thread or a stack: a real
// limit, not a hook, since the shipped binary reads no test-only setting.

#include <string>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {

// A build that cannot start under the limit at all (a sanitizer's shadow memory, a shell that may not
// raise its stack limit) cannot show the failure: its tests skip themselves.
inline bool probsim_starts_under(const std::string& limit, const std::string& scenario) {
  return run_shell(limit + probsim_binary() + " validate " + scenario).exit_status == 0;
}

inline CommandResult probsim_under(const std::string& limit, const std::string& arguments) {
  return run_shell(limit + probsim_binary() + " " + arguments);
}

}  // namespace probsim::testing
