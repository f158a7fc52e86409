#pragma once
// The simulated span: the report window and the warm-up before it, and the mapping between simulation
// days (day 0 = report start less the warm-up) and calendar dates. Plain values, read by every layer.

#include <optional>
#include <string>
#include <utility>

#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"

namespace probsim {

enum class WarmStart { empty, steady_state, snapshot };

// A window a user could mean: probation as it is organised, and a horizon that a plan looks over. A
// year 9999 end is a valid date but runs for hours; a longer horizon is split into runs that each start
// from a snapshot.
inline constexpr int kEarliestReportYear = 1990;
// A snapshot CSV's dates are the caseload's history: a life licensee's sentence can have begun decades
// before any window a user would run, so its rows reach back further than the scenario's own dates.
inline constexpr int kEarliestRecordYear = 1900;
inline constexpr int kLatestReportYear = 2100;
inline constexpr int kMaxReportYears = 50;

// Why `date` is outside kEarliestReportYear..kLatestReportYear ("must be a date from 1990 to 2100, found
// 0000-01-01"); empty when inside. Every date a scenario or snapshot CSV gives is held to this range, not
// only the report window's: a bank holiday in year 0 or a sentence ending in 9999 is a typo, not a plan.
[[nodiscard]] std::string date_outside_calendar_range(const CalendarDate& date,
                                                      int earliest_year = kEarliestReportYear);

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

  // The window's dates (keys of `simulation`): the end after the start, both in the calendar's range,
  // at most kMaxReportYears apart, and the workload snapshot's day inside the window.
  [[nodiscard]] RuleProblems check() const;
  // One report date (`key`: report_start or report_end) against the calendar's range alone: for a
  // window whose other date is not known.
  [[nodiscard]] static RuleProblems check_report_year(const CalendarDate& date, const std::string& key);
};

}  // namespace probsim
