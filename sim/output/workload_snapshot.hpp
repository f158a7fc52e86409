#pragma once
// Every practitioner's WMT % at the end of one day (simulation.workload_snapshot_on), for a published
// one-week figure: CT-17 is the national and regional mean "in the week to 7 Feb 2023" (PUB-14), a
// snapshot of the live WMT system, not a mean over a window. The window KPIs (workload_pct_mean) pool
// every weekly sample and so cannot be read against it.
//
// KPIs, per unit (national, region, PDU), over practitioners who can take cases that day:
//   workload_snapshot_pct_mean, workload_snapshot_pct_p90, workload_snapshot_pct_max,
//   workload_snapshot_over_110_share, workload_snapshot_over_200_share (PUB-13: "some officers at about
//   twice their capacity").

#include <functional>
#include <string>
#include <vector>

namespace probsim {

class WorkloadSnapshot {
 public:
  // One WMT % per practitioner who can take cases, for each office (in the recorder's office order).
  void take(std::vector<std::vector<double>> pct_by_office) {
    pct_by_office_ = std::move(pct_by_office);
    taken_ = true;
  }

  // Calls kpi(name, value) for the offices `units` pooled; nothing if no snapshot was taken.
  void emit(const std::vector<std::size_t>& units,
            const std::function<void(const std::string&, double)>& kpi) const;

 private:
  std::vector<std::vector<double>> pct_by_office_;
  bool taken_ = false;
};

}  // namespace probsim
