#pragma once
// A delay drawn uniformly between two bounds in weeks, in whole days.

#include <cmath>

#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"

namespace probsim {

// A delay drawn uniformly in [min_weeks, max_weeks], in whole days.
struct WeeksRange {
  double min_weeks = 0.0;
  double max_weeks = 0.0;

  [[nodiscard]] Day days_at(double u01) const {
    return static_cast<Day>(std::lround(7.0 * (min_weeks + u01 * (max_weeks - min_weeks))));
  }

  // Keys `min` and `max` of the range's map.
  [[nodiscard]] RuleProblems check() const {
    if (min_weeks <= max_weeks) return {};
    return {{"min", "min (" + describe_number(min_weeks) + ") must not exceed max (" +
                        describe_number(max_weeks) + ")"}};
  }
};

}  // namespace probsim
