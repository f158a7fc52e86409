#pragma once
// Practitioner grades that hold cases (DOMAIN.md §1 "Grades"). Support roles (facilitators, DASOs,
// administrators) are not case holders and join with the workforce and interventions models.

#include <array>
#include <cstdint>
#include <string_view>

namespace probsim {

enum class Grade : std::uint8_t { po, pso, pqip };
inline constexpr std::array<std::string_view, 3> kGradeNames = {"po", "pso", "pqip"};
inline constexpr std::size_t kGradeCount = kGradeNames.size();

inline std::string_view to_string(Grade grade) {
  return kGradeNames[static_cast<std::size_t>(grade)];
}

}  // namespace probsim
