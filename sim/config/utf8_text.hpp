#pragma once
// Checks of text read from a user's file. Whether it is well-formed UTF-8: names go into every CSV and the
// HTML report, which must stay readable as UTF-8, and a CSV saved in another encoding should be refused
// once, at its first bad byte, not row by row. And whether it holds a control character (a line break,
// a tab), which a name or path written into one line of a CSV or comment must not.

#include <string_view>

namespace probsim {

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence (a stray
// continuation byte, a truncated or overlong sequence, a surrogate, anything above U+10FFFF), or
// std::string_view::npos if there is none.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text);

// Whether `text` holds an ASCII control character (U+0000 to U+001F, or DEL).
[[nodiscard]] inline bool is_control_character(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}
[[nodiscard]] inline bool has_control_character(std::string_view text) {
  for (const char c : text)
    if (is_control_character(static_cast<unsigned char>(c))) return true;
  return false;
}

}  // namespace probsim
