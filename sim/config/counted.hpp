#pragma once
// A count with its noun for messages: "1 point", "3 points". Header-only, for every part of sim/.

#include <cstdint>
#include <string>
#include <string_view>

namespace probsim {

// `n` and `noun`, the noun given in the singular and made plural with an "s" unless `n` is 1.
[[nodiscard]] inline std::string counted(std::uint64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace probsim
