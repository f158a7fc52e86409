#include "runner/memory_sizes.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace probsim {

std::optional<double> available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key, unit;
  double kib = 0.0;
  while (meminfo >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024.0;
  return std::nullopt;
}

std::optional<double> parse_memory_size(const std::string& text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || !std::isfinite(value) || !(value > 0.0)) return std::nullopt;
  std::string unit(stop, end);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() > 1 && unit.ends_with("IB"))
    unit.resize(unit.size() - 2);
  else if (unit.size() > 1 && unit.ends_with("B"))
    unit.resize(unit.size() - 1);
  static const std::string kUnits = "KMGT";  // powers of 1024, from 1
  double scale = 1.0;
  if (unit.size() == 1 && kUnits.find(unit[0]) != std::string::npos)
    scale = std::pow(1024.0, 1.0 + static_cast<double>(kUnits.find(unit[0])));
  else if (!unit.empty() && unit != "B")
    return std::nullopt;
  return value * scale;
}

std::string describe_bytes(double bytes) {
  // A bare --max-memory of 8 is 8 bytes, and an impossible scenario's estimate can exceed any machine by
  // many orders: both are printed as what they are, not as "0 MiB" or a number cut short.
  constexpr double kKiB = 1024.0, kMiB = kKiB * 1024, kGiB = kMiB * 1024, kTiB = kGiB * 1024;
  char text[48];
  if (bytes >= 1e6 * kTiB)
    std::snprintf(text, sizeof text, "%.3g TiB", bytes / kTiB);
  else if (bytes >= kTiB)
    std::snprintf(text, sizeof text, "%.1f TiB", bytes / kTiB);
  else if (bytes >= kGiB)
    std::snprintf(text, sizeof text, "%.1f GiB", bytes / kGiB);
  else if (bytes >= kMiB)
    std::snprintf(text, sizeof text, "%.0f MiB", bytes / kMiB);
  else if (bytes >= kKiB)
    std::snprintf(text, sizeof text, "%.0f KiB", bytes / kKiB);
  else
    std::snprintf(text, sizeof text, "%.0f bytes", bytes);
  return text;
}

std::pair<std::string, std::string> describe_bytes_apart(double bytes, double other) {
  std::pair<std::string, std::string> text{describe_bytes(bytes), describe_bytes(other)};
  // An estimate just over the limit read "83 MiB, more than the 83 MiB": sizes that read alike are
  // printed again in whole MiB, KiB and then bytes, the first that tells them apart (whole MiB only
  // helps sizes shown in GiB or TiB). Never a coarser unit, whose rounding could set them the wrong
  // way round (2.49 and 2.51 GiB would read "2 GiB" and "3 GiB").
  constexpr std::pair<double, const char*> kFiner[] = {
      {1024.0 * 1024.0, "MiB"}, {1024.0, "KiB"}, {1.0, "bytes"}};
  for (const auto& [scale, unit] : kFiner) {
    if (text.first != text.second) break;
    const auto in_unit = [&](double value) {
      char figure[320];  // "%.0f" of the largest double has 309 digits
      std::snprintf(figure, sizeof figure, "%.0f %s", value / scale, unit);
      return std::string(figure);
    };
    text = {in_unit(bytes), in_unit(other)};
  }
  return text;
}

std::string describe_count(double value) {
  char text[48];  // beyond 1e15 in three figures: "%.0f" of an impossible scenario's count overflows this
  std::snprintf(text, sizeof text, value < 1e15 ? "%.0f" : "%.3g", value);
  return text;
}

std::string max_memory_problem(const std::string& text) {
  if (parse_memory_size(text)) return "";
  return "--max-memory takes a size such as 8G, 512M or 2048K, found '" + text + "'";
}

}  // namespace probsim
