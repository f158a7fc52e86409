#pragma once
// Staff grades in a PDU (docs/sources.md, "Grades"). Probation officers (PO, band 4), probation services
// officers (PSO, band 3) and PQiP trainees hold cases; senior probation officers (team managers),
// programme facilitators, domestic abuse safety officers (DASOs) and case administrators do not, but
// they are staff in post with establishments, leavers and sickness like anyone else.
// A newly qualified officer (NQO) is a PO with a workload reduction, not a grade of its own.

#include <array>
#include <cstdint>
#include <string_view>

namespace probsim {

enum class Grade : std::uint8_t { po, pso, pqip, spo, facilitator, daso, case_administrator };
inline constexpr std::array<std::string_view, 7> kGradeNames = {
    "po", "pso", "pqip", "spo", "facilitator", "daso", "case_administrator"};
inline constexpr std::size_t kGradeCount = kGradeNames.size();

// The grades that hold a caseload: the "practitioner grades" of KPIs such as staff_in_post_fte.
inline constexpr std::array<Grade, 3> kCaseHoldingGrades = {Grade::po, Grade::pso, Grade::pqip};

[[nodiscard]] constexpr bool holds_cases(Grade grade) {
  return grade == Grade::po || grade == Grade::pso || grade == Grade::pqip;
}

[[nodiscard]] inline std::string_view to_string(Grade grade) {
  return kGradeNames[static_cast<std::size_t>(grade)];
}

// A per-grade quantity (FTE, counts, rates), indexed by Grade.
template <typename T>
using PerGrade = std::array<T, kGradeCount>;

template <typename T>
[[nodiscard]] constexpr T& at(PerGrade<T>& values, Grade grade) {
  return values[static_cast<std::size_t>(grade)];
}
template <typename T>
[[nodiscard]] constexpr const T& at(const PerGrade<T>& values, Grade grade) {
  return values[static_cast<std::size_t>(grade)];
}

}  // namespace probsim
