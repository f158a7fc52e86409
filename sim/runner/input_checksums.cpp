#include "runner/input_checksums.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace probsim {

namespace {

constexpr const char* kTag = "# input ";
constexpr const char* kHashName = " fnv1a64 ";

// FNV-1a (64 bits) of a file's bytes: enough to tell an edited file from the one a run read; not a
// defence against a deliberate collision. Nothing when the file cannot be read.
std::optional<std::string> file_checksum(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::uint64_t hash = 14695981039346656037ULL;
  std::array<char, 1 << 16> buffer{};
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      hash ^= static_cast<unsigned char>(buffer[static_cast<std::size_t>(i)]);
      hash *= 1099511628211ULL;
    }
    if (!in) break;
  }
  if (in.bad()) return std::nullopt;  // a read that failed part-way is no checksum of the file
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(text);
}

}  // namespace

std::string input_checksum_lines(const Scenario& scenario) {
  if (!scenario.snapshot_files) return "";
  std::string lines;
  std::error_code ignored;
  for (const auto& [key, file] : {std::pair{"caseload_csv", scenario.snapshot_files->caseload_csv},
                                  std::pair{"staff_csv", scenario.snapshot_files->staff_csv}}) {
    const auto checksum = file_checksum(file);
    const std::string path = fs::absolute(file, ignored).lexically_normal().string();
    // A file that cannot be read now, or a path a comment line cannot hold, is not recorded: a record
    // that can never match would refuse every later replay.
    if (!checksum || path.find_first_of("\r\n") != std::string::npos) continue;
    lines += std::string(kTag) + key + ": " + path + kHashName + *checksum + "\n";
  }
  return lines;
}

std::vector<std::string> recorded_inputs(const fs::path& resolved_yaml) {
  std::vector<std::string> lines;
  std::ifstream in(resolved_yaml);
  std::string line;
  while (std::getline(in, line) && line.rfind('#', 0) == 0)
    if (line.rfind(kTag, 0) == 0) lines.push_back(line);
  return lines;
}

namespace {

struct RecordedInput {
  std::string key, path, checksum;
};

// The header's '# input KEY: PATH fnv1a64 CHECKSUM' lines, parsed; a line of another shape is skipped.
std::vector<RecordedInput> parse_recorded_inputs(const fs::path& resolved_yaml) {
  std::vector<RecordedInput> inputs;
  for (const std::string& line : recorded_inputs(resolved_yaml)) {
    const std::size_t colon = line.find(": "), hash = line.rfind(kHashName);
    if (colon == std::string::npos || hash == std::string::npos || hash < colon) continue;
    inputs.push_back({line.substr(std::string(kTag).size(), colon - std::string(kTag).size()),
                      line.substr(colon + 2, hash - colon - 2),
                      line.substr(hash + std::string(kHashName).size())});
  }
  return inputs;
}

}  // namespace

std::vector<std::pair<std::string, fs::path>> recorded_input_paths(const fs::path& resolved_yaml) {
  std::vector<std::pair<std::string, fs::path>> paths;
  for (const auto& input : parse_recorded_inputs(resolved_yaml)) paths.emplace_back(input.key, input.path);
  return paths;
}

std::vector<std::string> changed_inputs(const fs::path& resolved_yaml, bool one_result_of_many) {
  std::vector<std::string> changed;
  for (const auto& [key, path, recorded] : parse_recorded_inputs(resolved_yaml)) {
    const auto now = file_checksum(path);
    if (now && *now == recorded) continue;
    std::error_code error;
    const char* what = now                        ? " has changed"
                       : !fs::exists(path, error) ? " no longer exists"
                                                  : " can no longer be read";
    // Going on without the recorded file is advised only where there is a file to go on with.
    changed.push_back(key + " " + path + what + " since the run recorded it in " + resolved_yaml.string() +
                      " (checksum " + recorded + "). Restore the file the run read" +
                      (!now ? " (nothing can be replayed without it)"
                       : one_result_of_many
                           ? " (the point's other replications read it)"
                           : ", or, to go on with the file as it is now, delete that '# input' line"));
  }
  return changed;
}

}  // namespace probsim
