#include "output/weekly_samples.hpp"

#include <stdexcept>

namespace probsim {

void WeeklySamples::begin_week(std::size_t offices) {
  if (!counts_.empty() && offices != offices_)
    throw std::logic_error("WeeklySamples: the number of offices changed between weeks");
  offices_ = offices;
  week_start_ = counts_.size();
  counts_.resize(counts_.size() + offices, 0);
}

void WeeklySamples::reserve(std::size_t samples, std::size_t weeks, std::size_t offices) {
  values_.reserve(samples);
  counts_.reserve(weeks * offices);
}

std::vector<double> WeeklySamples::of_offices(const std::vector<char>& in_unit) const {
  std::vector<double> unit;
  std::size_t at = 0;  // the first sample of the current (week, office) run
  for (std::size_t run = 0; run < counts_.size(); ++run) {
    const std::size_t count = counts_[run];
    if (in_unit[run % offices_] != 0)
      unit.insert(unit.end(), values_.begin() + static_cast<std::ptrdiff_t>(at),
                  values_.begin() + static_cast<std::ptrdiff_t>(at + count));
    at += count;
  }
  return unit;
}

}  // namespace probsim
