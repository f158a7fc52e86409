#include "core/bounded_distribution.hpp"

#include <algorithm>
#include <boost/random/discrete_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <numeric>

namespace probsim {

double BoundedDistribution::sample(RandomStream& stream) const {
  switch (kind) {
    case Kind::fixed:
      return values.front();
    case Kind::discrete: {
      boost::random::discrete_distribution<std::size_t, double> pick(weights.begin(), weights.end());
      return values[pick(stream)];
    }
    case Kind::uniform: {
      boost::random::uniform_real_distribution<double> draw(values[0], values[1]);
      return draw(stream);
    }
  }
  return 0.0;
}

double BoundedDistribution::max() const {
  return *std::max_element(values.begin(), values.end());
}

double BoundedDistribution::mean() const {
  switch (kind) {
    case Kind::fixed:
      return values.front();
    case Kind::discrete:
      return std::inner_product(values.begin(), values.end(), weights.begin(), 0.0);
    case Kind::uniform:
      return (values[0] + values[1]) / 2.0;
  }
  return 0.0;
}

}  // namespace probsim
