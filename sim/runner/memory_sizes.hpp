#pragma once
// Sizes of memory as a user reads and writes them: the memory this machine has available, --max-memory's
// text, and the figures of the memory check's messages (memory_estimate.hpp), kept apart from the
// estimate itself.

#include <optional>
#include <string>
#include <utility>

namespace probsim {

// The memory this machine has available now (MemAvailable in /proc/meminfo), in bytes.
[[nodiscard]] std::optional<double> available_memory_bytes();

// "8G", "512M", "2048K", "1.5T" (powers of 1024; "GiB", "GB" and the like too) or plain bytes; nothing if
// the text is not such a size or is 0.
[[nodiscard]] std::optional<double> parse_memory_size(const std::string& text);

// Why --max-memory's text is not a size ("--max-memory takes a size such as 8G, ..., found 'x'"), or "".
// Said as soon as the options are read, before a scenario is loaded or a sweep's points are built.
[[nodiscard]] std::string max_memory_problem(const std::string& text);

// A count as a whole number ("1333"), or in three figures beyond 1e15 (an impossible scenario's).
[[nodiscard]] std::string describe_count(double value);

// "1.4 GiB", "230 MiB".
[[nodiscard]] std::string describe_bytes(double bytes);

// Two sizes for one sentence ("X, more than the Y"): each as describe_bytes has it, or, where they would
// read alike, both in the first of whole MiB, KiB or bytes that tells them apart.
[[nodiscard]] std::pair<std::string, std::string> describe_bytes_apart(double bytes, double other);

}  // namespace probsim
