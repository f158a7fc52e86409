#include "runner/shell_quoting.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string_view>

#include "config/utf8_text.hpp"

namespace probsim {

std::string shell_quoted(const std::string& argument) {
  const auto safe = [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("-_./=:,@%+").find(static_cast<char>(c)) != std::string_view::npos;
  };
  if (!argument.empty() && std::all_of(argument.begin(), argument.end(), safe)) return argument;
  if (!has_control_character(argument)) {
    std::string quoted = "'";
    for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
  }
  std::string quoted = "$'";
  for (const char c : argument) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n')
      quoted += "\\n";
    else if (c == '\t')
      quoted += "\\t";
    else if (c == '\r')
      quoted += "\\r";
    else if (c == '\'' || c == '\\')
      quoted += std::string("\\") + c;
    else if (is_control_character(byte)) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", byte);
      quoted += escape;
    } else
      quoted += c;
  }
  return quoted + "'";
}

}  // namespace probsim
