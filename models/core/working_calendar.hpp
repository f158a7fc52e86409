#pragma once
// Which simulation days are working days (Monday to Friday), and counting in working days. Sickness
// episodes last a number of working days; sentence-management due dates will count them too.

#include "core/calendar_date.hpp"

namespace probsim {

inline constexpr double kWorkingDaysPerWeek = 5.0;

class WorkingCalendar {
 public:
  explicit WorkingCalendar(CalendarDate day_zero) : day_zero_weekday_(day_zero.iso_weekday_index()) {}

  [[nodiscard]] bool is_working_day(Day day) const {
    const int weekday = ((day_zero_weekday_ + day) % 7 + 7) % 7;
    return weekday < 5;
  }
  // `day` if it is a working day, else the next one.
  [[nodiscard]] Day next_working_day_from(Day day) const {
    while (!is_working_day(day)) ++day;
    return day;
  }
  // The day after the `count`-th working day counted from `first` (inclusive): [first, result) holds
  // exactly `count` working days when `first` is one.
  [[nodiscard]] Day end_of_working_days(Day first, int count) const {
    Day day = first;
    for (int left = count; left > 0; ++day)
      if (is_working_day(day)) --left;
    return day;
  }

 private:
  int day_zero_weekday_;  // 0 = Monday
};

}  // namespace probsim
