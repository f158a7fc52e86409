#pragma once
// A PDU's red/amber/green status under the prioritisation framework (docs/sources.md "RAG prioritisation
// framework", RAG-1..17). The names are part of the file formats (scenario keys, the `rag_status`
// metric's values 0/1/2): change them only with docs/reference/outputs.md.

#include <array>
#include <cstdint>
#include <string_view>

#include "caseload/case_attributes.hpp"

namespace probsim {

// Ordered by severity: a higher value switches off more work, and the `rag_status` metric writes the
// value (0 green, 1 amber, 2 red).
enum class RagStatus : std::uint8_t { green, amber, red };
inline constexpr std::size_t kRagStatusCount = 3;
inline constexpr std::array<std::string_view, kRagStatusCount> kRagStatusNames = {"green", "amber", "red"};

inline std::string_view to_string(RagStatus v) {
  return name_of(v, kRagStatusNames);
}

}  // namespace probsim
