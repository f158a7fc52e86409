#pragma once
// The progress line of long commands, on stderr: replications done of the total, the rate and the
// time left. On a terminal it is one line rewritten in place; otherwise (a log file, a batch system's
// output, mpirun's forwarded output) plain lines, at most one every few seconds and one at the end.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace probsim {

class ProgressLine {
 public:
  // `prefix` starts every line (e.g. "shard 2/3: "); nothing is printed when `enabled` is false.
  ProgressLine(std::ostream& out, bool enabled, bool terminal, std::string prefix);

  // `done` of `total` replications finished in this process (`total` 0: unknown, e.g. under a
  // precision rule); `detail` is appended.
  void update(std::uint64_t done, std::uint64_t total, const std::string& detail = "");
  // Ends the line on a terminal; prints a last line otherwise if the last update was throttled.
  void finish();

  [[nodiscard]] double elapsed_seconds() const;
  [[nodiscard]] static std::string format_duration(double seconds);
  [[nodiscard]] static bool stderr_is_terminal();

 private:
  void print(std::string line);

  std::ostream& out_;
  bool enabled_;
  bool terminal_;
  std::string prefix_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_printed_;
  std::string pending_;  // the last line not printed (throttled)
  std::size_t last_width_ = 0;
  bool printed_any_ = false;
};

}  // namespace probsim
