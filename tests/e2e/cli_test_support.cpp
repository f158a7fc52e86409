#include "e2e/cli_test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "output/csv.hpp"
#include "scratch_directory.hpp"

namespace probsim::testing {

CommandResult run_probsim(const std::string& arguments) {
  return run_shell(probsim_binary() + " " + arguments);
}

CommandResult run_shell(const std::string& command_line) {
  const std::string command = "cd '" + std::string(PROBSIM_SOURCE_DIR) + "' && (" + command_line + ") 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::filesystem::path fresh_directory(const std::string& name) {
  return scratch_directory("probsim-test", name);
}

pid_t spawn_probsim_group(const std::string& arguments, const std::filesystem::path& log) {
  const std::string command = "cd '" + std::string(PROBSIM_SOURCE_DIR) + "' && exec " + probsim_binary() +
                              " " + arguments + " > '" + log.string() + "' 2>&1";
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (pid > 0) ::setpgid(pid, pid);  // also from the parent, so the group exists before any kill
  return pid;
}

std::map<std::string, std::string> files_under(const std::filesystem::path& dir, const std::string& suffix) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    files[std::filesystem::relative(entry.path(), dir).string()] = read_file(entry.path());
  }
  return files;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::vector<std::string>> csv_rows(const std::filesystem::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(file));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line))
    if (!line.empty()) rows.push_back(parse_csv_line(line));
  return rows;
}

namespace {
std::vector<std::vector<std::string>> national_rows(const std::vector<std::vector<std::string>>& rows,
                                                    std::size_t level_at) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : rows) {
    if (row.size() < level_at + 2 || (row[level_at] != "national" && row[level_at] != "level")) continue;
    std::vector<std::string> kept(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(level_at));
    kept.insert(kept.end(), row.begin() + static_cast<std::ptrdiff_t>(level_at + 2), row.end());
    out.push_back(std::move(kept));
  }
  return out;
}
}  // namespace

std::vector<std::vector<std::string>> national_kpi_rows(const std::vector<std::vector<std::string>>& rows) {
  return national_rows(rows, 1);
}

std::vector<std::vector<std::string>> national_summary_rows(
    const std::vector<std::vector<std::string>>& rows) {
  return national_rows(rows, 0);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace probsim::testing
