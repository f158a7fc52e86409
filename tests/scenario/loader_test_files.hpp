#pragma once
// Scenario files written for the loader's tests: a scratch folder per test process, and scenarios that
// extend the shipped example_pdu with a few lines of their own.

#include <filesystem>
#include <fstream>
#include <string>

#include "scratch_directory.hpp"

namespace probsim::testing {

inline std::string source(const std::string& relative) {
  return std::string(PROBSIM_SOURCE_DIR) + "/" + relative;
}

// Writes `text` to a scenario file in a temporary folder beside a copy of nothing else.
inline std::string write_scenario(const std::string& name, const std::string& text) {
  const auto dir = scratch_root("probsim-loader-test");
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

inline std::string example_with(const std::string& extra) {
  return "extends: " + source("scenarios/example_pdu.yaml") + "\n" + extra;
}

}  // namespace probsim::testing
