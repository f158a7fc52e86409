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
// A snapshot CSV's dates are a caseload's history and future: a life licensee's sentence can have begun
// decades before any window a user would run, and a sentence the loader allows (up to 1,200 months)
// begun in a window that ends in 2100 can end a century later, as probsim snapshot writes it.
inline constexpr int kEarliestRecordYear = 1900;
inline constexpr int kLatestRecordYear = 2200;
inline constexpr int kLatestReportYear = 2100;
inline constexpr int kMaxReportYears = 50;

// Why `date` is outside earliest_year..latest_year ("must be a date from 1990 to 2100, found 0000-01-01");
// empty when inside. Every date a scenario gives is held to 1990..2100, not only the report window's, and
// a snapshot CSV's to 1900..2200: a bank holiday in year 0 or a sentence ending in 9999 is a typo.
[[nodiscard]] std::string date_outside_calendar_range(const CalendarDate& date,
                                                      int earliest_year = kEarliestReportYear,
                                                      int latest_year = kLatestReportYear);

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
