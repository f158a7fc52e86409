#pragma once
// Runs the probsim executable from tests and captures what it prints.

#include <filesystem>
#include <string>

namespace probsim::testing {

struct CommandResult {
  int exit_status = -1;
  std::string output;  // stdout and stderr together
};

// Runs `probsim <arguments>` (arguments already shell-quoted as needed) from the source directory.
CommandResult run_probsim(const std::string& arguments);

// A fresh, empty directory under the build's temporary area, removed at the end of the test process.
std::filesystem::path fresh_directory(const std::string& name);

std::string read_file(const std::filesystem::path& path);

inline std::string source_path(const std::string& relative) {
  return (std::filesystem::path(PROBSIM_SOURCE_DIR) / relative).string();
}

}  // namespace probsim::testing
