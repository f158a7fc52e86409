#include "output/paired_comparison.hpp"

#include <cmath>
#include <stdexcept>

#include "output/summary_statistics.hpp"

namespace probsim {

PairedDifference paired_difference(const std::vector<double>& base, const std::vector<double>& other) {
  if (base.size() != other.size())
    throw std::invalid_argument("paired_difference: unequal numbers of values");
  // A pair with an NA (NaN) on either side is left out, as summarise leaves out NA: n counts the pairs.
  std::vector<double> differences, base_kept, other_kept;
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (std::isnan(base[i]) || std::isnan(other[i])) continue;
    differences.push_back(other[i] - base[i]);
    base_kept.push_back(base[i]);
    other_kept.push_back(other[i]);
  }
  const bool only_na = differences.empty() && !base.empty();
  const SummaryStatistics d = summarise(only_na ? std::vector<double>{std::nan("")} : differences);
  PairedDifference out;
  out.n = differences.size();
  out.base_mean = only_na ? std::nan("") : summarise(base_kept).mean;
  out.other_mean = only_na ? std::nan("") : summarise(other_kept).mean;
  out.diff_mean = d.mean;
  out.diff_sd = d.sd;
  out.ci95_low = d.ci95_low;
  out.ci95_high = d.ci95_high;
  out.excludes_zero = out.n >= 2 && (d.ci95_low > 0.0 || d.ci95_high < 0.0);
  return out;
}

}  // namespace probsim
