#include "runner/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <ostream>

namespace probsim {

namespace {
constexpr double kPlainLineInterval = 5.0;  // seconds between plain lines
constexpr double kTerminalInterval = 0.1;   // seconds between redraws of the line on a terminal
}  // namespace

ProgressLine::ProgressLine(std::ostream& out, bool enabled, bool terminal, std::string prefix)
    : out_(out),
      enabled_(enabled),
      terminal_(terminal),
      prefix_(std::move(prefix)),
      started_(std::chrono::steady_clock::now()),
      last_printed_(started_) {}

bool ProgressLine::stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

double ProgressLine::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

std::string ProgressLine::format_duration(double seconds) {
  char text[32];
  if (seconds < 60)
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  else if (seconds < 3600)
    std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  else
    std::snprintf(text, sizeof text, "%dh%02dm", static_cast<int>(seconds) / 3600,
                  static_cast<int>(seconds) % 3600 / 60);
  return text;
}

void ProgressLine::update(std::uint64_t done, std::uint64_t total, const std::string& detail) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = elapsed_seconds();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  char text[160];
  std::string line = prefix_;
  if (total > 0) {
    std::snprintf(text, sizeof text, "[%llu/%llu] %3.0f%%", static_cast<unsigned long long>(done),
                  static_cast<unsigned long long>(total),
                  100.0 * static_cast<double>(done) / static_cast<double>(total));
  } else {
    std::snprintf(text, sizeof text, "[%llu done]", static_cast<unsigned long long>(done));
  }
  line += text;
  if (rate >= 1.0)
    std::snprintf(text, sizeof text, ", %.1f replications/s", rate);
  else
    std::snprintf(text, sizeof text, ", %.1f replications/min", rate * 60.0);
  line += text;
  line += ", " + format_duration(elapsed) + " elapsed";
  if (total > 0 && done < total && done > 0)
    line += ", about " + format_duration(static_cast<double>(total - done) / rate) + " to go";
  if (!detail.empty()) line += "; " + detail;

  const bool last = total > 0 && done >= total;
  const double since_last = std::chrono::duration<double>(now - last_printed_).count();
  // A terminal line is redrawn at most every 0.1 s, plain lines come at most every 5 s; the latest
  // line held back is shown by finish().
  if (!last && printed_any_ && since_last < (terminal_ ? kTerminalInterval : kPlainLineInterval)) {
    pending_ = line;
    return;
  }
  print(line);
  last_printed_ = now;
}

void ProgressLine::print(std::string line) {
  pending_.clear();
  printed_any_ = true;
  if (!terminal_) {
    // One write, newline included: shards under one launcher share stderr (see batch_runner.cpp).
    out_ << line + '\n' << std::flush;
    return;
  }
  const std::size_t width = line.size();
  if (width < last_width_) line += std::string(last_width_ - width, ' ');
  last_width_ = width;
  out_ << '\r' << line << std::flush;
}

void ProgressLine::finish() {
  if (!enabled_) return;
  if (!pending_.empty()) print(pending_);
  if (terminal_ && printed_any_) out_ << '\n' << std::flush;
  printed_any_ = false;
  last_width_ = 0;
}

}  // namespace probsim
