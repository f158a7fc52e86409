#pragma once
// The few distinct strings a replication's time series names (dates, levels, units, metrics), each
// stored once. A national run has about 330,000 rows but only a few hundred distinct labels; rows that
// held four std::strings each cost a heap allocation per long label and a 45 MB vector that was copied
// as it grew, all on the replication's one serial thread (docs/performance-history.md).

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace probsim {

class LabelPool {
 public:
  LabelPool() = default;
  LabelPool(const LabelPool&) = delete;  // views point into it: it never moves its strings
  LabelPool& operator=(const LabelPool&) = delete;

  // A view of a stored copy of `text`, valid as long as the pool lives.
  [[nodiscard]] std::string_view intern(std::string_view text);

 private:
  std::deque<std::string> texts_;  // a deque never moves what it holds as it grows
  std::unordered_map<std::string_view, std::string_view> index_;
};

}  // namespace probsim
