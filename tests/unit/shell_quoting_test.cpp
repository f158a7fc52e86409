// The paths and command lines written into the comment lines of a run's files: quoted as a shell needs
// them, so bash gives back the argument exactly, and never holding a line break.
#include "runner/shell_quoting.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

using namespace probsim;

namespace {

// What bash makes of `quoted` as one word (printf '%s' prints it back unchanged).
std::string as_bash_reads_it(const std::string& quoted) {
  // popen's /bin/sh reads the outer single quotes; bash reads `quoted`, $'...' included.
  const std::string command = "bash -c " + shell_quoted("printf %s " + quoted);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 256> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) out += buffer.data();
  return out;
}

}  // namespace

TEST(ShellQuoting, PlainArgumentsAreLeftBare) {
  EXPECT_EQ(shell_quoted("scenarios/example_pdu.yaml"), "scenarios/example_pdu.yaml");
  EXPECT_EQ(shell_quoted("--set"), "--set");
  EXPECT_EQ(shell_quoted("simulation.report_end=2023-02-28"), "simulation.report_end=2023-02-28");
}

TEST(ShellQuoting, OthersAreQuotedAndNeverHoldALineBreak) {
  EXPECT_EQ(shell_quoted(""), "''");
  EXPECT_EQ(shell_quoted("staffing_plan.intakes=[]"), "'staffing_plan.intakes=[]'");
  EXPECT_EQ(shell_quoted("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quoted("out\nx"), "$'out\\nx'");
  for (const std::string nasty : {"a b", "it's", "out\nx", "tab\there", "back\\slash 'and' quote\n", "$HOME",
                                  "caf\xC3\xA9", "bell\x07", "*.yaml"}) {
    const std::string quoted = shell_quoted(nasty);
    EXPECT_EQ(quoted.find('\n'), std::string::npos) << quoted;
    EXPECT_EQ(as_bash_reads_it(quoted), nasty) << quoted;
  }
}
