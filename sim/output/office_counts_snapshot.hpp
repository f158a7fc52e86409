#pragma once
// Counts taken for each office at the end of one day (simulation.workload_snapshot_on), pooled per unit
// when the window's KPIs are written: the holder behind the DA cases' start tasks (da_task_snapshot.hpp)
// and their interventions (da_intervention_snapshot.hpp).

#include <optional>
#include <vector>

namespace probsim {

template <typename Counts>  // a sum: default-constructed empty, with Counts& operator+=(const Counts&)
class OfficeCountsSnapshot {
 public:
  // One count per office (in the recorder's office order).
  void take(std::vector<Counts> by_office) {
    by_office_ = std::move(by_office);
    taken_ = true;
  }

  // The offices `units` (indices in the same order) pooled; nothing if no snapshot was taken.
  [[nodiscard]] std::optional<Counts> pooled(const std::vector<std::size_t>& units) const {
    if (!taken_) return std::nullopt;
    Counts n;
    for (const std::size_t i : units) n += by_office_.at(i);
    return n;
  }

 private:
  std::vector<Counts> by_office_;
  bool taken_ = false;
};

}  // namespace probsim
