#pragma once
// The attributes a case (a person on probation) carries, and their names as written in scenario files
// and outputs. The names are part of the file formats: change them only with docs/reference/outputs.md.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace probsim {

enum class SentenceType : std::uint8_t { community_order, suspended_sentence_order, licence };
inline constexpr std::array<std::string_view, 3> kSentenceTypeNames = {"community_order",
                                                                       "suspended_sentence_order", "licence"};

// Risk of serious harm, from OASys (docs/sources.md).
enum class RoshLevel : std::uint8_t { low, medium, high, very_high };
inline constexpr std::array<std::string_view, 4> kRoshLevelNames = {"low", "medium", "high", "very_high"};
// High or very high RoSH: the cases that keep BAU contacts under RAG measures (RAG-7) and that the
// task order may put first.
[[nodiscard]] constexpr bool is_high_rosh(RoshLevel rosh) {
  return rosh == RoshLevel::high || rosh == RoshLevel::very_high;
}

enum class Sex : std::uint8_t { male, female };
inline constexpr std::array<std::string_view, 2> kSexNames = {"male", "female"};

// Why a case left the caseload. Sentence end is the planned way; the others end it early.
enum class TerminationReason : std::uint8_t { sentence_end, revocation, breach, recall, activation };
inline constexpr std::array<std::string_view, 5> kTerminationReasonNames = {"sentence_end", "revocation",
                                                                            "breach", "recall", "activation"};
inline constexpr std::size_t kEarlyTerminationReasonCount = 4;  // every reason but sentence_end

// How a breach that a court (or, on licence, a recall) acts on ends each kind of sentence: a community
// order is revoked on breach, a suspended sentence activated, a licence revoked by recall (docs/sources.md).
[[nodiscard]] constexpr TerminationReason termination_on_breach(SentenceType type) {
  switch (type) {
    case SentenceType::community_order:
      return TerminationReason::breach;
    case SentenceType::suspended_sentence_order:
      return TerminationReason::activation;
    case SentenceType::licence:
      return TerminationReason::recall;
  }
  return TerminationReason::breach;
}

// Tier (docs/sources.md): a "protect" letter A (highest) .. D and a "change" digit 3 (highest) .. 0.
// Index 0..15 runs A3, A2, A1, A0, B3, ... D0, the column order of the WMT points table (WMT-1).
struct Tier {
  std::uint8_t index = 15;

  [[nodiscard]] int protect_level() const { return index / 4; }     // 0 = A .. 3 = D
  [[nodiscard]] int change_level() const { return 3 - index % 4; }  // 3 .. 0
  [[nodiscard]] static Tier from_levels(int protect_level, int change_level) {
    return Tier{static_cast<std::uint8_t>(protect_level * 4 + (3 - change_level))};
  }
};
inline constexpr std::array<std::string_view, 16> kTierNames = {
    "A3", "A2", "A1", "A0", "B3", "B2", "B1", "B0", "C3", "C2", "C1", "C0", "D3", "D2", "D1", "D0"};
inline constexpr std::array<std::string_view, 4> kTierProtectLetters = {"A", "B", "C", "D"};
inline constexpr std::array<std::string_view, 4> kTierChangeDigits = {"3", "2", "1", "0"};

template <typename Enum, std::size_t N>
[[nodiscard]] std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) {
  return names[static_cast<std::size_t>(value)];
}

// The index of `text` in `names`, or nullopt.
template <std::size_t N>
[[nodiscard]] std::optional<std::size_t> index_of(std::string_view text,
                                                  const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return i;
  return std::nullopt;
}

inline std::string_view to_string(SentenceType v) {
  return name_of(v, kSentenceTypeNames);
}
inline std::string_view to_string(RoshLevel v) {
  return name_of(v, kRoshLevelNames);
}
inline std::string_view to_string(Sex v) {
  return name_of(v, kSexNames);
}
inline std::string_view to_string(TerminationReason v) {
  return name_of(v, kTerminationReasonNames);
}
inline std::string_view to_string(Tier v) {
  return kTierNames[v.index];
}

}  // namespace probsim
