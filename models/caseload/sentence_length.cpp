#include "caseload/sentence_length.hpp"

#include <algorithm>
#include <boost/random/discrete_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <numeric>

namespace probsim {

Day SentenceLengthDistribution::sample_days(RandomStream& stream) const {
  switch (kind) {
    case Kind::fixed:
      return months_to_days(months.front());
    case Kind::discrete: {
      boost::random::discrete_distribution<std::size_t, double> pick(weights.begin(), weights.end());
      return months_to_days(months[pick(stream)]);
    }
    case Kind::uniform: {
      boost::random::uniform_real_distribution<double> length(months[0], months[1]);
      return months_to_days(length(stream));
    }
  }
  return 0;
}

double SentenceLengthDistribution::max_months() const {
  return *std::max_element(months.begin(), months.end());
}

double SentenceLengthDistribution::mean_months() const {
  switch (kind) {
    case Kind::fixed:
      return months.front();
    case Kind::discrete:
      return std::inner_product(months.begin(), months.end(), weights.begin(), 0.0);
    case Kind::uniform:
      return (months[0] + months[1]) / 2.0;
  }
  return 0.0;
}

}  // namespace probsim
