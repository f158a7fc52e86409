#pragma once
// A practitioner who holds cases: grade, hours, and the WMT points of the cases they hold.

#include <cstdint>
#include <string>

#include "workforce/grade.hpp"

namespace probsim {

struct Practitioner {
  std::string name;  // stable within a PDU, e.g. "Durham/po-003"
  Grade grade = Grade::po;
  double fte = 1.0;
  double contracted_hours_per_week = 37.0;  // already scaled by FTE
  double available_points_per_week = 0.0;
  double case_points_per_week = 0.0;
  std::int32_t caseload = 0;

  // WMT capacity %: 100 means exactly the points this practitioner's hours allow.
  [[nodiscard]] double workload_pct() const {
    return available_points_per_week > 0.0 ? 100.0 * case_points_per_week / available_points_per_week : 0.0;
  }
};

}  // namespace probsim
