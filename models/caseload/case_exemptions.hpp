#pragma once
// Why a case keeps business-as-usual contact rules whatever its PDU's RAG status (RAG-7, LV-7): an
// attribute of the case, so it lives with the case; the prioritisation framework reads it.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace probsim {

// Why a case keeps BAU contact rules whatever its PDU's status (RAG-7, LV-7). A case's drawn
// attributes are a bit set (`CaseExemptions`); high RoSH, the first appointment after release and the
// DA flag follow from the case itself.
enum class RagExemption : std::uint8_t {
  high_rosh,                        // high or very high RoSH (RAG-7)
  first_appointment_after_release,  // the first contact of a licence case (RAG-7, G-4)
  integrated_offender_management,   // drawn at a share (RAG-7)
  very_vulnerable,                  // drawn at a share (RAG-7)
  terrorism,                        // drawn at a share (RAG-7)
  no_telephone,                     // drawn at a share (RAG-7)
  domestic_abuse,                   // LV-7: not exempt by default (RAG-3)
};
inline constexpr std::size_t kRagExemptionCount = 7;
inline constexpr std::array<std::string_view, kRagExemptionCount> kRagExemptionNames = {
    "high_rosh",
    "first_appointment_after_release",
    "integrated_offender_management",
    "very_vulnerable",
    "terrorism",
    "no_telephone",
    "domestic_abuse"};

inline std::string_view to_string(RagExemption e) {
  return kRagExemptionNames[static_cast<std::size_t>(e)];
}

// The exemptions that are drawn per case at a share, in the order of their bits in CaseExemptions.
inline constexpr std::array<RagExemption, 4> kDrawnRagExemptions = {
    RagExemption::integrated_offender_management, RagExemption::very_vulnerable, RagExemption::terrorism,
    RagExemption::no_telephone};

// One bit per RagExemption (bit i = exemption i), so a case carries them in one byte and a rule's set of
// exemptions is the same type: a case is exempt when (case bits & rule bits) != 0.
using CaseExemptions = std::uint8_t;
[[nodiscard]] constexpr CaseExemptions exemption_bit(RagExemption e) {
  return static_cast<CaseExemptions>(1U << static_cast<unsigned>(e));
}

}  // namespace probsim
