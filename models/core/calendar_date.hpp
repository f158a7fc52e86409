#pragma once
// Calendar dates and simulation days. A day is 1.0 of SimGrid time (docs/architecture.md); day 0 is the
// first day simulated (the start of the warm-up). Dates use the proleptic Gregorian calendar, so date
// arithmetic is exact and needs no time-zone or locale.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace probsim {

// A simulation day index, relative to the scenario's first simulated day. Negative days exist only for
// the pre-history that generates a warm-start caseload.
using Day = std::int32_t;

inline constexpr double kDaysPerWeek = 7.0;
inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kDaysPerMonth = kDaysPerYear / 12.0;

struct CalendarDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  auto operator<=>(const CalendarDate&) const = default;

  // Days since 1970-01-01 (negative before).
  [[nodiscard]] std::int64_t days_since_epoch() const;
  [[nodiscard]] static CalendarDate from_days_since_epoch(std::int64_t days);

  [[nodiscard]] CalendarDate plus_days(std::int64_t days) const {
    return from_days_since_epoch(days_since_epoch() + days);
  }
  // The same day-of-month `months` later (or earlier), clamped to the end of a shorter month:
  // 2023-08-31 plus 6 months is 2024-02-29. Training stages and qualification dates are set this way.
  [[nodiscard]] CalendarDate plus_months(int months) const;
  // 0 = Monday ... 6 = Sunday (ISO 8601).
  [[nodiscard]] int iso_weekday_index() const;
  [[nodiscard]] bool is_last_day_of_month() const { return plus_days(1).day == 1; }
  [[nodiscard]] int days_in_month() const;
  [[nodiscard]] std::string iso() const;  // YYYY-MM-DD

  // Parses YYYY-MM-DD strictly (range-checked); nullopt when the text is not a valid date.
  [[nodiscard]] static std::optional<CalendarDate> parse_iso(std::string_view text);
  // Why text shaped as YYYY-MM-DD is no date at all ("2023-02-30 is not a day: February 2023 has 28
  // days"), so a message does not call a real typo of the day a format error; empty when the text is
  // not so shaped, or is a date. Every reader of dates asks it when parse_iso fails.
  [[nodiscard]] static std::string impossible_date(std::string_view text);
};

}  // namespace probsim
