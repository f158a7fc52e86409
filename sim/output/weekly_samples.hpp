#pragma once
// One value per practitioner per sampled week (a WMT workload %, a backlog in hours), pooled over the
// offices in the order taken: week by week, and within a week office by office in scenario order. The
// window's KPIs of a unit (the nation, a region, a PDU) are computed from that unit's samples in this
// pooled order, so a mean sums them in the same order whatever the unit.
//
// Which office gave each sample is kept as a count per office per week (offices x weeks numbers), not
// as an office index per sample: on the national 5-year run that is 29,000 counts instead of 2.9
// million indices per series, and a unit's samples are found by visiting its offices' runs rather than
// by testing every sample of the nation once per unit (docs/performance-history.md, 2026-12-04).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace probsim {

class WeeklySamples {
 public:
  // Before a week's samples: `offices` is the number of offices that week (the same every week).
  void begin_week(std::size_t offices);
  // A sample of office `office` in the week begun last. Offices must come in ascending order.
  void add(std::size_t office, double value) {
    values_.push_back(value);
    ++counts_[week_start_ + office];
  }
  // Room for `samples` values over `weeks` weeks of `offices` offices, allocated once.
  void reserve(std::size_t samples, std::size_t weeks, std::size_t offices);

  [[nodiscard]] std::size_t size() const { return values_.size(); }
  // Every sample, in the pooled order; a caller that is done with the pooled order (the last unit
  // computed) may reorder them in place rather than copy them.
  [[nodiscard]] std::vector<double>& all() { return values_; }
  // The samples of the offices with `in_unit[office]` set, in the pooled order.
  [[nodiscard]] std::vector<double> of_offices(const std::vector<char>& in_unit) const;

 private:
  std::vector<double> values_;
  std::vector<std::uint32_t> counts_;  // week w, office o at [w * offices + o]
  std::size_t offices_ = 0;
  std::size_t week_start_ = 0;  // index in counts_ of the current week's first office
};

}  // namespace probsim
