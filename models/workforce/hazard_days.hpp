#pragma once
// Days until an event of a constant hazard, shared by the workforce's leaving, progression and sickness
// draws.

#include <cmath>

namespace probsim {

// Days until an event of hazard `rate_per_day`, from one uniform draw: −ln(1 − u) / rate. Whole days are
// counted by truncation, so the event falls on day `from + floor(x)` and P(by day from + n − 1) is
// exactly 1 − exp(−rate × n).
[[nodiscard]] inline double exponential_days(double u, double rate_per_day) {
  return -std::log1p(-u) / rate_per_day;
}

}  // namespace probsim
