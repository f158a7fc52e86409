#pragma once
// Which simulation days are working days (Monday to Friday, less the scenario's bank holidays), and
// arithmetic in working days. Sickness episodes last a number of working days, and sentence-management
// due dates count them where the standard says "working days" (G-6, G-7, 3a.1, 3a.12).
//
// Due dates are computed for every task of every case, so the common queries are O(1): over a table
// range (the simulated days plus a margin) the calendar keeps a per-day count of working days and the
// list of working days. Outside it, the same answers come from a day-by-day walk.

#include <algorithm>
#include <memory>
#include <vector>

#include "core/calendar_date.hpp"

namespace probsim {

inline constexpr double kWorkingDaysPerWeek = 5.0;

class WorkingCalendar {
 public:
  // Weekdays only, no bank holidays and no table (tests and callers that need nothing else).
  explicit WorkingCalendar(CalendarDate day_zero)
      : day_zero_weekday_(day_zero.iso_weekday_index()), day_zero_epoch_(day_zero.days_since_epoch()) {}

  // Weekdays less `bank_holidays`, with O(1) arithmetic over [first_day, last_day] (a margin of a year
  // is added on both sides so due dates near the ends stay cheap).
  WorkingCalendar(CalendarDate day_zero, const std::vector<CalendarDate>& bank_holidays, Day first_day,
                  Day last_day);

  // The calendar date of a simulation day (yearly breaks in group delivery are dated).
  [[nodiscard]] CalendarDate date_of(Day day) const {
    return CalendarDate::from_days_since_epoch(day_zero_epoch_ + day);
  }

  // 0 = Monday .. 6 = Sunday.
  [[nodiscard]] int weekday_index(Day day) const { return ((day_zero_weekday_ + day) % 7 + 7) % 7; }
  [[nodiscard]] bool is_weekday(Day day) const { return weekday_index(day) < 5; }
  [[nodiscard]] bool is_bank_holiday(Day day) const {
    return std::binary_search(bank_holidays_.begin(), bank_holidays_.end(), day);
  }
  [[nodiscard]] bool is_working_day(Day day) const {
    if (table_ && day >= table_->first && day < table_->first + static_cast<Day>(table_->is_working.size()))
      return table_->is_working[static_cast<std::size_t>(day - table_->first)] != 0;
    return is_weekday(day) && !is_bank_holiday(day);
  }

  // `day` if it is a working day, else the next one.
  [[nodiscard]] Day next_working_day_from(Day day) const {
    while (!is_working_day(day)) ++day;
    return day;
  }

  // The day after the `count`-th working day counted from `first` (inclusive): [first, result) holds
  // exactly `count` working days when `first` is one.
  [[nodiscard]] Day end_of_working_days(Day first, int count) const {
    if (count <= 0) return first;
    return add_working_days(first - 1, count) + 1;
  }

  // The `n`-th working day after `from` (`from` itself not counted): "within n working days of day X"
  // is due on add_working_days(X, n). n = 0 gives `from`.
  [[nodiscard]] Day add_working_days(Day from, int n) const;

  // Working days in (from, to]; 0 when to <= from.
  [[nodiscard]] int working_days_between(Day from, Day to) const;

 private:
  struct Table {
    Day first = 0;
    std::vector<unsigned char> is_working;      // per day from `first`
    std::vector<std::int32_t> working_through;  // working days in [first, first + i]
    std::vector<Day> working_days;              // the working days in the table, in order
  };
  [[nodiscard]] bool in_table(Day day) const {
    return table_ && day >= table_->first &&
           day < table_->first + static_cast<Day>(table_->is_working.size());
  }

  int day_zero_weekday_;                // 0 = Monday
  std::int64_t day_zero_epoch_ = 0;     // day 0, in days since the epoch
  std::vector<Day> bank_holidays_;      // sorted, as simulation days
  std::shared_ptr<const Table> table_;  // shared: every office copies the calendar
};

}  // namespace probsim
