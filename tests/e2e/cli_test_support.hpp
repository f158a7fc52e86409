#pragma once
// Runs the probsim executable from tests and captures what it prints.

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

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
// A CSV file's rows after its header, each split into fields (RFC 4180, as probsim writes them).
std::vector<std::vector<std::string>> csv_rows(const std::filesystem::path& file);
void write_file(const std::filesystem::path& path, const std::string& text);
// The nation's rows of kpis.csv (replication,level,unit,kpi,value) or summary.csv (level,unit,kpi,...),
// with the level and unit fields dropped: replication,kpi,value and kpi,n,mean,... as tests of the
// national figures read them. A header row among `rows` is kept, shortened the same way.
std::vector<std::vector<std::string>> national_kpi_rows(const std::vector<std::vector<std::string>>& rows);
std::vector<std::vector<std::string>> national_summary_rows(
    const std::vector<std::vector<std::string>>& rows);

// Runs a shell command line from the source directory; `probsim` in it should be written as
// probsim_binary(). Returns the exit status, with stdout and stderr in `output`.
CommandResult run_shell(const std::string& command);
inline std::string probsim_binary() {
  return "'" + std::string(PROBSIM_BINARY) + "'";
}

// Starts `probsim <arguments>` in a process group of its own (so that a test can kill it and all its
// replication processes at once), output to `log`. Returns its process id, which is the group's id.
pid_t spawn_probsim_group(const std::string& arguments, const std::filesystem::path& log);

// Every regular file under `dir` whose name ends with `suffix`, by path relative to `dir`, with its
// content: for comparing two result trees byte for byte.
std::map<std::string, std::string> files_under(const std::filesystem::path& dir, const std::string& suffix);

// How many times `what` occurs in `text` (a warning printed once, not twice).
inline std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

inline std::string source_path(const std::string& relative) {
  return (std::filesystem::path(PROBSIM_SOURCE_DIR) / relative).string();
}

}  // namespace probsim::testing
