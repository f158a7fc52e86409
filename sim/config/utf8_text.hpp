#pragma once
// Whether text read from a user's file is well-formed UTF-8: names go into every CSV and the HTML report,
// which must stay readable as UTF-8, and a CSV saved in another encoding should be refused once, at its
// first bad byte, not row by row.

#include <string_view>

namespace probsim {

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence (a stray
// continuation byte, a truncated or overlong sequence, a surrogate, anything above U+10FFFF), or
// std::string_view::npos if there is none.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text);

}  // namespace probsim
