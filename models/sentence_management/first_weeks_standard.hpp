#pragma once
// The National Standard on appointments in the first weeks of an order (3a.3; SDA-10): a community
// rehabilitation order is offered 12 appointments in its first 12 weeks. At the end of the first weeks
// the order is checked: it met the standard if that many appointments were held (kept or missed: the
// standard counts appointments offered, not attended). Read from the scenario's
// `enforcement.first_weeks_standard` (docs/national_standards.md); absent, nothing is checked.

#include <array>
#include <cstddef>
#include <cstdint>

#include "caseload/case_attributes.hpp"
#include "core/calendar_date.hpp"

namespace probsim {

struct FirstWeeksStandard {
  double weeks = 0.0;  // the length of the first weeks; 0: no standard
  // Appointments required in the first weeks, by SentenceType; 0: the type is not checked.
  std::array<double, 3> appointments{};

  [[nodiscard]] bool applies_to(SentenceType type) const {
    return weeks > 0.0 && appointments[static_cast<std::size_t>(type)] > 0.0;
  }
  // The check falls on day start + days(): appointments on days [start, start + days()) count.
  [[nodiscard]] Day days() const { return static_cast<Day>(weeks * 7.0 + 0.5); }
  [[nodiscard]] bool met(SentenceType type, std::uint32_t appointments_held) const {
    return static_cast<double>(appointments_held) >= appointments[static_cast<std::size_t>(type)];
  }
};

}  // namespace probsim
