#pragma once
// The simulated span: the report window and the warm-up before it, and the mapping between simulation
// days (day 0 = report start less the warm-up) and calendar dates. Plain values, read by every layer.

#include <optional>

#include "core/calendar_date.hpp"

namespace probsim {

enum class WarmStart { empty, steady_state, snapshot };

// When the simulation runs. Day 0 is `warm_up_weeks` before the report start; KPIs and time series
// cover the report window [report_start, report_end] only.
struct SimulationWindow {
  CalendarDate report_start;
  CalendarDate report_end;  // inclusive
  int warm_up_weeks = 0;
  WarmStart warm_start = WarmStart::steady_state;
  // A day at whose end every practitioner's WMT % is read, for a published one-week snapshot such as
  // CT-17's week to 7 Feb 2023 (simulation.workload_snapshot_on); none unless a scenario sets it.
  std::optional<CalendarDate> workload_snapshot_on;

  [[nodiscard]] Day first_report_day() const { return warm_up_weeks * 7; }
  [[nodiscard]] CalendarDate day_zero() const { return report_start.plus_days(-first_report_day()); }
  [[nodiscard]] Day last_day() const {
    return first_report_day() +
           static_cast<Day>(report_end.days_since_epoch() - report_start.days_since_epoch());
  }
  [[nodiscard]] CalendarDate date_of(Day day) const { return day_zero().plus_days(day); }
};

}  // namespace probsim
