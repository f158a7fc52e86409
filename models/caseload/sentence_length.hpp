#pragma once
// A sentence length distribution. Lengths are bounded (fixed, a discrete set, or a uniform range) so
// the warm-start pre-history needs to look back only a finite time (see WarmStartCaseload).

#include <vector>

#include "core/calendar_date.hpp"
#include "core/random_stream.hpp"

namespace probsim {

struct SentenceLengthDistribution {
  enum class Kind { fixed, discrete, uniform } kind = Kind::fixed;
  std::vector<double> months;   // fixed: one value; discrete: the values; uniform: {min, max}
  std::vector<double> weights;  // discrete only; normalised to sum 1 by the scenario loader

  [[nodiscard]] Day sample_days(RandomStream& stream) const;
  [[nodiscard]] double max_months() const;
  [[nodiscard]] double mean_months() const;
};

[[nodiscard]] inline Day months_to_days(double months) {
  return static_cast<Day>(months * kDaysPerMonth + 0.5);
}

}  // namespace probsim
