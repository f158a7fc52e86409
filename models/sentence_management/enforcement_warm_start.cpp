#include "sentence_management/enforcement_warm_start.hpp"

#include <algorithm>
#include <cmath>

namespace probsim {

std::vector<double> warm_start_failure_distribution(double expected_failures, int failures_to_breach,
                                                    double order_ended_share) {
  const int k = std::max(1, failures_to_breach);
  std::vector<double> weight(static_cast<std::size_t>(k), 0.0);
  const double lambda = std::max(0.0, expected_failures);
  const double survive_breach = std::clamp(1.0 - order_ended_share, 0.0, 1.0);
  // Poisson terms by recurrence; far enough past Λ that the tail is below double precision.
  double pmf = std::exp(-lambda);
  double survival = 1.0;  // (1-e)^floor(N/k)
  const int last = static_cast<int>(lambda + 12.0 * std::sqrt(lambda) + 40.0);
  for (int n = 0; n <= last; ++n) {
    if (n > 0) {
      pmf *= lambda / n;
      if (n % k == 0) survival *= survive_breach;
    }
    weight[static_cast<std::size_t>(n % k)] += pmf * survival;
  }
  double total = 0.0;
  for (double w : weight) total += w;
  for (double& w : weight) w /= total;
  return weight;
}

int draw_warm_start_failures(double expected_failures, int failures_to_breach, double order_ended_share,
                             double uniform01) {
  const std::vector<double> p =
      warm_start_failure_distribution(expected_failures, failures_to_breach, order_ended_share);
  double cumulative = 0.0;
  for (std::size_t j = 0; j + 1 < p.size(); ++j) {
    cumulative += p[j];
    if (uniform01 < cumulative) return static_cast<int>(j);
  }
  return static_cast<int>(p.size()) - 1;
}

}  // namespace probsim
