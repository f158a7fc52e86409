#pragma once
// A distribution with bounded support, in whatever unit its scenario key names (months of a sentence,
// weeks of a recruitment lag, working days of a sickness episode): a fixed value, a discrete set of
// values with weights, or a uniform range. Bounded on purpose: the warm start must look back only a
// finite time, and a lag or episode with an unbounded tail would be a modelling choice nobody made.

#include <vector>

#include "core/random_stream.hpp"

namespace probsim {

struct BoundedDistribution {
  enum class Kind { fixed, discrete, uniform } kind = Kind::fixed;
  std::vector<double> values;   // fixed: one value; discrete: the values; uniform: {min, max}
  std::vector<double> weights;  // discrete only; normalised to sum 1 by the scenario loader

  [[nodiscard]] static BoundedDistribution fixed_at(double value) { return {Kind::fixed, {value}, {}}; }

  [[nodiscard]] double sample(RandomStream& stream) const;
  [[nodiscard]] double max() const;
  [[nodiscard]] double mean() const;
};

}  // namespace probsim
