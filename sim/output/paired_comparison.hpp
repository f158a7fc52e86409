#pragma once
// Paired differences between two runs (`probsim compare`, docs/architecture.md). Replication r of
// one run is paired with replication r of the other. When both used the same base seed, replication r
// saw the same referrals in both (common random numbers), so the differences carry only the effect of
// what changed and their confidence interval is far tighter than one from two independent samples.

#include <string>
#include <vector>

namespace probsim {

struct PairedDifference {
  std::size_t n = 0;  // pairs
  double base_mean = 0.0;
  double other_mean = 0.0;
  double diff_mean = 0.0;  // mean of (other − base)
  double diff_sd = 0.0;    // sample sd of the differences; 0 when n < 2
  double ci95_low = 0.0;   // diff_mean ± t(0.975, n − 1)·diff_sd/√n; equal to diff_mean when n < 2
  double ci95_high = 0.0;
  bool excludes_zero = false;  // the CI lies wholly above or below 0 (never with n < 2)
};

// `base` and `other` hold the paired values in the same order; they must have the same size. A pair with
// a NaN (NA) on either side is left out; n counts the pairs used.
[[nodiscard]] PairedDifference paired_difference(const std::vector<double>& base,
                                                 const std::vector<double>& other);

}  // namespace probsim
