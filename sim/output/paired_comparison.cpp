#include "output/paired_comparison.hpp"

#include <stdexcept>

#include "output/summary_statistics.hpp"

namespace probsim {

PairedDifference paired_difference(const std::vector<double>& base, const std::vector<double>& other) {
  if (base.size() != other.size())
    throw std::invalid_argument("paired_difference: unequal numbers of values");
  std::vector<double> differences(base.size());
  for (std::size_t i = 0; i < base.size(); ++i) differences[i] = other[i] - base[i];
  const SummaryStatistics d = summarise(differences);
  PairedDifference out;
  out.n = base.size();
  out.base_mean = summarise(base).mean;
  out.other_mean = summarise(other).mean;
  out.diff_mean = d.mean;
  out.diff_sd = d.sd;
  out.ci95_low = d.ci95_low;
  out.ci95_high = d.ci95_high;
  out.excludes_zero = out.n >= 2 && (d.ci95_low > 0.0 || d.ci95_high < 0.0);
  return out;
}

}  // namespace probsim
