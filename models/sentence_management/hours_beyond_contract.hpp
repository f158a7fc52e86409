#pragma once
// Working beyond contracted hours (WF-20: "practitioners often work well beyond their contracted
// hours"): on a working day, a practitioner above `above_workload_pct` of WMT capacity who still has
// work after the day's hours gives it up to `share_of_available_hours` of those hours more, all to
// tasks. No source gives how much or from what load, so both are [Assume] and the setting is off unless
// a scenario sets it (docs/workload_and_timeliness.md). The WMT % is unchanged: it measures against
// contracted hours.

namespace probsim {

struct HoursBeyondContract {
  double above_workload_pct = 100.0;
  double share_of_available_hours = 0.0;  // 0: off

  [[nodiscard]] bool enabled() const { return share_of_available_hours > 0.0; }
  // The extra hours today for someone with `available_hours` today at `workload_pct` of capacity.
  [[nodiscard]] double extra_hours(double available_hours, double workload_pct) const {
    return enabled() && workload_pct > above_workload_pct ? available_hours * share_of_available_hours : 0.0;
  }
};

}  // namespace probsim
