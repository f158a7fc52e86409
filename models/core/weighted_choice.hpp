#pragma once
// A categorical draw over a fixed set of weights, built once (Boost's alias table) and drawn many times.

#include <boost/random/discrete_distribution.hpp>
#include <cstddef>
#include <vector>

#include "core/random_stream.hpp"

namespace probsim {

class WeightedChoice {
 public:
  WeightedChoice() : WeightedChoice(std::vector<double>{1.0}) {}
  explicit WeightedChoice(std::vector<double> weights)
      : weights_(std::move(weights)), distribution_(weights_.begin(), weights_.end()) {}

  [[nodiscard]] std::size_t operator()(RandomStream& stream) const { return distribution_(stream); }
  [[nodiscard]] const std::vector<double>& weights() const { return weights_; }
  [[nodiscard]] std::size_t size() const { return weights_.size(); }

 private:
  std::vector<double> weights_;
  boost::random::discrete_distribution<std::size_t, double> distribution_;
};

}  // namespace probsim
